package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {

    static final String PROFILE = "examples/aircall/profile.yaml";
    static final String CALLS = "examples/aircall/calls.json";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void should_fail_with_1_on_the_example_because_it_has_error_findings() {
        CliRun run = CliRun.run("audit", "--config", PROFILE, CALLS);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("7014").contains("gap.unexplained");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void should_pass_with_fail_on_never() {
        CliRun run = CliRun.run("audit", "--config", PROFILE, "--fail-on", "never", CALLS);
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void should_give_the_reasons_a_support_engineer_would_give_for_the_example() throws IOException {
        CliRun run = CliRun.run("audit", "--config", PROFILE, "--format", "json", CALLS);
        JsonNode report = JSON.readTree(run.out());
        assertThat(reasons(report, "7001")).isEmpty();
        assertThat(outcome(report, "7001")).isEqualTo("recorded");
        assertThat(reasons(report, "7002")).startsWith("gap.unanswered");
        assertThat(reasons(report, "7004")).startsWith("gap.short-talk");
        assertThat(outcome(report, "7005")).isEqualTo("recorded");
        assertThat(reasons(report, "7008")).startsWith("gap.parallel-leg");
        assertThat(reasons(report, "7009")).startsWith("gap.recording-disabled");
        assertThat(reasons(report, "7010")).startsWith("gap.recording-disabled");
        assertThat(reasons(report, "7011")).startsWith("link.number-deleted");
        assertThat(outcome(report, "7011")).isEqualTo("lost");
        assertThat(reasons(report, "7012")).startsWith("gap.too-long");
        assertThat(reasons(report, "7013")).startsWith("gap.paused-by-user");
        assertThat(reasons(report, "7014")).containsExactly("gap.unexplained");
        assertThat(outcome(report, "7014")).isEqualTo("unexplained-gap");
        assertThat(reasons(report, "7016")).contains("link.number-not-in-inventory");
        JsonNode summary = report.get("summary");
        assertThat(report.get("records_read").asLong())
                .isEqualTo(summary.get("calls").asLong()
                        + summary.get("rejected").asLong()
                        + summary.get("superseded").asLong());
    }

    @Test
    void should_write_several_formats_in_one_run() throws IOException {
        Path json = tmp.resolve("out/report.json");
        Path text = tmp.resolve("out/report.txt");
        CliRun run = CliRun.run(
                "audit",
                "--config",
                PROFILE,
                "--fail-on",
                "never",
                "--format",
                "json",
                "--output",
                json.toString(),
                "--format",
                "text",
                "--output",
                text.toString(),
                CALLS);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(JSON.readTree(json.toFile()).get("calls")).hasSize(18);
        assertThat(Files.readString(text)).contains("7014");
    }

    @Test
    void should_refuse_two_reports_on_stdout() {
        CliRun run = CliRun.run("audit", "--format", "json", "--format", "text", CALLS);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("only one report can go to standard output");
    }

    @Test
    void should_exit_3_naming_a_missing_file() {
        CliRun run = CliRun.run("audit", "--config", PROFILE, "nope.json");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("nope.json").contains("no such file");
    }

    @Test
    void should_exit_3_on_content_that_is_not_call_records() throws IOException {
        Path junk = tmp.resolve("junk.bin");
        Files.write(junk, new byte[] {0, 1, 2, 3, 4});
        CliRun run = CliRun.run("audit", junk.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains("junk.bin");
    }

    @Test
    void should_exit_3_on_an_empty_input_rather_than_pass() throws IOException {
        Path empty = tmp.resolve("empty.ndjson");
        Files.writeString(empty, "");
        CliRun run = CliRun.run("audit", empty.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    }

    @Test
    void should_exit_2_naming_file_line_and_key_of_a_bad_profile() throws IOException {
        Path profile = tmp.resolve("bad.yaml");
        Files.writeString(profile, "provider: aircall\nrecording:\n  format: flac\n");
        CliRun run = CliRun.run("audit", "--config", profile.toString(), CALLS);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err())
                .contains("bad.yaml:3")
                .contains("recording.format")
                .contains("flac");
    }

    @Test
    void should_exit_2_on_an_unknown_option_value() {
        CliRun run = CliRun.run("audit", "--fail-on", "sometimes", CALLS);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("sometimes");
    }

    @Test
    void should_read_gzip_from_stdin() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(Files.readAllBytes(Path.of(CALLS)));
        }
        CliRun run = CliRun.runWithStdin(
                new ByteArrayInputStream(gz.toByteArray()), "audit", "--config", PROFILE, "--format", "json", "-");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(JSON.readTree(run.out()).get("calls")).hasSize(18);
    }

    @Test
    void should_keep_every_record_when_one_is_broken() throws IOException {
        Path calls = tmp.resolve("calls.ndjson");
        Files.writeString(
                calls,
                String.join(
                                "\n",
                                "{\"id\":\"a\",\"direction\":\"inbound\",\"status\":\"missed\",\"started_at\":\"2026-11-01T10:00:00Z\","
                                        + "\"ended_at\":\"2026-11-01T10:00:30Z\"}",
                                "{\"id\":\"b\",\"direction\":\"inbound\",\"status\":\"sideways\",\"started_at\":\"2026-11-01T10:00:00Z\","
                                        + "\"ended_at\":\"2026-11-01T10:00:30Z\"}",
                                "{not json",
                                "{\"id\":\"c\",\"direction\":\"inbound\",\"status\":\"missed\",\"started_at\":\"2026-11-01T11:00:00Z\","
                                        + "\"ended_at\":\"2026-11-01T11:00:30Z\"}")
                        + "\n",
                StandardCharsets.UTF_8);
        CliRun run = CliRun.run("audit", "--format", "json", calls.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("records_read").asInt()).isEqualTo(4);
        assertThat(report.get("summary").get("calls").asInt()).isEqualTo(2);
        assertThat(report.get("summary").get("rejected").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").get(0).get("field").asText()).isEqualTo("status");
        assertThat(report.get("rejected").get(1).get("line").asInt()).isEqualTo(3);
    }

    @Test
    void should_report_in_spanish() {
        CliRun run = CliRun.run("audit", "--config", PROFILE, "--lang", "es", CALLS);
        assertThat(run.out()).contains("Sin grabación y sin causa documentada");
    }

    @Test
    void should_print_version_with_rules_version() {
        CliRun run = CliRun.run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("callaudit").contains("rules");
    }

    private static List<String> reasons(JsonNode report, String id) {
        List<String> out = new ArrayList<>();
        call(report, id).path("reasons").forEach(r -> out.add(r.asText()));
        return out;
    }

    private static String outcome(JsonNode report, String id) {
        return call(report, id).get("outcome").asText();
    }

    private static JsonNode call(JsonNode report, String id) {
        for (JsonNode c : report.get("calls")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no call " + id + " in report");
    }
}
