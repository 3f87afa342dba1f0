package io.callaudit.rules;

import static io.callaudit.rules.TestCalls.answered;
import static io.callaudit.rules.TestCalls.profile;
import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.Auditor;
import io.callaudit.engine.CallResult;
import io.callaudit.engine.Outcome;
import io.callaudit.model.CallRecord;
import io.callaudit.model.LineEvent;
import io.callaudit.model.Profile;
import io.callaudit.model.Provider;
import io.callaudit.model.ReadResult;
import io.callaudit.model.SourceRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the input itself says (line events of a webhook log) and how late a missing link may still come:
 * the engine's side of issue 11's items 3 to 5, at their boundaries.
 */
class PayloadFactsAndPendingTest {

    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    private static final SourceRef EVENT_AT = new SourceRef("log.ndjson", 1);

    @Test
    void a_number_event_says_recording_is_off_when_the_call_itself_does_not() {
        Map<String, CallResult> calls = audit(
                Profile.defaults(Provider.AIRCALL),
                AS_OF,
                line("number.created", "812", false, null),
                call(answered("c1", "2026-11-10T09:00:00Z", 60).build()),
                call(answered("c2", "2026-11-10T09:10:00Z", 60).numberId("899").build()));

        assertThat(reasons(calls.get("c1"))).containsExactly("gap.recording-disabled");
        assertThat(message(calls.get("c1")))
                .contains("the payload's number.created live_recording_activated @ log.ndjson:1");
        assertThat(reasons(calls.get("c2"))).containsExactly("gap.not-checkable");
    }

    @Test
    void a_later_number_event_does_not_bring_a_deleted_line_back() {
        Map<String, CallResult> calls = audit(
                Profile.defaults(Provider.AIRCALL),
                AS_OF,
                call(answered("c1", "2026-11-10T09:00:00Z", 60)
                        .recordingUrl("https://rec.example/c1.mp3")
                        .build()),
                line("number.deleted", "812", null, Instant.parse("2026-11-10T09:30:00Z")),
                line("number.opened", "812", true, null),
                // started after the deletion: the deletion does not reach it
                call(answered("c2", "2026-11-10T09:40:00Z", 60)
                        .recordingUrl("https://rec.example/c2.mp3")
                        .build()));

        assertThat(calls.get("c1").outcome()).isEqualTo(Outcome.LOST);
        assertThat(reasons(calls.get("c1"))).containsExactly("link.number-deleted");
        assertThat(calls.get("c2").outcome()).isEqualTo(Outcome.RECORDED);
    }

    @Test
    void a_call_not_ended_is_pending_whatever_its_status_says() {
        CallRecord ringing =
                TestCalls.missed("c1", "2026-11-19T23:59:00Z").endedAt(null).build();
        Map<String, CallResult> calls = audit(Profile.defaults(Provider.AIRCALL), AS_OF, call(ringing));

        assertThat(calls.get("c1").outcome()).isEqualTo(Outcome.PENDING);
        assertThat(calls.get("c1").reasons()).isEmpty();
        assertThat(calls.get("c1").findings())
                .singleElement()
                .satisfies(f -> assertThat(f.ruleId()).isEqualTo("input.pending-call"))
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void the_profile_delay_overrides_aircall_s_thirty_seconds_at_its_boundary() {
        Profile tenMinutes = profile("""
                provider: aircall
                recording:
                  availability_delay_seconds: 600
                """);
        // ended at 23:50:10 (answered 10 s after the start, 60 s of talk)
        CallRecord late = answered("c1", "2026-11-19T23:49:00Z", 60).build();

        assertThat(audit(tenMinutes, Instant.parse("2026-11-20T00:00:09Z"), call(late))
                        .get("c1")
                        .outcome())
                .isEqualTo(Outcome.PENDING);
        assertThat(audit(tenMinutes, Instant.parse("2026-11-20T00:00:10Z"), call(late))
                        .get("c1")
                        .outcome())
                .isEqualTo(Outcome.UNEXPLAINED_GAP);
        assertThat(audit(Profile.defaults(Provider.AIRCALL), Instant.parse("2026-11-19T23:50:39Z"), call(late))
                        .get("c1")
                        .outcome())
                .isEqualTo(Outcome.PENDING);
        assertThat(audit(Profile.defaults(Provider.AIRCALL), Instant.parse("2026-11-19T23:50:40Z"), call(late))
                        .get("c1")
                        .outcome())
                .isEqualTo(Outcome.UNEXPLAINED_GAP);
    }

    @Test
    void exotel_s_recording_available_by_decides_when_it_is_given() {
        CallRecord call = answered("c1", "2026-11-19T23:00:00Z", 60)
                .recordingAvailableBy(Instant.parse("2026-11-20T01:00:00Z"))
                .build();

        assertThat(audit(Profile.defaults(Provider.EXOTEL), AS_OF, call(call))
                        .get("c1")
                        .outcome())
                .isEqualTo(Outcome.PENDING);
        assertThat(audit(Profile.defaults(Provider.EXOTEL), Instant.parse("2026-11-20T01:00:00Z"), call(call))
                        .get("c1")
                        .outcome())
                .isNotEqualTo(Outcome.PENDING);
    }

    @Test
    void an_explained_gap_is_not_pending_however_recent() {
        CallRecord missed = TestCalls.missed("c1", "2026-11-19T23:59:50Z").build();

        CallResult result =
                audit(Profile.defaults(Provider.AIRCALL), AS_OF, call(missed)).get("c1");

        assertThat(result.outcome()).isEqualTo(Outcome.EXPLAINED_GAP);
        assertThat(reasons(result)).containsExactly("gap.unanswered");
    }

    private static ReadResult call(CallRecord c) {
        return new ReadResult.Call(c);
    }

    private static ReadResult line(String kind, String number, Boolean recording, Instant deletedAt) {
        return new ReadResult.Line(new LineEvent(kind, number, recording, deletedAt, EVENT_AT));
    }

    private static Map<String, CallResult> audit(Profile profile, Instant asOf, ReadResult... records) {
        AuditResult result = new Auditor(RuleSet.builtIn(), profile, asOf, s -> s).audit(List.of(records));
        Map<String, CallResult> out = new LinkedHashMap<>();
        for (CallResult c : result.calls()) {
            out.put(c.id(), c);
        }
        long skipped = 0;
        for (ReadResult r : records) {
            skipped += r instanceof ReadResult.Line ? 1 : 0;
        }
        assertThat(result.summary(RuleSet.builtIn()).skipped()).isEqualTo(skipped);
        return out;
    }

    private static List<String> reasons(CallResult c) {
        List<String> ids = new ArrayList<>();
        c.reasons().forEach(f -> ids.add(f.ruleId()));
        return ids;
    }

    private static String message(CallResult c) {
        return Messages.of(java.util.Locale.ROOT).message(c.reasons().get(0), false);
    }
}
