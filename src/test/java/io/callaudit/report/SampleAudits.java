package io.callaudit.report;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.Auditor;
import io.callaudit.engine.Suppression;
import io.callaudit.model.CallRecord;
import io.callaudit.model.CallStatus;
import io.callaudit.model.DateRange;
import io.callaudit.model.Direction;
import io.callaudit.model.Ingestion;
import io.callaudit.model.IngestionUser;
import io.callaudit.model.NumberConfig;
import io.callaudit.model.Profile;
import io.callaudit.model.ProfileLocation;
import io.callaudit.model.Provider;
import io.callaudit.model.ReadResult;
import io.callaudit.model.RecordingSettings;
import io.callaudit.model.Rejection;
import io.callaudit.model.SourceRef;
import io.callaudit.model.Visibility;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Small audits run through the real {@link Auditor}, so the reports are tested on results the engine can
 * actually produce rather than on shapes invented for the test.
 */
final class SampleAudits {

    /** The samples under the names parameterized tests show, so each writer test just lists the ones it runs. */
    private static final Map<String, Supplier<AuditResult>> BY_NAME = Map.of(
            "aircall-defaults", SampleAudits::aircallDefaults,
            "aircall-configured", SampleAudits::aircallConfigured,
            "suppressed", SampleAudits::suppressed,
            "awkward", SampleAudits::awkward,
            "all-recorded", SampleAudits::allRecorded,
            "file-less profile", SampleAudits::fileLessProfile,
            "many", () -> many(60, 55),
            "empty", SampleAudits::empty);

    /** One sample by its name. */
    static AuditResult named(String name) {
        return Objects.requireNonNull(BY_NAME.get(name), name).get();
    }

    /** Arguments (name, supplier) for a {@code @MethodSource}. */
    static Stream<Arguments> named(String... names) {
        return Stream.of(names).map(n -> Arguments.of(n, Objects.requireNonNull(BY_NAME.get(n), n)));
    }

    static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    static final String CALLS = "calls.ndjson";

    private SampleAudits() {}

    /**
     * The built-in Aircall profile over one call per common gap: recorded, unanswered, too short, a short
     * voicemail, a parallel leg, too long, unexplained, plus a rejected record and a duplicated id.
     */
    static AuditResult aircallDefaults() {
        Batch b = new Batch();
        b.add(answered("1001", "2026-11-02T09:00:00Z", 120).recordingUrl("https://rec.example/1001.mp3"));
        b.add(call("1002", "2026-11-02T09:05:00Z", 30).status(CallStatus.MISSED));
        b.add(answered("1003", "2026-11-02T09:10:00Z", 3));
        b.add(call("1004", "2026-11-02T09:15:00Z", 40)
                .status(CallStatus.VOICEMAIL)
                .talkSeconds(2.0));
        b.add(answered("1005", "2026-11-02T10:00:00Z", 1800).userId("u7").recordingUrl("https://rec.example/1005.mp3"));
        b.add(answered("1006", "2026-11-02T10:10:00Z", 300).userId("u7"));
        b.add(answered("1007", "2026-11-02T12:00:00Z", 5 * 3600));
        b.add(answered("1008", "2026-11-02T14:00:00Z", 300));
        b.reject("started_at", "not an RFC 3339 timestamp: 'yesterday'");
        b.add(call("1002", "2026-11-02T09:05:00Z", 30).status(CallStatus.MISSED));
        return b.audit(Profile.defaults(Provider.AIRCALL));
    }

