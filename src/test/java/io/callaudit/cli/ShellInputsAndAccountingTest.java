package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's reliability promises, end to end through the command line: every record read is accounted for
 * ({@code records_read = calls + rejected + superseded + skipped}) whatever one record holds, and inputs the
 * shell hands over (named pipes, process substitution) are read as streams.
 */
class ShellInputsAndAccountingTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static void assertAccounted(JsonNode report, int records, int rejected) {
        JsonNode summary = report.get("summary");
        assertThat(report.get("records_read").asInt()).isEqualTo(records);
        assertThat(summary.get("rejected").asInt()).isEqualTo(rejected);
        assertThat(summary.get("calls").asInt()
                        + summary.get("rejected").asInt()
                        + summary.get("superseded").asInt()
                        + summary.get("skipped").asInt())
                .isEqualTo(records);
    }

    @Test
    void should_reject_one_ctm_record_whose_duration_overflows_and_report_the_rest() throws IOException {
        Path calls = tmp.resolve("ctm.json");
        StringBuilder page = new StringBuilder("{\"calls\": [\n");
        for (int n = 1; n <= 16; n++) {
            page.append(n > 1 ? ",\n" : "")
                    .append("{\"id\": ")
                    .append(n)
                    .append(", \"called_at\": \"2026-11-18 09:15:02\", \"status\": \"answered\", \"duration\": ")
                    .append(n == 3 ? "1000000000000000000000000000000" : "60")
                    .append(", \"talk_time\": 50, \"audio\": \"https://rec.example/")
                    .append(n)
                    .append(".mp3\"}");
        }
        Files.writeString(calls, page + "\n], \"page\": 1, \"total_entries\": 16}\n");

        CliRun run = CliRun.run("audit", "--format", "json", "--fail-on", "never", calls.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertAccounted(report, 16, 1);
        assertThat(report.get("rejected").get(0).get("field").asText()).isEqualTo("duration");
        assertThat(report.get("rejected").get(0).get("line").asInt()).isEqualTo(4);
    }

    @Test
    void should_count_every_record_of_an_aircall_page_with_a_latin_1_byte_in_its_third() throws IOException {
        Path calls = tmp.resolve("page.json");
        try (OutputStream out = Files.newOutputStream(calls)) {
            out.write("{\"calls\": [\n".getBytes(StandardCharsets.UTF_8));
            for (int n = 1; n <= 16; n++) {
                out.write(((n > 1 ? ",\n" : "") + "{\"id\": " + n + ", \"direction\": \"inbound\", "
                                + "\"started_at\": 1700000000, \"ended_at\": 1700000060, \"answered_at\": 1700000001, "
                                + "\"recording\": \"https://rec.example/" + n)
                        .getBytes(StandardCharsets.UTF_8));
                if (n == 3) {
                    out.write(new byte[] {'J', 'o', 's', (byte) 0xE9});
                }
                out.write(".mp3\"}".getBytes(StandardCharsets.UTF_8));
            }
            out.write("\n], \"meta\": {\"count\": 16}}\n".getBytes(StandardCharsets.UTF_8));
        }

        CliRun run = CliRun.run("audit", "--format", "json", "--fail-on", "never", calls.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertAccounted(JSON.readTree(run.out()), 16, 1);
    }

    @Test
    void should_read_one_record_per_ndjson_line_whatever_the_line_holds() throws IOException {
        Path calls = tmp.resolve("calls.ndjson");
        String good = "{\"id\":%d,\"direction\":\"inbound\",\"started_at\":1700000000,\"ended_at\":1700000060}";
        Files.writeString(
                calls,
                String.join(
                                "\n",
                                good.formatted(1),
                                "[1,2,3]",
                                "[]",
                                good.formatted(2),
                                "{\"id\":3} {\"id\":4}",
                                good.formatted(5))
                        + "\n");

        CliRun run = CliRun.run("audit", "--format", "json", "--fail-on", "never", calls.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertAccounted(report, 6, 3);
        assertThat(report.get("rejected").findValuesAsText("line")).containsExactly("2", "3", "5");
    }

    @Test
    void should_read_a_named_pipe_as_a_stream() throws Exception {
        Path fifo = tmp.resolve("calls.fifo");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        byte[] calls = Files.readAllBytes(Path.of(AuditCommandTest.CALLS));
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(calls);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();

        CliRun run = CliRun.run("audit", "--config", AuditCommandTest.PROFILE, "--format", "json", fifo.toString());
        writer.join(10_000);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(JSON.readTree(run.out()).get("records_read").asInt()).isEqualTo(18);
    }
}
