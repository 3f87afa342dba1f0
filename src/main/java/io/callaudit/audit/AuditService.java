package io.callaudit.audit;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.Auditor;
import io.callaudit.engine.Explanation;
import io.callaudit.engine.ProfileDiff;
import io.callaudit.gate.Baseline;
import io.callaudit.gate.BaselineLoader;
import io.callaudit.gate.Gate;
import io.callaudit.gate.GateResult;
import io.callaudit.gate.WaiverLoader;
import io.callaudit.gate.Waivers;
import io.callaudit.ingest.CallReader;
import io.callaudit.ingest.CallReaders;
import io.callaudit.ingest.InputException;
import io.callaudit.ingest.InputFormat;
import io.callaudit.ingest.InputSource;
import io.callaudit.model.Profile;
import io.callaudit.model.Provider;
import io.callaudit.model.ReadResult;
import io.callaudit.profile.ProfileLoader;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleSet;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
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
        return run(request, auditJob(request.inputs()));
    }

    /**
     * Audits inputs that are already open (an S3 object body), in order, with a profile already loaded: the
     * Lambda face reads its bytes from S3, not from files, and must not spool them to disk first. Same rules,
     * same clock and same "nothing read" failure as {@link #audit(AuditRequest)}. Each source is closed once
     * read, also when the audit fails.
     *
     * @param profile the profile, or null to audit against the first input's provider defaults
     * @param forced the input format, or null to detect it from the content
     * @throws InputException when an input cannot be read at all, or holds no record (exit 3)
     */
    public AuditResult audit(Profile profile, List<InputSource> inputs, InputFormat forced) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input to audit");
        }
        ZoneId zone = profile == null ? null : profile.statedTimezone();
        try {
            CallReader first = CallReaders.open(inputs.get(0), forced, zone);
            Iterator<CallReader> rest = inputs.subList(1, inputs.size()).stream()
                    .map(source -> CallReaders.open(source, forced, zone))
                    .iterator();
            return run(
                    profile,
                    null,
                    first,
                    rest,
                    auditJob(inputs.stream().map(InputSource::name).toList()),
                    Progress.NONE);
        } finally {
            // Sources a failure left unopened are still owned here; closing a source twice is harmless.
            inputs.forEach(InputSource::close);
        }
    }

    /** Audits and refuses an empty result: a run never passes because it found nothing to check. */
    private static Job<AuditResult> auditJob(List<String> inputNames) {
        return (auditor, input) -> {
            AuditResult result = auditor.audit(input);
            if (result.empty()) {
                throw new InputException(String.join(", ", inputNames), "no call records found");
            }
            return result;
        };
    }

    /**
     * The checklist for one call of the request's inputs.
     *
     * @return null when no call has that id
     */
    public Explanation explain(AuditRequest request, String callId) {
        return run(request, (auditor, input) -> auditor.explain(input, callId));
    }

    /**
     * Applies the reviewed waivers and the baseline: suppressed findings stay in the result, marked, and stop
     * failing the run; expired or malformed waivers are reported.
     *
     * @param waivers path of the waiver file, or null
     * @param baseline path of a previous JSON report, or null
     * @throws io.callaudit.gate.GateFileException when either file cannot be read as what it claims (exit 2)
     */
    public GateResult gate(AuditResult result, String waivers, String baseline) {
        if (waivers == null && baseline == null) {
            return new GateResult(result, List.of());
        }
        Waivers w = waivers == null ? null : new WaiverLoader(rules).load(Path.of(waivers));
        Baseline b = baseline == null ? null : new BaselineLoader().load(Path.of(baseline));
        return new Gate(rules).apply(result, w, b);
    }

    /**
     * Checks profiles alone, the gate before a profile ships. Findings of every profile point at their own
     * file; the first profile stands for the batch in report headers.
     */
    public AuditResult checkConfig(List<String> profiles, Instant asOfOverride) {
        List<Finding> findings = new ArrayList<>();
        Profile first = null;
        for (String path : profiles) {
            Profile p = loadProfile(path);
            first = first == null ? p : first;
            findings.addAll(rules.checkProfile(p));
        }
        Instant asOf = asOfOverride != null ? asOfOverride : first.asOf() != null ? first.asOf() : clock.instant();
        return AuditResult.ofProfileCheck(first, asOf, findings);
    }

    /**
     * Compares two profiles, and their impact over the calls of {@code inputs} (may be empty). The calls are
     * held in memory: a diff replays them under both profiles.
     */
    public ProfileDiff diff(
            String baseProfile, String headProfile, List<String> inputs, InputFormat format, Instant asOfOverride) {
        Profile base = loadProfile(baseProfile);
        Profile head = loadProfile(headProfile);
        Instant asOf = asOfOverride != null ? asOfOverride : head.asOf() != null ? head.asOf() : clock.instant();
        List<ReadResult> calls = new ArrayList<>();
        if (!inputs.isEmpty()) {
            checkInputsExist(inputs);
            for (CallReader reader : CallReaders.openEach(inputs, stdin, format, head.statedTimezone())) {
                try (reader) {
                    reader.forEach(calls::add);
                }
            }
        }
        return ProfileDiff.compute(rules, base, head, calls, asOf, new PhoneNumbers(head.defaultRegion()));
    }

    /** What to do with the auditor once profile, clock and inputs are ready. */
    private interface Job<T> {
        T run(Auditor auditor, Iterable<ReadResult> input);
    }

    private <T> T run(AuditRequest request, Job<T> job) {
        Profile profile = request.profile() == null ? null : loadProfile(request.profile());
        checkInputsExist(request.inputs());
        List<String> inputs = request.inputs();
        // Exotel and CTM write local times without an offset: read them in the account's zone, else the vendor's.
        ZoneId zone = profile == null ? null : profile.statedTimezone();
        CallReader first = CallReaders.open(inputs.get(0), stdin, request.inputFormat(), zone);
        return run(
                profile,
                request.asOf(),
                first,
                CallReaders.openEach(inputs.subList(1, inputs.size()), stdin, request.inputFormat(), zone)
                        .iterator(),
                job,
                request.progress());
    }

    /**
     * Runs {@code job} over readers already opened, whichever face opened them.
     *
     * @param profile the loaded profile, or null for the first input's provider defaults
     * @param asOfOverride the audit clock asked for, or null for the profile's {@code as_of}, else now
     * @param progress told how far reading has got
     */
    private <T> T run(
            Profile profile,
            Instant asOfOverride,
            CallReader first,
            Iterator<CallReader> rest,
            Job<T> job,
            Progress progress) {
        try (ChainedInput input = new ChainedInput(first, rest)) {
            // The zone the first input's offset-less times were read in, for the report to say.
            Profile effective = (profile != null ? profile : Profile.defaults(providerOf(first.format())))
                    .withTimezone(first.zone());
            Instant asOf =
                    asOfOverride != null ? asOfOverride : effective.asOf() != null ? effective.asOf() : clock.instant();
            return job.run(
                    new Auditor(
                            rules,
                            effective,
                            asOf,
                            new PhoneNumbers(effective.defaultRegion()),
                            () -> new SpillingResultStore(rules)),
                    new PrefetchingInput(input, progress, input::bytesRead));
        }
    }

    /**
     * Fails before reading anything when an input is missing: half an audit is worse than none. Anything that
     * exists and is not a directory is read as a stream, so a named pipe, {@code <(zcat calls.json.gz)} and
     * {@code /dev/stdin} work like files.
     */
    private static void checkInputsExist(List<String> inputs) {
        for (String name : inputs) {
            if (name.equals("-")) {
                continue;
            }
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                throw new InputException(name, "is a directory, not a call-log file");
            }
            if (!Files.exists(path)) {
                throw new InputException(name, "no such file");
            }
        }
    }

    /** Without a profile, the input's own provider decides which documented facts apply. */
    static Provider providerOf(InputFormat format) {
        return switch (format) {
            case AIRCALL, CANONICAL -> Provider.AIRCALL;
            case EXOTEL -> Provider.EXOTEL;
            case CTM -> Provider.CTM;
        };
    }
}
