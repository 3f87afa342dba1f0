package io.callaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.engine.AuditResult;
import io.callaudit.rules.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownReportWriterTest {

    private final MarkdownReportWriter writer = new MarkdownReportWriter();

    static Stream<Arguments> samples() {
        return SampleAudits.named("aircall-defaults", "aircall-configured", "suppressed", "awkward", "many", "empty");
    }

    @Test
    void titleCarriesTheVerdictOnOpenFindingsOnly() {
        assertThat(title(SampleAudits.aircallDefaults(), Severity.ERROR))
                .isEqualTo("## \u274c callaudit: FAIL, 1 open finding at or above error");
        assertThat(title(SampleAudits.aircallConfigured(), Severity.ERROR))
                .isEqualTo("## \u274c callaudit: FAIL, 1 open finding at or above error");
        assertThat(title(SampleAudits.suppressed(), Severity.ERROR))
                .isEqualTo("## \u2705 callaudit: PASS, no open finding at or above error "
                        + "(1 waived, 1 baselined, not counted)");
        assertThat(title(SampleAudits.allRecorded(), Severity.INFO))
                .isEqualTo("## \u2705 callaudit: PASS, no open finding at or above info");
        assertThat(title(SampleAudits.empty(), Severity.ERROR))
                .isEqualTo("## \u274c callaudit: FAIL, no record was read, so nothing was checked");
        assertThat(title(SampleAudits.aircallDefaults(), null))
                .isEqualTo("## \u2139\ufe0f callaudit: REPORT ONLY, no failure threshold set");
    }

    @Test
    void spanishChrome() {
        String md = Reports.render(
                writer, SampleAudits.suppressed(), Reports.context(Reports.SPANISH, false, Severity.WARNING));
        List<String> lines = md.lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("## \u274c callaudit: FALLA, 7 hallazgos abiertos de gravedad warning o "
                        + "superior (1 dispensados, 1 en la l\u00ednea base, no cuentan)");
        assertThat(lines)
                .contains(
                        "| Resumen | Cantidad |",
                        "### Perfil",
                        "### Llamadas que requieren atenci\u00f3n",
                        "### Dispensas y l\u00ednea base",
                        "<details><summary>Qu\u00e9 hacer</summary>",
                        "| Llamada | Resultado | Regla | Gravedad | Mensaje |");
        assertThat(md).contains("dispensado: number 900 retired, recordings exported first, qa-lead, hasta 2026-12-31");
    }

    /** Every table row has exactly as many cells as its header, whatever the data holds. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void tablesKeepTheirShape(String name, Supplier<AuditResult> sample) {
        String md = Reports.render(writer, sample.get(), Reports.english());
        List<String> lines = md.lines().toList();
        int columns = -1;
        for (String line : lines) {
            if (!line.startsWith("|")) {
                columns = -1;
                continue;
            }
            int cells = cells(line).size();
            if (columns < 0) {
                columns = cells;
            }
            assertThat(cells).as("%s: %s", name, line).isEqualTo(columns);
        }
        assertThat(md).doesNotContain("\r").endsWith("\n");
    }

    @Test
    void cellsEscapePipesLineBreaksAndMarkup() {
        String md = Reports.render(writer, SampleAudits.awkward(), Reports.english());
        assertThat(md).contains("| `x\\|1 <b>&\"q\"` | explained-gap |");
        assertThat(md).contains("bad \"value\", see \\| pipe<br>second line \ufffd \\<script>\\&amp; \\`tick\\`");
        assertThat(md).as("no unescaped tag").doesNotContain(" <script>").doesNotContain("\u0001");
        assertThat(MarkdownReportWriter.escape("a|b\nc\r\nd\\e")).isEqualTo("a\\|b<br>c<br>d\\\\e");
        assertThat(MarkdownReportWriter.code("numbers[0].allow_user_pause")).isEqualTo("`numbers[0].allow_user_pause`");
        assertThat(MarkdownReportWriter.code("a`b|c")).isEqualTo("a\\`b\\|c");
        assertThat(MarkdownReportWriter.inlineCode("gap.x 1|2 f")).isEqualTo("`gap.x 1|2 f`");
    }

    @Test
    void longListsAreCappedWithACount() {
        String md = Reports.render(writer, SampleAudits.many(60, 55), Reports.english());
        List<String> calls = table(md, "### Calls that need attention");
        assertThat(calls).hasSize(2 + MarkdownReportWriter.MAX_ROWS);
        assertThat(md).contains("_... and 10 more calls: the JSON report lists them all._");
        List<String> rejected = table(md, "### Rejected records");
        assertThat(rejected).hasSize(2 + MarkdownReportWriter.MAX_ROWS);
        assertThat(md).contains("_... and 5 more rejected records: the JSON report lists them all._");
        assertThat(md.length()).as("fits a GitHub comment").isLessThan(65_536);
    }

    @Test
    void listsTheSameCallsAsTheTextReport() {
        String md = Reports.render(writer, SampleAudits.aircallConfigured(), Reports.english());
        List<String> ids = new ArrayList<>();
        for (String row : table(md, "### Calls that need attention").subList(2, 10)) {
            ids.add(cells(row).get(0));
        }
        assertThat(ids).containsExactly("`2002`", "`2003`", "`2004`", "`2006`", "`2007`", "`2008`", "`2009`", "`2010`");
    }

    @Test
    void remediationIsFoldedPerRule() {
        String md = Reports.render(writer, SampleAudits.aircallDefaults(), Reports.english());
        int start = md.indexOf("<details><summary>What to do</summary>\n\n");
        assertThat(start).isPositive();
        String details = md.substring(start);
        assertThat(details)
                .contains("- `gap.parallel-leg` (info, 1)\n  - Listen to call 1005:")
                .contains("- `gap.not-checkable` (warning, 1)\n  - Run the audit again with --config")
                .endsWith("</details>\n");
    }

    @Test
    void profileFindingsNameFileLineAndKey() {
        String md = Reports.render(writer, SampleAudits.aircallConfigured(), Reports.english());
        assertThat(table(md, "### Profile"))
                .contains(
                        "| Where | Key | Rule | Severity | Message |",
                        "| profile.yaml:5 | `recording.consent_greeting` | `config.consent-missing` | warning | "
                                + "Recording is on for the account without a consent greeting |");
    }

    @Test
    void redactsWhenAsked() {
        String md = Reports.render(
                writer, SampleAudits.aircallConfigured(), Reports.context(Locale.ROOT, true, Severity.ERROR));
        assertThat(md).doesNotContain("Ana@Acme.example", "+44 20 7946 0958");
    }

    @Test
    void flushesAndLeavesTheStreamOpen() throws IOException {
        StreamProbe out = new StreamProbe();
        writer.write(SampleAudits.aircallConfigured(), Reports.english(), out);
        assertThat(out.closed).isFalse();
        assertThat(out.flushedAfterLastWrite).isTrue();
    }

    private String title(AuditResult result, Severity failOn) {
        return Reports.render(writer, result, Reports.context(Locale.ROOT, false, failOn))
                .lines()
                .findFirst()
                .orElseThrow();
    }

    /** The table rows (header and rule included) right after {@code heading} and its blank line. */
    private static List<String> table(String md, String heading) {
        List<String> lines = md.lines().toList();
        int start = lines.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        List<String> rows = new ArrayList<>();
        for (String line : lines.subList(start + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            rows.add(line);
        }
        return rows;
    }

    /** Cells of a GFM table row: split on pipes not escaped with a backslash. */
    private static List<String> cells(String row) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < row.length()) {
                cell.append(c).append(row.charAt(++i));
            } else if (c == '|') {
                out.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return out;
    }
}
