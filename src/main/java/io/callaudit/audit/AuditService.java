package io.callaudit.audit;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.Auditor;
import io.callaudit.ingest.CallReader;
import io.callaudit.ingest.CallReaders;
import io.callaudit.ingest.InputException;
import io.callaudit.ingest.InputFormat;
import io.callaudit.model.Profile;
import io.callaudit.model.Provider;
import io.callaudit.profile.ProfileLoader;
import io.callaudit.rules.RuleSet;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The audit both faces share: load the profile, stream the inputs through the rules, hand back the result.
 * The CLI and the Lambda differ only in where bytes come from and where reports go.
 */
public final class AuditService {

    private final RuleSet rules;
    private final ProfileLoader loader;
    private final InputStream stdin;
    private final Clock clock;

    public AuditService() {
        this(RuleSet.builtIn(), new ProfileLoader(), System.in, Clock.systemUTC());
    }

    public AuditService(RuleSet rules, ProfileLoader loader, InputStream stdin, Clock clock) {
        this.rules = rules;
        this.loader = loader;
        this.stdin = stdin;
        this.clock = clock;
    }

    public RuleSet rules() {
        return rules;
    }

    /** Loads a profile strictly; a malformed one is a usage error naming file, line and key. */
    public Profile loadProfile(String path) {
        return loader.load(Path.of(path));
    }

    /**
     * Audits the request's inputs.
     *
     * @throws io.callaudit.profile.ProfileException when the profile is malformed (exit 2)
     * @throws InputException when an input cannot be read at all, or holds no record (exit 3)
     */
    public AuditResult audit(AuditRequest request) {
        Profile profile = request.profile() == null ? null : loadProfile(request.profile());
        for (String name : request.inputs()) {
            if (!name.equals("-") && !Files.isRegularFile(Path.of(name))) {
                throw new InputException(name, Files.isDirectory(Path.of(name))
                        ? "is a directory, not a call-log file" : "no such file");
            }
        }
        List<String> inputs = request.inputs();
        CallReader first = CallReaders.open(inputs.get(0), stdin, request.inputFormat());
        try (ChainedInput input = new ChainedInput(first,
                CallReaders.openEach(inputs.subList(1, inputs.size()), stdin, request.inputFormat()).iterator())) {
            if (profile == null) {
                profile = Profile.defaults(providerOf(first.format()));
            }
            Instant asOf = request.asOf() != null ? request.asOf()
                    : profile.asOf() != null ? profile.asOf() : clock.instant();
            AuditResult result = new Auditor(rules, profile, asOf, new PhoneNumbers(profile.defaultRegion()))
                    .audit(input);
            if (result.empty()) {
                throw new InputException(String.join(", ", inputs), "no call records found");
            }
            return result;
        }
    }

    /** Without a profile, the input's own provider decides which documented facts apply. */
    static Provider providerOf(InputFormat format) {
        return switch (format) {
            case AIRCALL, CANONICAL -> Provider.AIRCALL;
        };
    }
}