    /**
     * A written Aircall profile (file, key lines, an inventory and a downstream platform) so that profile
     * findings, losses, ingestion verdicts and personal data (emails, phone numbers) all show up.
     */
    static AuditResult aircallConfigured() {
        Batch b = new Batch();
        b.add(answered("2001", "2026-11-03T09:00:00Z", 120)
                .numberId("812")
                .userEmail("ana@acme.example")
                .recordingUrl("https://rec.example/2001.mp3"));
        b.add(answered("2002", "2026-11-03T09:10:00Z", 200).numberId("812").userEmail("ana@acme.example"));
        b.add(answered("2003", "2026-09-15T09:00:00Z", 120)
                .numberId("900")
                .userEmail("ana@acme.example")
                .recordingUrl("https://rec.example/2003.mp3"));
        b.add(answered("2004", "2026-11-03T11:00:00Z", 120)
                .numberId("812")
                .userEmail("Ana@Acme.example")
                .recordingUrl("https://rec.example/2004.mp3"));
        b.add(answered("2005", "2026-11-03T11:30:00Z", 120)
                .numberId("812")
                .userEmail("ana@acme.example")
                .visibility(Visibility.PRIVATE)
                .recordingUrl("https://rec.example/2005.mp3"));
        b.add(answered("2006", "2026-11-03T12:00:00Z", 120)
                .numberId("812")
                .userEmail("bob@acme.example")
                .recordingUrl("https://rec.example/2006.mp3"));
        b.add(answered("2007", "2026-11-03T12:30:00Z", 120)
                .numberId("812")
                .sharedLine(true)
                .recordingUrl("https://rec.example/2007.mp3"));
        b.add(answered("2008", "2026-05-04T09:00:00Z", 120)
                .numberId("812")
                .userEmail("ana@acme.example")
                .recordingUrl("https://rec.example/2008.mp3"));
        b.add(answered("2009", "2026-11-03T13:00:00Z", 120)
                .numberDigits("+44 20 7946 0958")
                .userEmail("ana@acme.example"));
        b.add(call("2010", "2026-11-03T13:30:00Z", 20)
                .numberId("812")
                .status(CallStatus.NO_ANSWER)
                .userEmail("ana@acme.example"));
        NumberConfig pausable =
                new NumberConfig("812", "+33 1 23 45 67 89", true, true, null, true, null, null, null, 0);
        NumberConfig deleted = new NumberConfig(
                "900",
                "+33 1 98 76 54 32",
                true,
                true,
                null,
                false,
                Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-10-05T00:00:00Z"),
                null,
                1);
        RecordingSettings recording = new RecordingSettings(true, null, null, null, null, null, List.of(), null, false);
        Ingestion ingestion = new Ingestion(
                true,
                60,
                List.of(
                        new IngestionUser("ana@acme.example", "recording"),
                        new IngestionUser("bob@acme.example", "viewer")),
                List.of(new DateRange(Instant.parse("2026-06-01T00:00:00Z"), null, 0)));
        Map<String, Integer> lines = Map.of(
                "provider", 1,
                "numbers_complete", 2,
                "recording", 3,
                "recording.enabled", 4,
                "recording.consent_greeting", 5,
                "numbers", 6,
                "numbers[0]", 7,
                "numbers[0].allow_user_pause", 9,
                "numbers[1]", 10,
                "ingestion", 14);
        Profile profile = new Profile(
                "profile.yaml",
                Provider.AIRCALL,
                null,
                AS_OF,
                null,
                null,
                true,
                recording,
                List.of(pausable, deleted),
                null,
                null,
                null,
                null,
                null,
                ingestion,
                lines);
        return b.audit(profile);
    }

    /** Every call recorded and nothing to say: the report a clean batch gets, which passes. */
    static AuditResult allRecorded() {
        Batch b = new Batch();
        b.add(answered("3001", "2026-11-04T09:00:00Z", 95).recordingUrl("https://rec.example/3001.mp3"));
        b.add(answered("3002", "2026-11-04T09:30:00Z", 61).recordingUrl("https://rec.example/3002.mp3"));
        return b.audit(Profile.defaults(Provider.AIRCALL));
    }

    /** Nothing read at all: the report must still be complete, and must not pass. */
    static AuditResult empty() {
        return new Batch().audit(Profile.defaults(Provider.AIRCALL));
    }

    /**
     * {@link #aircallConfigured()} after the gate: its only error (the deleted number) waived, the consent
     * finding baselined, an expired waiver reported on the waiver file, and a baseline entry that matched
     * nothing. At {@code --fail-on error} it passes, only thanks to the waiver, and must say so.
     */
    static AuditResult suppressed() {
        AuditResult base = aircallConfigured();
        Map<Finding, Suppression> suppressed = new IdentityHashMap<>();
        suppressed.put(
                finding(base, "link.number-deleted", "2003"),
                new Suppression(
                        Suppression.Kind.WAIVED,
                        "number 900 retired, recordings exported first",
                        "qa-lead",
                        LocalDate.parse("2026-12-31")));
        suppressed.put(finding(base, "config.consent-missing", null), Suppression.baselined("previous.json"));
        Finding expired = RuleSet.builtIn()
                .locatedFinding(
                        "waiver.expired",
                        new ProfileLocation("waivers.yaml", 12, "waivers[2]"),
                        "gap.unanswered",
                        "2010",
                        "2026-11-01",
                        "ops-team");
        return base.withSuppressions(suppressed, List.of(expired), List.of("gap.unexplained 1999 calls.ndjson"));
    }

