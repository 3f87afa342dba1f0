package io.callaudit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.model.CallRecord;
import io.callaudit.model.Direction;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleInfo;
import io.callaudit.rules.RuleSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which calls the recording rate counts as ones that should have been recorded (README, "Recording rate"). */
class RecordingRateTest {

    static final RuleSet RULES = RuleSet.builtIn();

    static CallResult call(Outcome outcome, String... reasons) {
        CallRecord record = CallRecord.builder()
                .id("c1")
                .direction(Direction.INBOUND)
                .startedAt(Instant.parse("2026-11-02T09:00:00Z"))
                .endedAt(Instant.parse("2026-11-02T09:05:00Z"))
                .build();
        List<Finding> findings = new ArrayList<>();
        for (String id : reasons) {
            RuleInfo rule = RULES.get(id);
            findings.add(new Finding(rule, rule.severity(), List.of(), "c1", null, null, null, null));
        }
        return new CallResult(record, outcome, findings, false);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "gap.unanswered",
                "gap.parallel-leg",
                "gap.recording-disabled",
                "gap.settings-unassigned",
                "gap.ivr-only",
                "gap.short-voicemail",
                "gap.short-talk"
            })
    void an_explained_gap_by_design_is_not_expected(String reason) {
        assertThat(RecordingRate.expected(call(Outcome.EXPLAINED_GAP, reason))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gap.too-long", "gap.paused-by-user"})
    void an_explained_gap_the_account_wanted_recorded_is_expected(String reason) {
        assertThat(RecordingRate.expected(call(Outcome.EXPLAINED_GAP, reason))).isTrue();
    }

    /** Only the primary reason decides: a later by-design reason does not take the call out. */
    @Test
    void the_primary_reason_decides() {
        assertThat(RecordingRate.expected(call(Outcome.EXPLAINED_GAP, "gap.too-long", "gap.short-talk")))
                .isTrue();
        assertThat(RecordingRate.expected(call(Outcome.EXPLAINED_GAP, "gap.unanswered", "gap.too-long")))
                .isFalse();
        // Ingestion findings are not reasons: they come after and never decide.
        assertThat(RecordingRate.expected(call(Outcome.EXPLAINED_GAP, "ingest.no-recording", "gap.unanswered")))
                .isFalse();
    }

    @Test
    void recorded_lost_and_unexplained_calls_are_always_expected() {
        assertThat(RecordingRate.expected(call(Outcome.RECORDED))).isTrue();
        assertThat(RecordingRate.expected(call(Outcome.RECORDED, "link.url-expired")))
                .isTrue();
        assertThat(RecordingRate.expected(call(Outcome.LOST, "link.number-deleted")))
                .isTrue();
        assertThat(RecordingRate.expected(call(Outcome.UNEXPLAINED_GAP, "gap.unexplained")))
                .isTrue();
    }

    /** A pending call is neither recorded nor a gap yet: it is out of the denominator, whatever it carries. */
    @Test
    void a_pending_call_is_not_expected() {
        assertThat(RecordingRate.expected(call(Outcome.PENDING, "input.pending-call")))
                .isFalse();
        assertThat(RecordingRate.expected(call(Outcome.PENDING))).isFalse();
    }

    /** Pending calls stay out of the timeline and of a number's top reason; they still count as its calls. */
    @Test
    void pending_calls_are_not_drawn_as_missing() {
        Tally t = new Tally(java.time.ZoneOffset.UTC);
        t.add(call(Outcome.PENDING, "input.pending-call"));
        t.add(call(Outcome.PENDING, "input.pending-call"));
        t.add(call(Outcome.LOST, "link.number-deleted"));
        assertThat(t.recordingRate()).isEqualTo(new RecordingRate(0, 1));
        Breakdown.Timeline timeline = t.breakdown().timeline();
        long drawn = 0;
        for (long[] counts : timeline.buckets().values()) {
            drawn += counts[0] + counts[1] + counts[2];
        }
        assertThat(drawn).isEqualTo(1);
        Breakdown.Group rest = t.breakdown().numbers().top(10).rest();
        assertThat(rest.calls()).isEqualTo(3);
        assertThat(rest.topReason()).isEqualTo("link.number-deleted");
    }

    @Test
    void rate_is_rounded_to_four_decimals_and_absent_without_expected_calls() {
        assertThat(new RecordingRate(7, 11).rate()).isEqualTo(0.6364);
        assertThat(new RecordingRate(2, 3).rate()).isEqualTo(0.6667);
        assertThat(new RecordingRate(5, 5).rate()).isEqualTo(1.0);
        assertThat(new RecordingRate(0, 5).rate()).isEqualTo(0.0);
        assertThat(new RecordingRate(0, 0).rate()).isNull();
    }

    @Test
    void the_tally_counts_what_the_rule_says() {
        Tally t = new Tally(java.time.ZoneOffset.UTC);
        t.add(call(Outcome.RECORDED));
        t.add(call(Outcome.EXPLAINED_GAP, "gap.unanswered"));
        t.add(call(Outcome.EXPLAINED_GAP, "gap.paused-by-user"));
        t.add(call(Outcome.LOST, "link.number-deleted"));
        assertThat(t.recordingRate()).isEqualTo(new RecordingRate(1, 3));
    }
}
