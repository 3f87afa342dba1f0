package io.callaudit.rules;

import static io.callaudit.rules.TestCalls.answered;
import static io.callaudit.rules.TestCalls.profile;
import static io.callaudit.rules.TestCalls.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.CallResult;
import io.callaudit.engine.Outcome;
import io.callaudit.model.CallRecord;
import io.callaudit.model.Profile;
import io.callaudit.model.Rejection;
import io.callaudit.model.SourceRef;
import io.callaudit.model.WebhookEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two input rules, which only the engine raises because only it sees the stream: a broken record is
 * rejected and located, a repeated id is audited once (DOMAIN.md, "Inputs").
 */
class InputRulesTest {

    private static final Profile PROFILE = profile("""
            provider: aircall
            as_of: 2026-11-20T00:00:00Z
            numbers:
              - {id: "812"}
            """);

    private static final String A = """
            {"id": "a", "status": "answered", "started_at": "2026-11-10T10:00:00Z", \
            "ended_at": "2026-11-10T10:01:00Z", "answered_at": "2026-11-10T10:00:10Z", "talk_seconds": 50, \
            "number_id": "812", "recording_url": "https://recordings.example/a.mp3"}""";
    private static final String A_UNRECORDED = """
            {"id": "a", "status": "answered", "started_at": "2026-11-10T10:00:00Z", \
            "ended_at": "2026-11-10T10:01:00Z", "answered_at": "2026-11-10T10:00:10Z", "talk_seconds": 50, \
            "number_id": "812"}""";
    private static final String B = """
            {"id": "b", "status": "missed", "started_at": "2026-11-10T11:00:00Z", \
            "ended_at": "2026-11-10T11:00:20Z", "number_id": "812"}""";
    private static final String C = """
            {"id": "c", "status": "answered", "started_at": "2026-11-10T12:00:00Z", \
            "ended_at": "2026-11-10T12:01:00Z", "answered_at": "2026-11-10T12:00:10Z", "talk_seconds": 50, \
            "number_id": "812", "recording_url": "https://recordings.example/c.mp3"}""";

    @TempDir
    Path dir;

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("calls.ndjson");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static void assertInvariant(AuditResult result) {
        assertThat(result.recordsRead())
                .as("records_read = calls + rejected + superseded")
                .isEqualTo(result.calls().size() + result.rejected().size() + result.superseded());
    }

