package io.callaudit.rules;

import static io.callaudit.rules.TestCalls.answered;
import static io.callaudit.rules.TestCalls.auditOne;
import static io.callaudit.rules.TestCalls.ingestIds;
import static io.callaudit.rules.TestCalls.missed;
import static io.callaudit.rules.TestCalls.profile;
import static io.callaudit.rules.TestCalls.reasonIds;
import static io.callaudit.rules.TestCalls.url;
import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.engine.CallResult;
import io.callaudit.engine.Outcome;
import io.callaudit.model.Profile;
import io.callaudit.model.RecordingChannels;
import io.callaudit.model.Visibility;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Precedence of reasons and the outcome and ingestion verdict they lead to (DOMAIN.md, "Rules"). */
class OutcomeTest {

    /** DOMAIN.md's rules table, top to bottom: the precedence order, primary reason first. */
    static final List<String> DOMAIN_TABLE_ORDER = List.of(
            "gap.unanswered",
            "gap.parallel-leg",
            "gap.recording-disabled",
            "gap.settings-unassigned",
            "gap.ivr-only",
            "gap.short-voicemail",
            "gap.short-talk",
            "gap.too-long",
            "gap.paused-by-user",
            "gap.unexplained",
            "gap.not-checkable", // issue 12: the audit without a profile says "not checkable", not "unexplained"
            "link.number-deleted",
            "link.number-not-in-inventory",
            "link.audio-deleted",
            "link.account-cancelled",
            "link.retention-expired",
            "link.url-expired",
            "plan.dual-channel-not-in-plan",
            "plan.dual-channel-needs-wav",
            "plan.retention-out-of-range",
            "plan.custom-storage-not-in-plan",
            "plan.selective-retention-not-in-plan",
            "config.consent-missing",
            "config.pause-allowed",
            "config.profile-stale", // issue 11: the profile and the payload disagree about a line
            "ingest.no-recording",
            "ingest.email-mismatch",
            "ingest.shared-line",
            "ingest.no-recording-seat",
            "ingest.too-short",
            "ingest.integration-inactive",
            "ingest.private",
            "input.rejected-record",
            "input.duplicate-call");

    private static final Profile AIRCALL = profile("""
            provider: aircall
            as_of: 2026-11-20T00:00:00Z
            numbers_complete: true
            numbers:
              - {id: "812"}
              - {id: "813", record_inbound: false}
              - {id: "820", allow_user_pause: true}
              - {id: "830", deleted_at: 2026-11-15T00:00:00Z, recovered_at: 2026-11-16T00:00:00Z}
            """);

    private static final Profile CTM = profile("""
            provider: ctm
            as_of: 2026-11-20T00:00:00Z
            numbers:
              - {id: "812", settings: Account Level}
            settings_configs:
              - {name: Account Level, recordings: true}
            purges:
              - {from: 2026-10-01, to: 2026-10-31}
            """);

    private static final Profile EXOTEL_STARTER = profile("""
            provider: exotel
            plan: starter
            as_of: 2026-11-20T00:00:00Z
            recording:
              format: mp3
              retention_days: 30
              url_ttl_hours: 24
              consent_greeting: true
            numbers:
              - {id: "812"}
            """);

    private static final Profile INGESTION = profile("""
            provider: aircall
            as_of: 2026-11-20T00:00:00Z
            numbers:
              - {id: "812"}
              - {id: "830", deleted_at: 2026-11-15T00:00:00Z}
            ingestion:
              enabled: true
              min_seconds: 60
              users: [{email: ana@acme.example, seat: recording}]
              connected: [{from: 2026-01-01T00:00:00Z, to: null}]
            """);

    @Test
    void should_register_rules_in_domain_table_order() {
        List<String> ids = RuleSet.builtIn().all().stream().map(RuleInfo::id).toList();

        assertThat(ids).startsWith(DOMAIN_TABLE_ORDER.toArray(String[]::new));
        assertThat(RuleSet.builtIn().all().subList(DOMAIN_TABLE_ORDER.size(), ids.size()))
                .as("rules outside DOMAIN.md's table come after it and are raised by the pipeline")
                .allSatisfy(r -> assertThat(r.rule()).isInstanceOf(InputRule.class));
    }

