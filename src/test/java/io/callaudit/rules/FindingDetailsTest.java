package io.callaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.CallResult;
import io.callaudit.rules.RuleFixtures.Case;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the fixture findings say: the message names what the user has to look at (the holder leg, the switch
 * that is off, the near-miss email), beyond the bare "it fired" the fixture markers check.
 */
class FindingDetailsTest {

    private static final Messages EN = Messages.english();

    private static AuditResult run(String folder, String yaml) {
        Path dir = RuleFixtures.root().resolve(folder);
        return RuleFixtures.cases(dir).stream()
                .filter(c -> c.profile().getFileName().toString().equals(yaml))
                .findFirst()
                .map(RuleFixtures::run)
                .orElseThrow(() -> new AssertionError("no " + folder + "/" + yaml));
    }

    private static Map<String, CallResult> calls(String folder, String yaml) {
        Map<String, CallResult> byId = new LinkedHashMap<>();
        for (CallResult c : run(folder, yaml).calls()) {
            byId.put(c.id(), c);
        }
        return byId;
    }

    private static String message(String folder, String yaml, String callId) {
        CallResult call = calls(folder, yaml).get(callId);
        assertThat(call).as("call %s in %s/%s", callId, folder, yaml).isNotNull();
        return EN.message(TestCalls.finding(call, folder), false);
    }

    @Test
    void positive_parallel_leg_names_the_leg_holding_the_recording() {
        assertThat(message("gap.parallel-leg", "profile.yaml", "fire-overlap-by-one-second"))
                .contains("holder-a");
        assertThat(message("gap.parallel-leg", "profile.yaml", "fire-same-email"))
                .contains("holder-g");
    }

    @Test
    void positive_parallel_leg_remediation_names_the_holder() {
        CallResult call = calls("gap.parallel-leg", "profile.yaml").get("fire-overlap-by-one-second");
        Finding f = TestCalls.finding(call, "gap.parallel-leg");

        assertThat(EN.format("gap.parallel-leg.remediation", f.args(), false)).contains("holder-a");
    }

    @Test
    void positive_recording_disabled_names_the_switch_that_is_off() {
        assertThat(message("gap.recording-disabled", "profile.yaml", "fire-inbound-off"))
                .contains("numbers[1].record_inbound");
        assertThat(message("gap.recording-disabled", "profile.yaml", "fire-outbound-off"))
                .contains("numbers[2].record_outbound");
        assertThat(message("gap.recording-disabled", "profile.yaml", "fire-one-second-before-enabled"))
                .contains("numbers[3].recording_enabled_at");
        assertThat(message("gap.recording-disabled", "profile.yaml", "fire-record-requested-false"))
                .contains("record_requested=false");
        assertThat(message("gap.recording-disabled", "profile.yaml", "fire-matched-by-digits"))
                .contains("numbers[1].record_inbound");
        assertThat(message("gap.recording-disabled", "profile-exotel.yaml", "fire-flow-off"))
                .contains("flows[0].record");
        assertThat(message("gap.recording-disabled", "profile-exotel-off.yaml", "fire-account-off"))
                .contains("recording.enabled");
        assertThat(message("gap.recording-disabled", "profile-ctm.yaml", "fire-config-recordings-off"))
                .contains("settings_configs[1].recordings");
    }

    @Test
    void positive_settings_unassigned_names_number_and_configuration() {
        assertThat(message("gap.settings-unassigned", "profile.yaml", "fire-unknown-configuration"))
                .contains("902")
                .contains("Ghost");
        assertThat(message("gap.settings-unassigned", "profile.yaml", "fire-no-configuration"))
                .contains("901");
    }

    @Test
    void positive_thresholds_are_quoted_as_the_seeds_give_them() {
        assertThat(message("gap.short-talk", "profile.yaml", "fire-talk-4s"))
                .isEqualTo("Talk time 4 s, below the minimum for a recording (at least 5 s)");
        assertThat(message("gap.short-talk", "profile-exotel.yaml", "fire-exotel-1s"))
                .isEqualTo("Talk time 1 s, below the minimum for a recording (at least 2 s)");
        assertThat(message("gap.short-voicemail", "profile.yaml", "fire-voicemail-4s"))
                .isEqualTo("Voicemail of 4 s, below the minimum for a recording (at least 5 s)");
        assertThat(message("gap.too-long", "profile.yaml", "fire-4h-and-1s"))
                .startsWith("Talk time 14401 s exceeds the 14400 s maximum");
        assertThat(message("ingest.too-short", "profile.yaml", "fire-59s"))
                .isEqualTo("Call of 59 s, shorter than the 60 s the platform imports");
        assertThat(message("ingest.too-short", "profile.yaml", "fire-59.5s")).startsWith("Call of 59.5 s");
    }

    @Test
    void positive_paused_by_user_says_whether_it_is_reported_or_likely() {
        assertThat(message("gap.paused-by-user", "profile.yaml", "fire-pause-allowed-likely-cause"))
                .contains("numbers[1].allow_user_pause");
        assertThat(message("gap.paused-by-user", "profile.yaml", "fire-export-says-paused"))
                .contains("the export says the recording was paused");
    }

