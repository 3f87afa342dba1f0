package io.callaudit.rules;

import static io.callaudit.rules.TestCalls.answered;
import static io.callaudit.rules.TestCalls.auditOne;
import static io.callaudit.rules.TestCalls.ingestIds;
import static io.callaudit.rules.TestCalls.profile;
import static io.callaudit.rules.TestCalls.reasonIds;
import static io.callaudit.rules.TestCalls.url;
import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.engine.CallResult;
import io.callaudit.engine.Outcome;
import io.callaudit.model.Profile;
import io.callaudit.model.Visibility;
import org.junit.jupiter.api.Test;

/**
 * Places where the rules once disagreed with the seeds or DOMAIN.md, found by reading the rules against the
 * articles. Each test asserts what the seed documents, so the disagreement cannot come back.
 */
class SeedRegressionTest {

    @Test
    void should_report_recording_disabled_when_ctm_configuration_had_recordings_off_and_was_deleted_later() {
        // seed 003 §2: "If call recordings are disabled for one or more settings configurations ... calls on
        // that tracking number will not be recorded". At the time of the call the configuration was live.
        Profile ctm = profile("""
                provider: ctm
                as_of: 2026-11-20T00:00:00Z
                numbers:
                  - {id: "812", settings: Quiet}
                settings_configs:
                  - {name: Quiet, recordings: false, deleted_at: 2026-11-15T00:00:00Z}
                """);

        CallResult call =
                auditOne(ctm, answered("c1", "2026-11-10T10:00:00Z", 30).build());

        assertThat(reasonIds(call)).containsExactly("gap.recording-disabled");
        assertThat(call.outcome()).isEqualTo(Outcome.EXPLAINED_GAP);
    }

    @Test
    void should_not_report_private_on_a_call_that_is_not_ingested() {
        // DOMAIN.md: ingest.private fires when "ingested but private"; a skipped call is not ingested, and the
        // message "Ingested as a private call" would contradict the verdict.
        Profile aircall = profile("""
                provider: aircall
                as_of: 2026-11-20T00:00:00Z
                numbers:
                  - {id: "812"}
                ingestion:
                  users: [{email: ana@acme.example, seat: recording}]
                """);

        CallResult call = auditOne(
                aircall,
                answered("c1", "2026-11-10T10:00:00Z", 120)
                        .visibility(Visibility.PRIVATE)
                        .build());

        assertThat(call.ingestVerdict()).isEqualTo("skipped");
        assertThat(ingestIds(call)).containsExactly("ingest.no-recording");
    }

    @Test
    void should_not_round_talk_time_below_the_minimum_up_to_the_minimum() {
        // seed 000 §2: "at least 5 seconds". 4.999 s fires, and the message must not then read "5.0 s, below
        // the 5 s minimum".
        Profile aircall = profile("""
                provider: aircall
                as_of: 2026-11-20T00:00:00Z
                """);

        CallResult call =
                auditOne(aircall, answered("c1", "2026-11-10T10:00:00Z", 4.999).build());
        String message = Messages.english().message(TestCalls.finding(call, "gap.short-talk"), false);

        assertThat(message).doesNotContain("5.0 s").contains("4.999 s").contains("(at least 5 s)");
    }

    @Test
    void should_apply_exotel_plan_default_retention_when_none_is_written() {
        // seed 004 "Default Retention Periods": Starter 30 days, Growth 90 days. A Growth account that never
        // changed the setting keeps recordings 90 days; a 100-day-old recording is gone.
        Profile growth = profile("""
                provider: exotel
                plan: growth
                as_of: 2026-11-20T00:00:00Z
                recording:
                  consent_greeting: true
                """);

        CallResult call = auditOne(
                growth,
                answered("c1", "2026-08-12T10:00:00Z", 30)
                        .numberId(null)
                        .recordingUrl(url("c1"))
                        .build());

        assertThat(reasonIds(call)).containsExactly("link.retention-expired");
        assertThat(call.outcome()).isEqualTo(Outcome.LOST);
    }

    @Test
    void should_let_per_call_record_true_override_account_recording_off() {
        // seed 004 "Per-Call Recording via API": Record=true "Enable[s] ... recording for this call". The
        // per-call flag is the most specific level, as Record=false already is in the other direction.
        Profile off = profile("""
                provider: exotel
                plan: growth
                as_of: 2026-11-20T00:00:00Z
                recording:
                  enabled: false
                """);

        CallResult call = auditOne(
                off,
                answered("c1", "2026-11-10T10:00:00Z", 30)
                        .numberId(null)
                        .recordRequested(true)
                        .build());

        assertThat(reasonIds(call)).doesNotContain("gap.recording-disabled");
    }

    @Test
    void should_not_expire_recordings_delivered_to_custom_storage() {
        // seed 004 "Custom Storage": "you are responsible for managing ... retention on your storage. Exotel
        // will not maintain a copy"; the retention warning says to "configure custom storage before they
        // expire". Exotel's retention does not delete what sits in the customer's bucket.
        Profile enterpriseS3 = profile("""
                provider: exotel
                plan: enterprise
                as_of: 2026-11-20T00:00:00Z
                recording:
                  retention_days: 30
                  storage: s3
                  consent_greeting: true
                """);

        CallResult call = auditOne(
                enterpriseS3,
                answered("c1", "2026-09-01T10:00:00Z", 30)
                        .numberId(null)
                        .recordingUrl(url("c1"))
                        .build());

        assertThat(reasonIds(call)).doesNotContain("link.retention-expired");
        assertThat(call.outcome()).isEqualTo(Outcome.RECORDED);
    }

    @Test
    void should_not_call_time_after_last_disconnection_a_gap_between_connections() {
        // seed 002 §6: calls outside the connected windows are not backfilled; with a single closed window there
        // is no "gap between two connections", the integration is simply disconnected.
        Profile aircall = profile("""
                provider: aircall
                as_of: 2026-11-20T00:00:00Z
                ingestion:
                  users: [{email: ana@acme.example, seat: recording}]
                  connected: [{from: 2026-01-01T00:00:00Z, to: 2026-06-01T00:00:00Z}]
                """);

        CallResult call = auditOne(
                aircall,
                answered("c1", "2026-11-10T10:00:00Z", 120)
                        .recordingUrl(url("c1"))
                        .build());

        assertThat(ingestIds(call)).containsExactly("ingest.integration-inactive");
        assertThat(Messages.english().message(TestCalls.finding(call, "ingest.integration-inactive"), false))
                .doesNotContain("between two connections");
    }

    @Test
    void should_not_explain_gap_by_short_talk_when_talk_time_is_unknown() {
        Profile aircall = profile("""
                provider: aircall
                as_of: 2026-11-20T00:00:00Z
                """);

        CallResult call = auditOne(
                aircall,
                answered("c1", "2026-11-10T10:00:00Z", 30)
                        .talkSeconds(null)
                        .answeredAt(null)
                        .build());

        assertThat(reasonIds(call)).doesNotContain("gap.short-talk");
    }
}
