package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckConfigCommandTest {

    static final String BAD = "src/test/resources/cli/exotel-bad.yaml";
    static final String GOOD = "src/test/resources/cli/exotel-good.yaml";

    @Test
    void should_exit_0_for_a_profile_that_breaks_no_rule() {
        CliRun run = CliRun.run("check-config", GOOD);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("PASS");
    }

    @Test
    void should_exit_1_and_point_at_each_offending_key() throws Exception {
        CliRun run = CliRun.run("check-config", "--format", "json", BAD);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> found = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            found.add(
                    f.get("rule").asText() + "@" + f.get("location").get("line").asInt() + ":"
                            + f.get("location").get("key").asText());
        }
        assertThat(found)
                .contains(
                        "plan.dual-channel-not-in-plan@6:recording.mode",
                        "plan.dual-channel-not-in-plan@14:flows[0].mode",
                        "plan.dual-channel-needs-wav@7:recording.format",
                        "plan.retention-out-of-range@8:recording.retention_days",
                        "plan.custom-storage-not-in-plan@9:recording.storage",
                        "plan.selective-retention-not-in-plan@10:recording.selective_retention",
                        "config.consent-missing@12:recording.consent_greeting");
        assertThat(report.get("calls")).isEmpty();
    }

    @Test
    void should_exit_2_for_a_malformed_profile() {
        CliRun run = CliRun.run("check-config", "src/test/resources/cli/missing.yaml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing.yaml");
    }

    @Test
    void should_check_several_profiles_at_once() throws Exception {
        CliRun run = CliRun.run("check-config", "--format", "json", "--fail-on", "never", GOOD, BAD);
        assertThat(run.exitCode()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("findings").get(0).get("location").get("file").asText())
                .isEqualTo(BAD);
    }
}
