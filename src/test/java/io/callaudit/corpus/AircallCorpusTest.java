package io.callaudit.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.audit.AuditRequest;
import io.callaudit.audit.AuditService;
import io.callaudit.engine.AuditResult;
import io.callaudit.engine.CallResult;
import io.callaudit.engine.Summary;
import io.callaudit.profile.ProfileLoader;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleSet;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Aircall payload corpus ({@code src/test/resources/corpus/aircall/}, sources in its {@code SOURCES.md}):
 * each payload, read without {@code --input-format}, gets the verdicts a support engineer would give, call by
 * call, and every record is accounted for ({@code records_read = calls + rejected + superseded + skipped}).
 */
class AircallCorpusTest {

    /** A week after the corpus's calls: every link that exists has had time to arrive. */
    static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");

    /** What the audit must say of one fixture: per call "outcome reason reason…", and the accounting. */
    record Expect(
            String fixture,
            String profile,
            Instant asOf,
            Map<String, String> calls,
            long superseded,
            Map<String, Long> skipped) {}

    static Stream<Arguments> corpus() {
        return Stream.of(
                expect(
                        "api-page-1.json",
                        null,
                        AS_OF,
                        0,
                        Map.of(),
                        "3900101",
                        "recorded",
                        "3900102",
                        "explained-gap gap.unanswered",
                        "3900103",
                        "recorded"),
                expect(
                        "api-page-2.json",
                        null,
                        AS_OF,
                        0,
                        Map.of(),
                        "3900104",
                        "explained-gap gap.unanswered",
                        // outbound, answered, no link: the line's live recording is off in the payload itself
                        "3900105",
                        "explained-gap gap.recording-disabled"),
                expect(
                        "api-call.json",
                        null,
                        AS_OF,
                        0,
                        Map.of(),
                        // the presigned link expired an hour after it was signed: fetch a fresh one, not lost
                        "3900106",
                        "recorded link.url-expired"),
                expect(
                        "array.json",
                        null,
                        AS_OF,
                        0,
                        Map.of(),
                        "3900107",
                        "explained-gap gap.unanswered",
                        "3900108",
                        "explained-gap gap.unanswered"),
                expect(
                        "calls.ndjson",
                        null,
                        AS_OF,
                        0,
                        Map.of(),
                        "3900109",
                        "recorded",
                        "3900110",
                        "explained-gap gap.short-talk",
                        // recording on in the payload, nothing explains the gap, and no profile: not checkable
                        "3900111",
                        "unexplained-gap gap.not-checkable"),
                expect(
                        "webhook-call-lifecycle.ndjson",
                        null,
                        AS_OF,
                        4,
                        Map.of(),
                        "3900201",
                        "recorded link.url-expired"),
                // 25 s after the second call hung up (09:08:15), before Aircall's ~30 s delivery of its link.
                expect(
                        "webhook-in-progress.ndjson",
                        null,
                        Instant.parse("2026-11-13T09:08:40Z"),
                        2,
                        Map.of(),
                        "3900301",
                        "pending",
                        "3900302",
                        "pending"),
                // The same log a day later: the call still in progress is still pending; the other one is late.
                // The boundary: one second before the link is due (hang-up + 30 s), and when it is due.
                expect(
                        "webhook-in-progress.ndjson",
                        null,
                        Instant.parse("2026-11-13T09:08:44Z"),
                        2,
                        Map.of(),
                        "3900301",
                        "pending",
                        "3900302",
                        "pending"),
                expect(
                        "webhook-in-progress.ndjson",
                        null,
                        Instant.parse("2026-11-13T09:08:45Z"),
                        2,
                        Map.of(),
                        "3900301",
                        "pending",
                        "3900302",
                        "unexplained-gap gap.not-checkable"),
                expect(
                        "webhook-in-progress.ndjson",
                        null,
                        AS_OF,
                        2,
                        Map.of(),
                        "3900301",
                        "pending",
                        "3900302",
                        "unexplained-gap gap.not-checkable"),
                expect(
                        "webhook-voicemail.ndjson",
                        null,
                        AS_OF,
                        3,
                        Map.of(),
                        // the voicemail is the call's audio; its presigned link lived 10 minutes
                        "3900401",
                        "recorded link.url-expired"),
                expect(
                        "webhook-users.ndjson",
                        null,
                        AS_OF,
                        0,
                        Map.of(
                                "user.closed",
                                1L,
                                "user.connected",
                                1L,
                                "user.created",
                                1L,
                                "user.deleted",
                                1L,
                                "user.disconnected",
                                1L,
                                "user.opened",
                                1L)),
                expect(
                        "webhook-contacts.ndjson",
                        null,
                        AS_OF,
                        0,
                        Map.of("contact.created", 1L, "contact.deleted", 1L, "contact.updated", 1L)),
                expect(
                        "webhook-numbers.ndjson",
                        null,
                        AS_OF,
                        0,
                        Map.of("number.closed", 1L, "number.created", 1L, "number.deleted", 1L, "number.opened", 1L),
                        "3900501",
                        "explained-gap gap.recording-disabled",
                        // number.deleted later in the same log takes the recording with it
                        "3900502",
                        "lost link.number-deleted"),
                expect(
                        "webhook-other-resources.ndjson",
                        null,
                        AS_OF,
                        0,
                        Map.of(
                                "integration.deleted",
                                1L,
                                "message.received",
                                1L,
                                "message.sent",
                                1L,
                                "message.status_updated",
                                1L,
                                "summary.created",
                                1L,
                                "team.created",
                                1L,
                                "transcription.created",
                                1L)),
                expect(
                        "webhook-endpoint-log.ndjson",
                        null,
                        AS_OF,
                        3,
                        Map.of(
                                "contact.updated",
                                1L,
                                "message.received",
                                1L,
                                "number.opened",
                                1L,
                                "user.connected",
                                1L,
                                "user.disconnected",
                                1L),
                        "3900601",
                        "recorded"),
                expect(
                        "webhook-live-recording-off.ndjson",
                        null,
                        AS_OF,
                        0,
                        Map.of(),
                        "3900701",
                        "explained-gap gap.recording-disabled"),
                expect(
                        "webhook-live-recording-off.ndjson",
                        "live-recording-on.yaml",
                        AS_OF,
                        0,
                        Map.of(),
                        "3900701",
                        "unexplained-gap gap.unexplained config.profile-stale"),
                expect(
                        "webhook-unanswered-recording-off.ndjson",
                        null,
                        AS_OF,
                        0,
                        Map.of(),
                        "3900801",
                        "explained-gap gap.unanswered gap.recording-disabled"));
    }

