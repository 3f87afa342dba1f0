package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI gate end to end: waivers with expiry, and baselines, through the command line. */
class GateCommandTest {

    static final String PROFILE = "examples/aircall/profile.yaml";
    static final String CALLS = "examples/aircall/calls.json";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path waivers(String expires) throws Exception {
        Path file = tmp.resolve("waivers.yaml");
        Files.writeString(file, """
                waivers:
                  - rule: gap.unexplained
                    target: {call: "7014"}
                    reason: "Escalated to Aircall, ticket AC-4411"
                    owner: ana@acme.example
                    expires: %s
                  - rule: link.number-deleted
                    target: {number: "814"}
                    reason: "Promo line deleted on purpose; recordings exported beforehand"
                    owner: ben@acme.example
                    expires: %s
                """.formatted(expires, expires));
        return file;
    }

    @Test
    void should_pass_when_every_error_is_waived_and_still_report_them_as_waived() throws Exception {
        CliRun run = CliRun.run(
                "audit", "--config", PROFILE, "--waivers", waivers("2026-12-31").toString(), "--format", "json", CALLS);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("summary").get("waived").asInt()).isEqualTo(2);
        long waived = 0;
        for (JsonNode f : report.get("findings")) {
            if (f.path("status").asText().equals("waived")) {
                waived++;
                assertThat(f.get("waiver").get("owner").asText()).endsWith("@acme.example");
            }
        }
        assertThat(waived).isEqualTo(2);
    }

    @Test
    void should_stop_suppressing_an_expired_waiver_and_report_it() throws Exception {
        CliRun run = CliRun.run(
                "audit", "--config", PROFILE, "--waivers", waivers("2026-11-19").toString(), "--format", "json", CALLS);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("summary").get("waived").asInt()).isZero();
        assertThat(report.get("summary").get("by_rule").get("waiver.expired").asInt())
                .isEqualTo(2);
    }

    @Test
    void should_still_suppress_on_the_expiry_day() throws Exception {
        CliRun run = CliRun.run(
                "audit", "--config", PROFILE, "--waivers", waivers("2026-11-20").toString(), CALLS);
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void should_exit_2_on_a_waiver_file_that_is_not_one() throws Exception {
        Path file = tmp.resolve("w.yaml");
        Files.writeString(file, "- just a list\n");
        CliRun run = CliRun.run("audit", "--config", PROFILE, "--waivers", file.toString(), CALLS);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("w.yaml:1");
    }

    @Test
    void should_fail_only_on_findings_new_since_the_baseline() throws Exception {
        Path baseline = tmp.resolve("baseline.json");
        CliRun first =
                CliRun.run("audit", "--config", PROFILE, "--format", "json", "--output", baseline.toString(), CALLS);
        assertThat(first.exitCode()).isEqualTo(1);
        CliRun again =
                CliRun.run("audit", "--config", PROFILE, "--baseline", baseline.toString(), "--format", "json", CALLS);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        JsonNode report = JSON.readTree(again.out());
        assertThat(report.get("summary").get("baselined").asInt()).isPositive();
        assertThat(report.get("stale_baseline")).isEmpty();

        String edited = Files.readString(Path.of(PROFILE)).replace("record_outbound: true", "record_outbound: false");
        Path head = tmp.resolve("profile.yaml");
        Files.writeString(head, edited);
        CliRun later = CliRun.run(
                "audit",
                "--config",
                head.toString(),
                "--baseline",
                baseline.toString(),
                "--format",
                "json",
                "--fail-on",
                "info",
                CALLS);
        JsonNode after = JSON.readTree(later.out());
        assertThat(later.exitCode()).as(later.toString()).isEqualTo(1);
        assertThat(after.get("stale_baseline")).isNotEmpty();
    }

    @Test
    void should_match_a_baseline_however_the_paths_are_typed_and_whatever_the_export_is_called() throws Exception {
        Path baseline = tmp.resolve("baseline.json");
        CliRun first =
                CliRun.run("audit", "--config", PROFILE, "--format", "json", "--output", baseline.toString(), CALLS);
        assertThat(first.exitCode()).isEqualTo(1);
        Path renamed = tmp.resolve("calls-2026-11.json");
        Files.copy(Path.of(CALLS), renamed);
        String absoluteProfile = Path.of(PROFILE).toAbsolutePath().toString();
        for (String[] paths : new String[][] {
            {"./" + PROFILE, "./" + CALLS}, {absoluteProfile, renamed.toString()}, {"examples/../" + PROFILE, CALLS}
        }) {
            CliRun again = CliRun.run(
                    "audit", "--config", paths[0], "--baseline", baseline.toString(), "--format", "json", paths[1]);
            JsonNode report = JSON.readTree(again.out());
            assertThat(again.exitCode())
                    .as(String.join(" ", paths) + "\n" + again)
                    .isZero();
            assertThat(report.get("stale_baseline")).as(String.join(" ", paths)).isEmpty();
        }
    }

    @Test
    void should_still_match_a_baseline_written_before_reports_named_their_provider() throws Exception {
        // Written by callaudit before this change, from the repository root, with examples/aircall/... as typed.
        String legacy = "src/test/resources/gate/legacy-baseline-aircall.json";
        assertThat(Files.readString(Path.of(legacy))).doesNotContain("\"provider\"");
        Path renamed = tmp.resolve("export.json");
        Files.copy(Path.of(CALLS), renamed);
        CliRun again = CliRun.run(
                "audit",
                "--config",
                "./" + PROFILE,
                "--baseline",
                legacy,
                "--format",
                "json",
                "--fail-on",
                "info",
                renamed.toString());
        JsonNode report = JSON.readTree(again.out());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(report.get("stale_baseline")).isEmpty();
        assertThat(report.get("summary").get("baselined").asInt())
                .isEqualTo(report.get("findings").size());
    }
}