    /**
     * Data that breaks naive writers: a call id and a rejection reason with pipes, quotes, commas, line
     * breaks, HTML, Markdown and a control character that XML cannot carry.
     */
    static AuditResult awkward() {
        Batch b = new Batch();
        b.add(call("x|1 <b>&\"q\"", "2026-11-02T09:05:00Z", 30).status(CallStatus.MISSED));
        b.add(answered("*_[2]_*", "2026-11-02T18:00:00Z", 300));
        b.reject("started_at", "bad \"value\", see | pipe\nsecond line \u0001 <script>&amp; `tick`");
        return b.audit(Profile.defaults(Provider.AIRCALL));
    }

    /** {@code calls} missed calls and {@code rejects} rejected records: more than a comment should hold. */
    static AuditResult many(int calls, int rejects) {
        Batch b = new Batch();
        Instant start = Instant.parse("2026-11-02T09:00:00Z");
        for (int i = 0; i < calls; i++) {
            b.add(call(Integer.toString(5000 + i), start.plusSeconds(600L * i).toString(), 30)
                    .status(CallStatus.MISSED));
        }
        for (int i = 0; i < rejects; i++) {
            b.reject("id", "missing");
        }
        return b.audit(Profile.defaults(Provider.AIRCALL));
    }

    /**
     * {@link #aircallConfigured()}'s profile without a file (as if the findings were judged on settings that
     * came from nowhere on disk): profile findings with no file to point at.
     */
    static AuditResult fileLessProfile() {
        Profile configured = aircallConfigured().profile();
        Batch b = new Batch();
        b.add(answered("4001", "2026-11-03T09:00:00Z", 120)
                .numberId("812")
                .userEmail("ana@acme.example")
                .recordingUrl("https://rec.example/4001.mp3"));
        // An audit runs no profile rule without a profile, so the findings are moved out of their file here.
        AuditResult audited = b.audit(configured);
        List<Finding> fileLess = audited.profileFindings().stream()
                .map(f -> new Finding(
                        f.rule(),
                        f.severity(),
                        f.args(),
                        f.callId(),
                        f.numberId(),
                        f.flowId(),
                        f.source(),
                        new ProfileLocation(
                                null, f.location().line(), f.location().key())))
                .toList();
        return new AuditResult(
                configured,
                audited.asOf(),
                audited.recordsRead(),
                audited.superseded(),
                fileLess,
                audited.calls(),
                audited.rejected(),
                audited.inputFindings());
    }

    /** The first finding of {@code rule} on {@code callId} (null: a profile or input finding). */
    static Finding finding(AuditResult result, String rule, String callId) {
        for (Finding f : result.findings()) {
            if (f.ruleId().equals(rule) && Objects.equals(f.callId(), callId)) {
                return f;
            }
        }
        throw new AssertionError("no " + rule + " on " + callId);
    }

    private static CallRecord.Builder call(String id, String start, long seconds) {
        Instant started = Instant.parse(start);
        return CallRecord.builder()
                .id(id)
                .direction(Direction.INBOUND)
                .startedAt(started)
                .endedAt(started.plus(Duration.ofSeconds(seconds)));
    }

    private static CallRecord.Builder answered(String id, String start, long talk) {
        Instant started = Instant.parse(start);
        return call(id, start, talk + 10)
                .status(CallStatus.ANSWERED)
                .answeredAt(started.plusSeconds(10))
                .talkSeconds((double) talk);
    }

    /** Records in input order, each given the next line of {@link #CALLS}, as a reader would. */
    private static final class Batch {
        private final List<ReadResult> input = new ArrayList<>();

        void add(CallRecord.Builder record) {
            input.add(new ReadResult.Call(record.source(next()).build()));
        }

        void reject(String field, String reason) {
            input.add(new ReadResult.Rejected(new Rejection(next(), field, reason)));
        }

        private SourceRef next() {
            return new SourceRef(CALLS, input.size() + 1);
        }

        AuditResult audit(Profile profile) {
            return new Auditor(RuleSet.builtIn(), profile, AS_OF, UnaryOperator.identity()).audit(input);
        }
    }
}
