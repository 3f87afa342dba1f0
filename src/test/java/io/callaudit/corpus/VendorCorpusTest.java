package io.callaudit.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.audit.AuditService;
import io.callaudit.engine.AuditResult;
import io.callaudit.engine.CallResult;
import io.callaudit.ingest.CallReader;
import io.callaudit.ingest.CallReaders;
import io.callaudit.ingest.InputSource;
import io.callaudit.model.CallRecord;
import io.callaudit.model.CallStatus;
import io.callaudit.model.ReadResult;
import io.callaudit.profile.ProfileLoader;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleSet;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real-payload corpus (src/test/resources/corpus/&lt;vendor&gt;/SOURCES.md): each fixture mirrors a payload
 * a vendor documents or its own code shows, values and personal data changed. Every one is audited without a
 * profile and without {@code --input-format}, as a new user would, and every call's outcome and reasons are
 * pinned: the verdicts a support engineer would give from the payload alone.
 */
class VendorCorpusTest {

    private static final Instant AS_OF = Instant.parse("2026-12-01T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            exotel/call-details.xml       | exotel  | Asia/Kolkata | 0 | 4e1c0a9d7b2f4c58a3e6d0b9f1a27c31=recorded[]
            exotel/call-details.json      | exotel  | Asia/Kolkata | 0 | 9a0f3b7c2d6e4f18b5c7d9e1f3a5b7c9=unexplained-gap[gap.not-checkable]
            exotel/bulk-page.json         | exotel  | Asia/Kolkata | 0 | b21e7f0c4d3a4b6e9f8a1c2d3e4f5a60=recorded[] c3d4e5f60718293a4b5c6d7e8f901a2b=explained-gap[gap.unanswered] d4e5f6071829304a5b6c7d8e9f0a1b2c=explained-gap[gap.unanswered]
            exotel/status-callback.ndjson | exotel  | Asia/Kolkata | 0 | 5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c=recorded[] 6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d=explained-gap[gap.unanswered]
            exotel/status-callback.form   | exotel  | Asia/Kolkata | 0 | 7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e=recorded[] 8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f=explained-gap[gap.unanswered]
            exotel/passthru.log           | exotel  | Asia/Kolkata | 1 | 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d=recorded[] 2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e=explained-gap[gap.unanswered] 3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f=explained-gap[gap.unanswered]
            exotel/dashboard-report.csv   | exotel  | Asia/Kolkata | 0 | 0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7=recorded[] 1f2a3b4c5d6e7f8091a2b3c4d5e6f708=explained-gap[gap.short-talk] 2a3b4c5d6e7f8091a2b3c4d5e6f70819=explained-gap[gap.unanswered]
            ctm/calls-page.json           | ctm     | UTC          | 0 | 4101=recorded[] 4102=explained-gap[gap.unanswered]
            ctm/call-client-library.json  | ctm     | UTC          | 0 | 5120=recorded[]
            ctm/webhooks.ndjson           | ctm     | UTC          | 0 | 6201=recorded[] 6202=explained-gap[gap.unanswered] 6203=unexplained-gap[gap.not-checkable] call_6204=unexplained-gap[gap.not-checkable]
            ctm/calls-export.csv          | ctm     | UTC          | 0 | 7301=recorded[] 7302=recorded[] 7303=explained-gap[gap.unanswered]
            aircall/dashboard-export.csv  | aircall | UTC          | 0 | 90011=recorded[] 90012=explained-gap[gap.unanswered] 90013=recorded[] 90014=explained-gap[gap.short-talk] 90015=explained-gap[gap.unanswered]
            """)
    void everyCallGetsTheVerdictItsPayloadSupports(
            String fixture, String format, String zone, long superseded, String expected) {
        try (AuditResult result = audit(fixture)) {
            Map<String, String> verdicts = new LinkedHashMap<>();
            for (CallResult call : result.calls()) {
                verdicts.put(
                        call.call().id(),
                        call.outcome().wire() + "["
                                + String.join(
                                        ",",
                                        call.reasons().stream()
                                                .map(Finding::ruleId)
                                                .toList()) + "]");
            }
            Map<String, String> want = new LinkedHashMap<>();
            for (String pair : expected.trim().split("\\s+")) {
                want.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            assertThat(verdicts).containsExactlyEntriesOf(want);
            assertThat(result.rejected()).isEmpty();
            assertThat(result.superseded()).isEqualTo(superseded);
            assertThat(result.recordsRead()).isEqualTo(want.size() + superseded);
            assertThat(result.timeZone().getId()).isEqualTo(zone);
            assertThat(readAll(fixture).get(0)).isInstanceOf(ReadResult.Call.class);
            try (CallReader reader = CallReaders.open(path(fixture), InputStream.nullInputStream(), null, null)) {
                assertThat(reader.format().wire()).isEqualTo(format);
            }
        }
    }

    @Test
    void exotelTimesWithoutAProfileAreIndiaTime() {
        CallRecord call = ((ReadResult.Call) readAll("exotel/call-details.xml").get(0)).call();
        assertThat(call.startedAt()).isEqualTo(Instant.parse("2026-10-05T05:50:14Z"));
        assertThat(call.endedAt()).isEqualTo(Instant.parse("2026-10-05T05:52:31Z"));
    }

    @Test
    void ctmOffsetsInCalledAtWin() {
        CallRecord call =
                ((ReadResult.Call) readAll("ctm/call-client-library.json").get(0)).call();
        // "2026-10-01 11:48 PM -04:00"
        assertThat(call.startedAt()).isEqualTo(Instant.parse("2026-10-02T03:48:00Z"));
        assertThat(call.talkSeconds()).isEqualTo(10.0);
    }

    @Test
    void passthruSentinelEndTimeIsUnknownAndTheCallLastsAtLeastItsDialDuration() {
        List<ReadResult> results = readAll("exotel/passthru.log");
        CallRecord completed = ((ReadResult.Call) results.get(1)).call();
        // Created "Wed, 14 Oct 2026 12:31:59" India time; EndTime 1970-01-01 05:30:00 is "not known yet"
        assertThat(completed.startedAt()).isEqualTo(Instant.parse("2026-10-14T07:01:59Z"));
        assertThat(completed.endedAt()).isEqualTo(Instant.parse("2026-10-14T07:03:35Z"));
        assertThat(completed.webhook())
                .as("requests of one call collapse to the latest")
                .isNotNull();
        CallRecord ivrOnly = ((ReadResult.Call) results.get(0)).call();
        assertThat(ivrOnly.reachedAgent()).isFalse();
    }

    @Test
    void callsNotOverYetAreReadWithNoEndNotRejected() {
        List<ReadResult> exotel = readAll("exotel/in-progress.ndjson");
        assertThat(exotel).hasSize(3).allSatisfy(r -> {
            assertThat(r).isInstanceOf(ReadResult.Call.class);
            assertThat(((ReadResult.Call) r).call().endedAt()).isNull();
        });
        assertThat(((ReadResult.Call) exotel.get(0)).call().status()).isEqualTo(CallStatus.ANSWERED);
        assertThat(((ReadResult.Call) exotel.get(1)).call().status()).isEqualTo(CallStatus.NO_ANSWER);

        List<ReadResult> ctm = readAll("ctm/in-progress.ndjson");
        assertThat(ctm).hasSize(2);
        assertThat(((ReadResult.Call) ctm.get(1)).call().endedAt())
                .as("call.received: still ringing")
                .isNull();
        CallRecord live = ((ReadResult.Call) ctm.get(0)).call();
        assertThat(live.endedAt()).isNull();
        assertThat(live.startedAt()).isEqualTo(Instant.parse("2026-11-30T18:00:00Z"));
    }

    @Test
    void aircallDashboardExportPrefersTheUtcColumn() {
        CallRecord call =
                ((ReadResult.Call) readAll("aircall/dashboard-export.csv").get(0)).call();
        assertThat(call.startedAt()).isEqualTo(Instant.parse("2026-10-20T08:00:05Z"));
        assertThat(call.answeredAt()).isEqualTo(Instant.parse("2026-10-20T08:00:14Z"));
        assertThat(call.talkSeconds()).isEqualTo(266.0);
        assertThat(call.recordingUrl()).isEqualTo("https://assets.aircall.example/recording/90011");
    }

    private static AuditResult audit(String fixture) {
        AuditService service = new AuditService(
                RuleSet.builtIn(),
                new ProfileLoader(),
                InputStream.nullInputStream(),
                Clock.fixed(AS_OF, ZoneOffset.UTC));
        return service.audit(null, List.of(InputSource.open(path(fixture), InputStream.nullInputStream())), null);
    }

    private static List<ReadResult> readAll(String fixture) {
        List<ReadResult> out = new ArrayList<>();
        try (CallReader reader = CallReaders.open(path(fixture), InputStream.nullInputStream(), null, null)) {
            reader.forEach(out::add);
        }
        return out;
    }

    private static String path(String fixture) {
        try {
            return Path.of(VendorCorpusTest.class
                            .getResource("/corpus/" + fixture)
                            .toURI())
                    .toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fixture " + fixture, e);
        }
    }
}
