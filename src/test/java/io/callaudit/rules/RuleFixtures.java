package io.callaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.Auditor;
import io.callaudit.ingest.CallReader;
import io.callaudit.ingest.CallReaders;
import io.callaudit.ingest.InputFormat;
import io.callaudit.model.Profile;
import io.callaudit.model.ReadResult;
import io.callaudit.profile.ProfileLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Error Prone-style rule fixtures under {@code src/test/resources/rules/<rule-id>/}.
 *
 * <p>Each folder holds one or more profiles ({@code *.yaml}) and canonical NDJSON calls. A profile
 * {@code name.yaml} is audited with {@code name.ndjson} when that file exists (an empty one means "no calls"),
 * else with {@code calls.ndjson} when that exists, else with no calls at all. A profile named
 * {@code no-profile*.yaml} stands for an audit without {@code --config}: only its provider and {@code as_of}
 * are used, the rest is the built-in defaults.
 *
 * <p>Markers: a call whose id starts with {@code fire} must get a finding of the folder's rule and every other
 * call must not; a profile line ending in {@code # expect: <rule-id>} must get a finding of that rule pointing
 * at it, and no other line may.
 */
final class RuleFixtures {

    static final String FIRE_PREFIX = "fire";

    /** The audit clock when a profile writes no {@code as_of}. */
    static final Instant DEFAULT_AS_OF = Instant.parse("2026-11-20T00:00:00Z");

    /** Phone numbers compare by their digits: "+33 1 23 45 67 89" and "+33123456789" are one line. */
    static final UnaryOperator<String> DIGITS_ONLY = s -> {
        String digits = s.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : digits;
    };

    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*(\\S.*?)\\s*$");

    private RuleFixtures() {}

    /** One profile of one folder, with the calls it is audited with (null when none). */
    record Case(String ruleId, Path profile, Path calls) {

        String name() {
            return profile.getFileName() + (calls == null ? "" : " + " + calls.getFileName());
        }
    }

    static Path root() {
        URL url = RuleFixtures.class.getResource("/rules");
        assertThat(url).as("test resource folder /rules").isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every fixture folder, by rule id, sorted. */
    static List<Path> folders() {
        try (Stream<Path> s = Files.list(root())) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> cases(Path folder) {
        String ruleId = folder.getFileName().toString();
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path yaml : s.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList()) {
                String stem = yaml.getFileName().toString().replaceFirst("\\.yaml$", "");
                Path own = folder.resolve(stem + ".ndjson");
                Path shared = folder.resolve("calls.ndjson");
                Path calls = Files.exists(own) ? own : Files.exists(shared) ? shared : null;
                cases.add(new Case(ruleId, yaml, calls));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    static List<Case> allCases() {
        List<Case> all = new ArrayList<>();
        for (Path folder : folders()) {
            all.addAll(cases(folder));
        }
        return all;
    }

    static Profile profile(Path yaml) {
        return new ProfileLoader().load(yaml);
    }

    /** The canonical records of {@code ndjson}, in file order; an empty file has none. */
    static List<ReadResult> read(Path ndjson) {
        if (ndjson == null || size(ndjson) == 0) {
            return List.of();
        }
        List<ReadResult> out = new ArrayList<>();
        try (CallReader reader =
                CallReaders.open(ndjson.toString(), InputStream.nullInputStream(), InputFormat.CANONICAL)) {
            for (ReadResult r : reader) {
                out.add(r);
            }
        }
        return out;
    }

    static AuditResult audit(Profile profile, List<ReadResult> records) {
        Instant asOf = profile.asOf() != null ? profile.asOf() : DEFAULT_AS_OF;
        return new Auditor(RuleSet.builtIn(), profile, asOf, DIGITS_ONLY).audit(records);
    }

    static AuditResult run(Case c) {
        Profile profile = profile(c.profile());
        if (c.profile().getFileName().toString().startsWith("no-profile")) {
            Profile defaults = Profile.defaults(profile.provider());
            profile = new Profile(
                    null,
                    defaults.provider(),
                    null,
                    profile.asOf(),
                    null,
                    null,
                    false,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        return audit(profile, read(c.calls()));
    }

    /** The ids of the calls in {@code ndjson} as written, in file order (read as text, not through the audit). */
    static List<String> callIds(Path ndjson) {
        List<String> ids = new ArrayList<>();
        for (ReadResult r : read(ndjson)) {
            if (r instanceof ReadResult.Call call) {
                ids.add(call.call().id());
            }
        }
        return ids;
    }

    /** Line number to the rule ids its {@code # expect:} marker names. */
    static Map<Integer, Set<String>> expectations(Path yaml) {
        Map<Integer, Set<String>> out = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPECT.matcher(lines.get(i));
            if (m.find()) {
                Set<String> ids = new LinkedHashSet<>();
                for (String id : m.group(1).split(",")) {
                    ids.add(id.trim());
                }
                out.put(i + 1, ids);
            }
        }
        return out;
    }

    /** The lines marked for {@code ruleId}. */
    static Set<Integer> expectedLines(Path yaml, String ruleId) {
        Set<Integer> lines = new LinkedHashSet<>();
        expectations(yaml).forEach((line, ids) -> {
            if (ids.contains(ruleId)) {
                lines.add(line);
            }
        });
        return lines;
    }

    static boolean isFire(String callId) {
        return callId.startsWith(FIRE_PREFIX);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
