package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void should_list_findings_the_change_adds_and_fail_on_them() throws Exception {
        CliRun run = CliRun.run(
                "diff",
                "--base",
                CheckConfigCommandTest.GOOD,
                "--head",
                CheckConfigCommandTest.BAD,
                "--format",
                "json");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode diff = JSON.readTree(run.out());
        assertThat(diff.get("added")).isNotEmpty();
        assertThat(diff.get("removed")).isEmpty();
    }

    @Test
    void should_pass_when_the_change_only_removes_findings() throws Exception {
        CliRun run = CliRun.run("diff", "--base", CheckConfigCommandTest.BAD, "--head", CheckConfigCommandTest.GOOD);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("PASS");
    }

    @Test
    void should_count_calls_a_change_stops_recording_by_number_and_direction() throws Exception {
        String base = Files.readString(Path.of("examples/aircall/profile.yaml"));
        Path head = tmp.resolve("head.yaml");
        Files.writeString(head, base.replaceFirst("record_inbound: true", "record_inbound: false"));
        CliRun run = CliRun.run(
                "diff",
                "--base",
                "examples/aircall/profile.yaml",
                "--head",
                head.toString(),
                "--format",
                "json",
                "examples/aircall/calls.json");
        JsonNode diff = JSON.readTree(run.out());
        JsonNode impact = diff.get("impact");
        assertThat(impact.get("stop_recording").asInt()).as(run.out()).isPositive();
        assertThat(impact.get("start_recording").asInt()).isZero();
        for (JsonNode row : impact.get("by_line")) {
            assertThat(row.get("number").asText()).isEqualTo("812");
            assertThat(row.get("direction").asText()).isEqualTo("inbound");
        }
    }

    @Test
    void should_count_calls_a_change_starts_recording() throws Exception {
        String base = Files.readString(Path.of("examples/aircall/profile.yaml"));
        Path head = tmp.resolve("head.yaml");
        Files.writeString(head, base.replace("record_outbound: false", "record_outbound: true"));
        CliRun run = CliRun.run(
                "diff",
                "--base",
                "examples/aircall/profile.yaml",
                "--head",
                head.toString(),
                "--format",
                "json",
                "examples/aircall/calls.json");
        JsonNode impact = JSON.readTree(run.out()).get("impact");
        assertThat(impact.get("start_recording").asInt()).isEqualTo(1);
        assertThat(impact.get("by_line").get(0).get("number").asText()).isEqualTo("813");
        assertThat(impact.get("by_line").get(0).get("direction").asText()).isEqualTo("outbound");
    }

    @Test
    void should_pass_a_change_that_only_starts_recording_though_the_past_call_has_no_recording() throws Exception {
        String base = Files.readString(Path.of("examples/aircall/profile.yaml"));
        Path head = tmp.resolve("head.yaml");
        Files.writeString(head, base.replace("record_outbound: false", "record_outbound: true"));
        CliRun run = CliRun.run(
                "diff",
                "--base",
                "examples/aircall/profile.yaml",
                "--head",
                head.toString(),
                "examples/aircall/calls.json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("PASS").doesNotContain("gap.unexplained");
    }

    @Test
    void should_fail_a_change_that_stops_recording_the_main_line_and_name_the_calls() throws Exception {
        String base = Files.readString(Path.of("examples/aircall/profile.yaml"));
        Path head = tmp.resolve("head.yaml");
        Files.writeString(head, base.replaceFirst("record_inbound: true", "record_inbound: false"));
        CliRun json = CliRun.run(
                "diff",
                "--base",
                "examples/aircall/profile.yaml",
                "--head",
                head.toString(),
                "--format",
                "json",
                "examples/aircall/calls.json");
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
        JsonNode diff = JSON.readTree(json.out());
        long stopped = diff.get("impact").get("stop_recording").asLong();
        assertThat(stopped).isEqualTo(6);
        JsonNode group = diff.get("added_call_findings").get(0);
        assertThat(group.get("rule").asText()).isEqualTo("gap.recording-disabled");
        assertThat(group.get("calls")).hasSize(6);
        assertThat(group.get("numbers").get(0).asText()).isEqualTo("812");

        CliRun text = CliRun.run(
                "diff",
                "--base",
                "examples/aircall/profile.yaml",
                "--head",
                head.toString(),
                "--format",
                "markdown",
                "examples/aircall/calls.json");
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out())
                .contains("`gap.recording-disabled`: 6 call(s) on 812: ")
                .contains(group.get("calls").get(0).asText())
                .contains("FAIL: the change stops recording 6 call(s)");
    }

    @Test
    void should_fail_a_change_that_stops_ingesting_calls() throws Exception {
        String base = Files.readString(Path.of("examples/aircall/profile.yaml"));
        Path head = tmp.resolve("head.yaml");
        Files.writeString(head, base.replace("min_seconds: 60", "min_seconds: 3600"));
        CliRun run = CliRun.run(
                "diff",
                "--base",
                "examples/aircall/profile.yaml",
                "--head",
                head.toString(),
                "--format",
                "json",
                "examples/aircall/calls.json");
        JsonNode diff = JSON.readTree(run.out());
        assertThat(diff.get("impact").get("stop_ingestion").asInt())
                .as(run.out())
                .isPositive();
        assertThat(diff.get("impact").get("stop_recording").asInt()).isZero();
        assertThat(diff.get("added_call_findings").get(0).get("rule").asText()).isEqualTo("ingest.too-short");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void should_pass_an_unchanged_profile_over_a_history_with_unexplained_gaps() {
        CliRun run = CliRun.run(
                "diff",
                "--base",
                "examples/aircall/profile.yaml",
                "--head",
                "examples/aircall/profile.yaml",
                "examples/aircall/calls.json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void should_count_recordings_a_shorter_retention_would_lose() throws Exception {
        Path base = tmp.resolve("base.yaml");
        Path head = tmp.resolve("head.yaml");
        String profile = "provider: exotel\nplan: growth\nas_of: 2026-11-20T00:00:00Z\nrecording:\n"
                + "  retention_days: %d\n  consent_greeting: true\n";
        Files.writeString(base, profile.formatted(180));
        Files.writeString(head, profile.formatted(30));
        Path calls = tmp.resolve("calls.ndjson");
        Files.writeString(
                calls,
                "{\"id\":\"a\",\"direction\":\"inbound\",\"status\":\"answered\","
                        + "\"started_at\":\"2026-09-01T10:00:00Z\",\"answered_at\":\"2026-09-01T10:00:05Z\","
                        + "\"ended_at\":\"2026-09-01T10:05:00Z\",\"recording_url\":\"https://r.example/a.mp3\"}\n");
        CliRun run = CliRun.run(
                "diff", "--base", base.toString(), "--head", head.toString(), "--format", "json", calls.toString());
        JsonNode diff = JSON.readTree(run.out());
        assertThat(diff.get("impact").get("lose_recording").asInt())
                .as(run.toString())
                .isEqualTo(1);
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void should_render_markdown_for_a_pull_request() {
        CliRun run = CliRun.run(
                "diff",
                "--base",
                CheckConfigCommandTest.GOOD,
                "--head",
                CheckConfigCommandTest.BAD,
                "--format",
                "markdown");
        assertThat(run.out()).startsWith("## ").contains("`plan.dual-channel-not-in-plan`");
    }
}