    @Test
    void should_reject_broken_line_with_file_and_line_and_audit_the_rest() throws IOException {
        Path file = write(
                A,
                "{\"id\": \"broken\", \"started_at\": \"2026-11-10T10:00:00Z\",",
                B,
                "{\"id\": \"d\", \"started_at\": \"2026-11-10T10:00:00Z\", \"ended_at\": \"2026-11-10T09:00:00Z\"}",
                C);

        AuditResult result = RuleFixtures.audit(PROFILE, RuleFixtures.read(file));

        assertThat(result.calls()).extracting(CallResult::id).containsExactly("a", "b", "c");
        assertThat(result.rejected())
                .extracting(Rejection::source)
                .containsExactly(new SourceRef(file.toString(), 2), new SourceRef(file.toString(), 4));
        assertThat(result.inputFindings()).hasSize(2).allSatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("input.rejected-record");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.file()).isEqualTo(file.toString());
            assertThat(f.callId()).isNull();
        });
        assertThat(result.inputFindings()).extracting(Finding::line).containsExactly(2L, 4L);
        assertThat(result.recordsRead()).isEqualTo(5);
        assertThat(result.superseded()).isZero();
        assertInvariant(result);
    }

    @Test
    void should_name_the_place_and_the_reason_in_the_rejection_message() throws IOException {
        Path file = write(
                A,
                "{\"id\": \"d\", \"started_at\": \"2026-11-10T10:00:00Z\", "
                        + "\"ended_at\": \"2026-11-10T09:00:00Z\"}");

        AuditResult result = RuleFixtures.audit(PROFILE, RuleFixtures.read(file));

        String message = Messages.english().message(result.inputFindings().get(0), false);
        assertThat(message).contains(file.toString() + ":2").contains("ended_at");
    }

    @Test
    void should_audit_repeated_id_once_from_last_record_with_duplicate_finding() throws IOException {
        Path file = write(A_UNRECORDED, B, A);

        AuditResult result = RuleFixtures.audit(PROFILE, RuleFixtures.read(file));

        assertThat(result.calls()).extracting(CallResult::id).containsExactly("a", "b");
        CallResult a = result.calls().get(0);
        assertThat(a.outcome())
                .as("the last record, which has the recording, wins")
                .isEqualTo(Outcome.RECORDED);
        List<Finding> duplicates = a.findings().stream()
                .filter(f -> f.ruleId().equals("input.duplicate-call"))
                .toList();
        assertThat(duplicates).hasSize(1);
        assertThat(duplicates.get(0).callId()).isEqualTo("a");
        assertThat(duplicates.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(duplicates.get(0).source()).isEqualTo(new SourceRef(file.toString(), 3));
        assertThat(Messages.english().message(duplicates.get(0), false)).contains(file.toString() + ":1");
        assertThat(a.reasons()).as("input findings are not reasons").isEmpty();
        assertThat(result.superseded()).isEqualTo(1);
        assertThat(result.recordsRead()).isEqualTo(3);
        assertInvariant(result);
    }

    @Test
    void should_count_every_repeat_as_superseded() throws IOException {
        Path file = write(A_UNRECORDED, A_UNRECORDED, A);

        AuditResult result = RuleFixtures.audit(PROFILE, RuleFixtures.read(file));

        assertThat(result.calls()).hasSize(1);
        assertThat(result.superseded()).isEqualTo(2);
        assertThat(result.calls().get(0).findings())
                .filteredOn(f -> f.ruleId().equals("input.duplicate-call"))
                .hasSize(2);
        assertInvariant(result);
    }

    private static CallRecord event(String name, long timestamp, boolean recorded, long line) {
        CallRecord.Builder b = answered("w1", "2026-11-10T10:00:00Z", 50)
                .webhook(new WebhookEvent(name, timestamp))
                .source(new SourceRef("webhooks.ndjson", line));
        if (recorded) {
            b.recordingUrl(url("w1"));
        }
        return b.build();
    }

    @Test
    void should_audit_call_ended_over_call_hungup_at_same_timestamp() {
        long t = 1_794_909_660L;

        AuditResult result =
                TestCalls.audit(PROFILE, event("call.hungup", t, false, 1), event("call.ended", t, true, 2));

        assertThat(result.calls()).hasSize(1);
        CallResult call = result.calls().get(0);
        assertThat(call.outcome()).isEqualTo(Outcome.RECORDED);
        assertThat(call.call().webhook().name()).isEqualTo("call.ended");
        assertThat(call.findings()).as("webhook events are not duplicates").isEmpty();
        assertThat(result.superseded()).isEqualTo(1);
        assertInvariant(result);
    }

    @Test
    void should_keep_call_ended_when_call_hungup_arrives_after_it_at_same_timestamp() {
        long t = 1_794_909_660L;

        AuditResult result =
                TestCalls.audit(PROFILE, event("call.ended", t, true, 1), event("call.hungup", t, false, 2));

        CallResult call = result.calls().get(0);
        assertThat(call.call().webhook().name()).isEqualTo("call.ended");
        assertThat(call.outcome()).isEqualTo(Outcome.RECORDED);
        assertThat(call.findings()).isEmpty();
        assertThat(result.superseded()).isEqualTo(1);
    }

    @Test
    void should_audit_latest_webhook_event_by_timestamp() {
        long t = 1_794_909_660L;

        AuditResult result = TestCalls.audit(
                PROFILE,
                event("call.hungup", t, false, 1),
                event("call.tagged", t + 60, true, 3),
                event("call.ended", t + 30, true, 2));

        CallResult call = result.calls().get(0);
        assertThat(call.call().webhook().name()).isEqualTo("call.tagged");
        assertThat(call.findings()).isEmpty();
        assertThat(result.calls()).hasSize(1);
        assertThat(result.superseded()).isEqualTo(2);
        assertThat(result.recordsRead()).isEqualTo(3);
        assertInvariant(result);
    }

    @Test
    void should_raise_input_findings_only_through_input_rules() {
        RuleSet rules = RuleSet.builtIn();

        assertThat(rules.get("input.rejected-record").rule()).isInstanceOf(InputRule.class);
        assertThat(rules.get("input.duplicate-call").rule()).isInstanceOf(InputRule.class);
        assertThat(rules.inputFinding("input.duplicate-call", "x", new SourceRef("f", 3), "f:1")
                        .callId())
                .isEqualTo("x");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> rules.inputFinding("gap.unanswered", "x", new SourceRef("f", 3)));
    }
}