    @Test
    void positive_email_mismatch_names_the_near_miss() {
        assertThat(message("ingest.email-mismatch", "profile.yaml", "fire-other-case"))
                .contains("Ana@Acme.example")
                .contains("matches ana@acme.example ignoring case");
        assertThat(message("ingest.email-mismatch", "profile.yaml", "fire-other-domain"))
                .contains("another domain: ana@acme.example");
        assertThat(message("ingest.email-mismatch", "profile.yaml", "fire-unknown-user"))
                .isEqualTo("Agent email zed@acme.example matches no platform user exactly");
        assertThat(message("ingest.email-mismatch", "profile.yaml", "fire-no-email"))
                .contains("no agent email");
    }

    @Test
    void positive_integration_inactive_tells_before_first_connection_from_gap() {
        assertThat(message("ingest.integration-inactive", "profile.yaml", "fire-before-first-connection"))
                .contains("before the first connection (2026-03-01T00:00:00Z)");
        assertThat(message("ingest.integration-inactive", "profile.yaml", "fire-gap-start"))
                .contains("in a gap between two connections");
    }

    @Test
    void positive_number_deleted_gives_deletion_and_recovery() {
        assertThat(message("link.number-deleted", "profile.yaml", "fire-recorded-before-deletion"))
                .startsWith("Number 830 was deleted at 2026-11-15T00:00:00Z (recovered: 2026-11-16T00:00:00Z)");
    }

    @Test
    void positive_retention_names_the_period_that_applied() {
        assertThat(message("link.retention-expired", "profile.yaml", "fire-90-days-and-1s"))
                .contains("90-day")
                .contains("recording.retention_days");
        assertThat(message("link.retention-expired", "profile-selective.yaml", "fire-sales-181-days"))
                .contains("180-day")
                .contains("recording.selective_retention[0]");
        assertThat(message("link.retention-expired", "profile-selective.yaml", "fire-voicemail-31-days"))
                .contains("30-day")
                .contains("recording.selective_retention[1]");
        assertThat(message("link.retention-expired", "profile-selective.yaml", "fire-support-100-days"))
                .contains("90-day")
                .contains("recording.retention_days");
    }

    @Test
    void positive_url_expired_gives_expiry_issue_time_and_lifetime() {
        assertThat(message("link.url-expired", "profile.yaml", "fire-link-24h-and-1s-old"))
                .isEqualTo(
                        "Recording link expired at 2026-11-19T23:59:59Z (issued at 2026-11-18T23:59:59Z, 24 h lifetime)");
        assertThat(message("link.url-expired", "no-profile-signed.yaml", "fire-s3-one-second-past"))
                .isEqualTo("Recording link expired at 2026-11-19T23:59:59Z (the signed link's own expiry)");
        assertThat(message("link.url-expired", "profile-ttl-48.yaml", "fire-link-48h-and-1s-old"))
                .contains("48 h");
    }

    @Test
    void positive_number_not_in_inventory_masks_digits_when_redacted() {
        CallResult call = calls("link.number-not-in-inventory", "profile.yaml").get("fire-unknown-digits");
        Finding f = TestCalls.finding(call, "link.number-not-in-inventory");

        assertThat(EN.message(f, false)).contains("+1 555 0100");
        assertThat(EN.message(f, true)).doesNotContain("555 0100").doesNotContain("5550100");
    }

    @Test
    void positive_email_is_masked_when_redacted() {
        CallResult call = calls("ingest.email-mismatch", "profile.yaml").get("fire-unknown-user");
        Finding f = TestCalls.finding(call, "ingest.email-mismatch");

        assertThat(EN.message(f, true)).doesNotContain("zed@");
    }

    @Test
    void positive_profile_findings_point_at_file_line_and_key() {
        Case c = RuleFixtures.cases(RuleFixtures.root().resolve("plan.dual-channel-needs-wav")).stream()
                .filter(x -> x.profile().getFileName().toString().equals("profile.yaml"))
                .findFirst()
                .orElseThrow();
        List<Finding> findings = RuleFixtures.run(c).profileFindings().stream()
                .filter(f -> f.ruleId().equals("plan.dual-channel-needs-wav"))
                .toList();

        assertThat(findings).extracting(f -> f.location().key()).containsExactly("recording.format", "flows[0].mode");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.file()).isEqualTo(c.profile().toString());
            assertThat(f.entity()).isEqualTo(f.location().key());
        });
    }

    @Test
    void positive_consent_missing_left_unset_points_at_the_recording_block_with_the_missing_key() {
        List<Finding> findings = run("config.consent-missing", "profile-exotel-unset.yaml").profileFindings().stream()
                .filter(f -> f.ruleId().equals("config.consent-missing"))
                .toList();

        assertThat(findings)
                .singleElement()
                .satisfies(f -> assertThat(f.location().key()).isEqualTo("recording.consent_greeting"));
    }

    @Test
    void positive_per_call_plan_finding_names_the_call() {
        CallResult call = calls("plan.dual-channel-not-in-plan", "profile.yaml").get("fire-dual-requested-per-call");
        Finding f = TestCalls.finding(call, "plan.dual-channel-not-in-plan");

        assertThat(f.callId()).isEqualTo("fire-dual-requested-per-call");
        assertThat(f.location()).isNull();
        assertThat(EN.message(f, false)).contains("RecordingChannels=dual").contains("starter");
    }
}
