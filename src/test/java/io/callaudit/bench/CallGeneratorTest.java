package io.callaudit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.Outcome;
import io.callaudit.engine.Summary;
import io.callaudit.ingest.CallReader;
import io.callaudit.ingest.CallReaders;
import io.callaudit.ingest.InputFormat;
import io.callaudit.ingest.InputSource;
import io.callaudit.model.CallRecord;
import io.callaudit.model.Profile;
import io.callaudit.model.ReadResult;
import io.callaudit.profile.ProfileLoader;
import io.callaudit.rules.RuleSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The benchmark data must be what it says: the same bytes for the same seed (or results could not be compared
 * between runs), a batch callaudit reads without a single rejection, and the documented mix of gaps, checked by
 * auditing it with the real readers and rules rather than by counting what the generator meant to write.
 */
class CallGeneratorTest {

    private static final int CALLS = 2_000;

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot() {
        byte[] first = CallGenerator.generate(CallFormat.AIRCALL, CALLS, 7);
        byte[] again = CallGenerator.generate(CallFormat.AIRCALL, CALLS, 7);
        byte[] other = CallGenerator.generate(CallFormat.AIRCALL, CALLS, 8);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(CallGenerator.profile(CallFormat.AIRCALL, CALLS, 7))
                .isEqualTo(CallGenerator.profile(CallFormat.AIRCALL, CALLS, 7));
    }

    @Test
    void commandWritesTheSameBatchPlainAndGzipWithItsProfile(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("calls.ndjson");
        Path gzip = dir.resolve("calls.ndjson.gz");
        Path profile = dir.resolve("profile.yaml");

        CallGenerator.main(new String[] {
            "--format",
            "aircall",
            "--calls",
            "2k",
            "--seed",
            "7",
            "--out",
            plain.toString(),
            "--profile-out",
            profile.toString()
        });
        CallGenerator.main(new String[] {"--calls", "2000", "--seed", "7", "--out", gzip.toString()});

        byte[] expected = CallGenerator.generate(CallFormat.AIRCALL, CALLS, 7);
        assertThat(Files.readAllBytes(plain)).isEqualTo(expected);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
            assertThat(in.readAllBytes()).isEqualTo(expected);
        }
        assertThat(Files.readString(profile)).isEqualTo(CallGenerator.profile(CallFormat.AIRCALL, CALLS, 7));
    }

    @Test
    void aircallBatchHasTheDocumentedMix() {
        byte[] bytes = CallGenerator.generate(CallFormat.AIRCALL, CALLS, 42);
        String profile = CallGenerator.profile(CallFormat.AIRCALL, CALLS, 42);
        List<ReadResult> records = read(bytes, CallFormat.AIRCALL);
        Summary s = audit(profile, records).summary(RuleSet.builtIn());

        assertThat(s.calls()).isEqualTo(CALLS);
        assertThat(s.rejected()).isZero();
        assertThat(s.superseded()).isZero();
        Map<String, Long> rules = s.byRule();
        assertThat(share(rules, "gap.unanswered")).isBetween(0.12, 0.18);
        assertThat(share(rules, "gap.short-talk")).isBetween(0.035, 0.065);
        assertThat(share(rules, "gap.parallel-leg")).isBetween(0.01, 0.03);
        assertThat(share(rules, "gap.recording-disabled")).isBetween(0.03, 0.10);
        assertThat(share(rules, "link.number-deleted")).isBetween(0.03, 0.10);
        assertThat(rules.get("gap.too-long")).isBetween(1L, 12L);
        assertThat(rules.get("gap.unexplained")).isPositive();
        assertThat(s.byOutcome().get(Outcome.RECORDED)).isGreaterThan(CALLS / 2);
        assertThat(bytes.length / CALLS).as("bytes per Aircall call object").isBetween(900, 1300);

        Instant previous = Instant.MIN;
        for (ReadResult r : records) {
            CallRecord call = ((ReadResult.Call) r).call();
            assertThat(call.startedAt()).as("export sorted by started_at").isAfterOrEqualTo(previous);
            previous = call.startedAt();
        }
    }

    @ParameterizedTest
    @EnumSource(CallFormat.class)
    void everyFormatIsReadWithoutRejectionAndAuditsAgainstItsProfile(CallFormat format) {
        byte[] bytes = CallGenerator.generate(format, CALLS, 42);
        List<ReadResult> records = read(bytes, format);
        Summary s = audit(CallGenerator.profile(format, CALLS, 42), records).summary(RuleSet.builtIn());

        assertThat(s.calls()).isEqualTo(CALLS);
        assertThat(s.rejected()).isZero();
        assertThat(share(s.byRule(), "gap.unanswered")).isBetween(0.12, 0.20);
        assertThat(s.byRule()).containsKeys("gap.short-talk", "gap.recording-disabled");
        // A deleted number takes its recordings with it on Aircall (its help article); the others say nothing.
        if (format.provider().equals("aircall")) {
            assertThat(s.byRule()).containsKey("link.number-deleted");
        } else {
            assertThat(s.byRule()).doesNotContainKey("link.number-deleted");
        }
        assertThat(s.byRule()).doesNotContainKeys("input.rejected-record", "input.duplicate-call");
        assertThat(s.byRule().keySet())
                .noneMatch(rule -> rule.startsWith("plan.") || rule.startsWith("config.consent"));
    }

    @Test
    void countsTakeSuffixes() {
        assertThat(CallGenerator.parseCount("2000")).isEqualTo(2_000);
        assertThat(CallGenerator.parseCount("100k")).isEqualTo(100_000);
        assertThat(CallGenerator.parseCount("10M")).isEqualTo(10_000_000);
    }

    /** Read as the CLI reads, with the format detected, which also checks that detection recognises it. */
    private static List<ReadResult> read(byte[] bytes, CallFormat format) {
        List<ReadResult> records = new ArrayList<>();
        try (CallReader reader =
                CallReaders.open(InputSource.of("calls.ndjson", new ByteArrayInputStream(bytes)), null, zone(format))) {
            assertThat(reader.format()).isEqualTo(InputFormat.valueOf(format.name()));
            reader.forEach(records::add);
        }
        return records;
    }

    private static AuditResult audit(String profileYaml, List<ReadResult> records) {
        Profile profile = new ProfileLoader().load("profile.yaml", new StringReader(profileYaml));
        return BenchData.auditor(profile).audit(records);
    }

    private static ZoneId zone(CallFormat format) {
        return switch (format) {
            case EXOTEL -> ZoneId.of("Asia/Kolkata");
            case CTM -> ZoneId.of("America/New_York");
            default -> ZoneOffset.UTC;
        };
    }

    private static double share(Map<String, Long> byRule, String rule) {
        return byRule.getOrDefault(rule, 0L) / (double) CALLS;
    }
}
