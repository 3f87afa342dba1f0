package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callaudit.bench.CallGenerator;
import io.callaudit.engine.Breakdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML page over a batch large enough that the audit spills its results to disk (where a result keeps
 * only its id, outcome and findings): the per-number, per-agent and timeline counts must still add up to
 * the whole batch, because they were kept while the calls streamed, and the listed calls stop at their cap.
 */
class HtmlReportScaleTest {

    static final int CALLS = 20_000;

    @Test
    void counts_add_up_over_a_spilled_batch(@TempDir Path dir) throws IOException {
        Path calls = dir.resolve("calls.ndjson");
        Path profile = dir.resolve("profile.yaml");
        CallGenerator.main(new String[] {
            "--format",
            "aircall",
            "--calls",
            Integer.toString(CALLS),
            "--seed",
            "7",
            "--out",
            calls.toString(),
            "--profile-out",
            profile.toString()
        });
        Path html = dir.resolve("r.html");
        Path json = dir.resolve("r.json");
        CliRun run = CliRun.run(
                "audit",
                "--config",
                profile.toString(),
                "--format",
                "html",
                "--output",
                html.toString(),
                "--format",
                "json",
                "--output",
                json.toString(),
                "--fail-on",
                "never",
                calls.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String page = Files.readString(html);
        JsonNode outcomes =
                new ObjectMapper().readTree(json.toFile()).get("summary").get("by_outcome");

        assertThat(columnSum(section(page, "numbers"), 0)).isEqualTo(CALLS);
        assertThat(columnSum(section(page, "agents"), 0)).isEqualTo(CALLS);
        assertThat(columnSum(section(page, "numbers"), 1))
                .isEqualTo(outcomes.get("recorded").asLong());
        // The fleet has 40 lines and 400 agents: the top ones by name, then one row for the rest.
        assertThat(section(page, "numbers").split("<tr><th scope=\"row\">")).hasSize(1 + 15 + 1);
        assertThat(section(page, "agents")).contains("Other agents, and calls without one");
        long unrecorded = CALLS - outcomes.get("recorded").asLong();
        assertThat(columnSum(section(page, "timeline"), 0)
                        + columnSum(section(page, "timeline"), 1)
                        + columnSum(section(page, "timeline"), 2))
                .isEqualTo(unrecorded);
        long lost = outcomes.get("lost").asLong();
        assertThat(lost).isGreaterThan(Breakdown.LISTED);
        assertThat(page)
                .contains(
                        "<h3>Lost recordings (" + lost + ")</h3>",
                        "... and " + (lost - Breakdown.LISTED) + " more: the JSON or NDJSON report lists every call.");
        assertThat(Files.size(html)).isLessThan(400_000);
    }

    private static String section(String page, String id) {
        Matcher m = Pattern.compile("<section id=\"" + id + "\">(.*?)</section>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1);
    }

    /** The sum of the {@code index}-th numeric cell ({@code td class="n"}) of every body row. */
    private static long columnSum(String section, int index) {
        long sum = 0;
        Matcher rows = Pattern.compile("<tr><th scope=\"row\">.*?</tr>").matcher(section);
        while (rows.find()) {
            Matcher cells = Pattern.compile("<td class=\"n\">(\\d+)</td>").matcher(rows.group());
            for (int i = 0; i <= index && cells.find(); i++) {
                if (i == index) {
                    sum += Long.parseLong(cells.group(1));
                }
            }
        }
        return sum;
    }
}