    private static Arguments expect(
            String fixture, String profile, Instant asOf, long superseded, Map<String, Long> skipped, String... calls) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (int i = 0; i < calls.length; i += 2) {
            byId.put(calls[i], calls[i + 1]);
        }
        String name = fixture + (profile == null ? "" : " + " + profile) + " @ " + asOf;
        return Arguments.of(name, new Expect(fixture, profile, asOf, byId, superseded, skipped));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void reads_every_payload_with_the_verdicts_a_support_engineer_gives(String name, Expect e) {
        AuditService service = new AuditService(
                RuleSet.builtIn(),
                new ProfileLoader(),
                InputStream.nullInputStream(),
                Clock.fixed(e.asOf(), ZoneOffset.UTC));
        String profile = e.profile() == null ? null : path("profiles/" + e.profile());
        try (AuditResult result =
                service.audit(new AuditRequest(profile, List.of(path(e.fixture())), null, e.asOf()))) {
            Map<String, String> verdicts = new LinkedHashMap<>();
            for (CallResult c : result.calls()) {
                StringBuilder v = new StringBuilder(c.outcome().wire());
                for (Finding f : c.reasons()) {
                    v.append(' ').append(f.ruleId());
                }
                verdicts.put(c.id(), v.toString());
            }
            assertThat(verdicts).as("%s: outcome and reasons per call", name).containsExactlyEntriesOf(e.calls());
            assertThat(result.rejected()).as("%s: nothing rejected", name).isEmpty();

            Summary s = result.summary(service.rules());
            assertThat(s.superseded()).as("%s: superseded", name).isEqualTo(e.superseded());
            assertThat(s.skippedByKind()).as("%s: skipped by kind", name).isEqualTo(e.skipped());
            assertThat(s.recordsRead())
                    .as("%s: every record accounted for", name)
                    .isEqualTo(s.calls() + s.rejected() + s.superseded() + s.skipped());
        }
    }

    static String path(String fixture) {
        try {
            return Path.of(AircallCorpusTest.class
                            .getResource("/corpus/aircall/" + fixture)
                            .toURI())
                    .toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no corpus fixture " + fixture, e);
        }
    }
}