    @Test
    void should_list_recording_off_after_unanswered_on_a_missed_call() {
        CallResult call = auditOne(
                AIRCALL, missed("c1", "2026-11-10T10:00:00Z").numberId("813").build());

        // The contract's own example (7027): every reason that applies, the primary one first.
        assertThat(reasonIds(call)).containsExactly("gap.unanswered", "gap.recording-disabled");
        assertThat(call.outcome()).isEqualTo(Outcome.EXPLAINED_GAP);
    }

    @Test
    void should_escalate_answered_call_without_link_and_recording_on() {
        CallResult call =
                auditOne(AIRCALL, answered("c1", "2026-11-10T10:00:00Z", 30).build());

        assertThat(reasonIds(call)).containsExactly("gap.unexplained");
        assertThat(call.outcome()).isEqualTo(Outcome.UNEXPLAINED_GAP);
        assertThat(call.findings().get(0).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void should_give_paused_by_user_as_likely_cause_when_number_allows_pause() {
        CallResult call = auditOne(
                AIRCALL,
                answered("c1", "2026-11-10T10:00:00Z", 30).numberId("820").build());

        assertThat(reasonIds(call)).containsExactly("gap.paused-by-user");
        assertThat(call.outcome()).isEqualTo(Outcome.EXPLAINED_GAP);
    }

    @Test
    void should_mark_recorded_call_on_number_deleted_after_it_lost() {
        CallResult call = auditOne(
                AIRCALL,
                answered("c1", "2026-11-10T10:00:00Z", 30)
                        .numberId("830")
                        .recordingUrl(url("c1"))
                        .build());

        assertThat(reasonIds(call)).containsExactly("link.number-deleted");
        assertThat(call.outcome()).isEqualTo(Outcome.LOST);
    }

    @Test
    void should_mark_recorded_ctm_call_inside_purge_range_lost() {
        CallResult call = auditOne(
                CTM,
                answered("c1", "2026-10-15T10:00:00Z", 30)
                        .recordingUrl(url("c1"))
                        .build());

        assertThat(reasonIds(call)).containsExactly("link.audio-deleted");
        assertThat(call.outcome()).isEqualTo(Outcome.LOST);
    }

    @Test
    void should_keep_recorded_call_with_expired_link_recorded() {
        CallResult call = auditOne(
                EXOTEL_STARTER,
                answered("c1", "2026-11-10T10:00:00Z", 30)
                        .recordingUrl(url("c1"))
                        .recordingCreatedAt(Instant.parse("2026-11-10T10:01:00Z"))
                        .build());

        assertThat(reasonIds(call)).containsExactly("link.url-expired");
        assertThat(call.outcome()).isEqualTo(Outcome.RECORDED);
    }

    @Test
    void should_keep_recorded_call_without_findings_recorded() {
        CallResult call = auditOne(
                AIRCALL,
                answered("c1", "2026-11-10T10:00:00Z", 30)
                        .recordingUrl(url("c1"))
                        .build());

        assertThat(call.findings()).isEmpty();
        assertThat(call.outcome()).isEqualTo(Outcome.RECORDED);
        assertThat(call.ingestVerdict()).as("no ingestion configured").isNull();
    }

    @Test
    void should_order_several_gap_reasons_by_precedence() {
        CallResult call = auditOne(
                AIRCALL,
                answered("c1", "2026-11-10T10:00:00Z", 3).numberId("813").build());

        assertThat(reasonIds(call)).containsExactly("gap.recording-disabled", "gap.short-talk");
        assertThat(call.outcome()).isEqualTo(Outcome.EXPLAINED_GAP);
    }

    @Test
    void should_put_unanswered_before_inventory_reason() {
        CallResult call = auditOne(
                AIRCALL, missed("c1", "2026-11-10T10:00:00Z").numberId("999").build());

        assertThat(reasonIds(call)).containsExactly("gap.unanswered", "link.number-not-in-inventory");
        assertThat(call.outcome()).isEqualTo(Outcome.EXPLAINED_GAP);
    }

    @Test
    void should_lose_the_call_without_advising_a_fresh_link_to_a_deleted_recording() {
        CallResult call = auditOne(
                EXOTEL_STARTER,
                answered("c1", "2026-09-01T10:00:00Z", 30)
                        .recordingUrl(url("c1"))
                        .recordingCreatedAt(Instant.parse("2026-09-01T10:01:00Z"))
                        .build());

        assertThat(reasonIds(call)).containsExactly("link.retention-expired");
        assertThat(call.outcome()).isEqualTo(Outcome.LOST);
    }

    @Test
    void should_list_per_call_plan_rules_as_reasons_without_changing_outcome() {
        CallResult call = auditOne(
                EXOTEL_STARTER,
                answered("c1", "2026-11-19T10:00:00Z", 30)
                        .recordingUrl(url("c1"))
                        .recordingChannels(RecordingChannels.DUAL)
                        .build());

        assertThat(reasonIds(call)).containsExactly("plan.dual-channel-not-in-plan");
        assertThat(call.outcome()).isEqualTo(Outcome.RECORDED);
    }

    @Test
    void should_explain_a_missing_recording_by_a_dual_channel_request_the_plan_lacks() {
        CallResult call = auditOne(
                EXOTEL_STARTER,
                answered("c1", "2026-11-19T10:00:00Z", 30)
                        .recordingChannels(RecordingChannels.DUAL)
                        .build());

        assertThat(reasonIds(call)).containsExactly("plan.dual-channel-not-in-plan");
        assertThat(call.outcome()).isEqualTo(Outcome.EXPLAINED_GAP);
    }

    @Test
    void should_not_expire_retention_of_call_that_never_had_a_recording() {
        CallResult call =
                auditOne(EXOTEL_STARTER, missed("c1", "2026-09-01T10:00:00Z").build());

        assertThat(reasonIds(call)).containsExactly("gap.unanswered");
        assertThat(call.outcome()).isEqualTo(Outcome.EXPLAINED_GAP);
    }

    @Test
    void should_ingest_recorded_call_of_matching_user() {
        CallResult call = auditOne(
                INGESTION,
                answered("c1", "2026-11-10T10:00:00Z", 120)
                        .recordingUrl(url("c1"))
                        .build());

        assertThat(call.ingestVerdict()).isEqualTo("ingested");
        assertThat(ingestIds(call)).isEmpty();
        assertThat(call.outcome()).isEqualTo(Outcome.RECORDED);
    }

    @Test
    void should_skip_missed_call_with_ingest_reasons_in_precedence_order() {
        CallResult call =
                auditOne(INGESTION, missed("c1", "2026-11-10T10:00:00Z").build());

        assertThat(call.ingestVerdict()).isEqualTo("skipped");
        assertThat(ingestIds(call)).containsExactly("ingest.no-recording", "ingest.too-short");
        assertThat(reasonIds(call)).as("ingest findings are not reasons").containsExactly("gap.unanswered");
    }

    @Test
    void should_keep_private_call_ingested() {
        CallResult call = auditOne(
                INGESTION,
                answered("c1", "2026-11-10T10:00:00Z", 120)
                        .recordingUrl(url("c1"))
                        .visibility(Visibility.PRIVATE)
                        .build());

        assertThat(ingestIds(call)).containsExactly("ingest.private");
        assertThat(call.ingestVerdict()).isEqualTo("ingested");
    }

    @Test
    void should_skip_lost_recording_downstream() {
        CallResult call = auditOne(
                INGESTION,
                answered("c1", "2026-11-10T10:00:00Z", 120)
                        .numberId("830")
                        .recordingUrl(url("c1"))
                        .build());

        assertThat(call.outcome()).isEqualTo(Outcome.LOST);
        assertThat(ingestIds(call)).containsExactly("ingest.no-recording");
        assertThat(call.ingestVerdict()).isEqualTo("skipped");
    }
}
