package io.callaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.engine.AuditResult;
import io.callaudit.rules.Messages;
import io.callaudit.rules.RuleSet;
import io.callaudit.rules.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextReportWriterTest {

    private final TextReportWriter writer = new TextReportWriter();

    @Test
    void suppressedFindingsAreMarkedNotDropped() {
        String text = Reports.render(writer, SampleAudits.suppressed(), Reports.english());
        assertThat(section(text, "Calls that need attention"))
                .anyMatch(l -> l.startsWith("  2003  lost")
                        && l.contains("link.number-deleted")
                        && l.endsWith(
                                "(waived: number 900 retired, recordings exported first, qa-lead, until 2026-12-31)"));
        assertThat(section(text, "Profile"))
                .anyMatch(l -> l.contains("config.consent-missing") && l.endsWith("(baselined: previous.json)"));
        assertThat(section(text, "Summary"))
                .contains("| Waived              |        1 |", "| Baselined           |        1 |");
    }

    @Test
    void waiverProblemsAndStaleBaselineEntriesAreListed() {
        List<String> review =
                section(Reports.render(writer, SampleAudits.suppressed(), Reports.english()), "Waivers and baseline");
        assertThat(review).hasSize(2);
        assertThat(review.get(0)).startsWith("  WARNING  waiver.expired  waivers.yaml:12 waivers[2]  Waiver for");
        assertThat(review.get(1))
                .isEqualTo("  Baseline entry matches no finding any more, remove it: "
                        + "gap.unexplained 1999 calls.ndjson");
        assertThat(section(
                        Reports.render(writer, SampleAudits.aircallDefaults(), Reports.english()),
                        "Waivers and baseline"))
                .containsExactly("  (none)");
    }

    @Test
    void verdictCountsOnlyOpenFindingsAndSaysWhatWasSuppressed() {
        AuditResult suppressed = SampleAudits.suppressed();
        assertThat(lastLine(Reports.render(writer, suppressed, Reports.context(Locale.ROOT, false, Severity.ERROR))))
                .isEqualTo("PASS: no finding at or above error (1 waived, 1 baselined, not counted)");
        assertThat(lastLine(Reports.render(writer, suppressed, Reports.context(Locale.ROOT, false, Severity.WARNING))))
                .as("7 warnings of the configured audit, the consent one baselined, plus the expired waiver")
                .isEqualTo("FAIL: 7 findings at or above warning (1 waived, 1 baselined, not counted)");
        assertThat(suppressed.failing(Severity.WARNING)).isEqualTo(7);
    }

    @Test
    void spanishChromeAndProse() {
        List<String> lines = lines(Reports.render(
                writer, SampleAudits.aircallDefaults(), Reports.context(Reports.SPANISH, false, Severity.ERROR)));
        assertThat(lines.get(0))
                .isEqualTo(
                        "callaudit 0.1.0-test - auditoría a fecha de 2026-11-20T00:00:00Z, horas sin desfase leídas en UTC");
        assertThat(lines).contains("Resumen", "Perfil", "Llamadas que requieren atención", "Registros rechazados");
        assertThat(lines).anyMatch(l -> l.startsWith("| Llamadas auditadas"));
        assertThat(lines).anyMatch(l -> l.contains("gap.unanswered") && l.contains("No contestada"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("FALLA: 1 hallazgo de gravedad error o superior");
    }

    @Test
    void listsOnlyCallsThatNeedAttention() {
        String text = Reports.render(writer, SampleAudits.aircallDefaults(), Reports.english());
        List<String> calls = section(text, "Calls that need attention");
        assertThat(calls).noneMatch(l -> l.contains("1001") || l.startsWith("  1005 "));
        assertThat(calls).anyMatch(l -> l.startsWith("  1002  explained-gap") && l.contains("gap.unanswered"));
        assertThat(calls).anyMatch(l -> l.startsWith("  1008  unexplained-gap") && l.contains("gap.not-checkable"));
        int duplicate = indexOf(calls, "  1002  ");
        assertThat(calls.get(duplicate + 1))
                .as("further findings go on an indented line under the primary reason")
                .matches("^ {2}\\s+input\\.duplicate-call\\s+Call id repeated.*")
                .doesNotContain("1002  explained-gap");
        assertThat(calls.get(duplicate + 1).indexOf("input.duplicate-call"))
                .isEqualTo(calls.get(duplicate).indexOf("gap.unanswered"));
    }

    @Test
    void recordedCallsWithWarningsNeedAttentionToo() {
        String text = Reports.render(writer, SampleAudits.aircallConfigured(), Reports.english());
        List<String> calls = section(text, "Calls that need attention");
        assertThat(calls).anyMatch(l -> l.startsWith("  2004  recorded") && l.contains("ingest.email-mismatch"));
        assertThat(calls)
                .as("a recorded call with only an info finding is fine")
                .noneMatch(l -> l.startsWith("  2005 "));
        assertThat(calls).noneMatch(l -> l.startsWith("  2001 "));
    }

    @Test
    void profileFindingsNameFileLineAndKey() {
        String text = Reports.render(writer, SampleAudits.aircallConfigured(), Reports.english());
        List<String> profile = section(text, "Profile");
        assertThat(profile)
                .anyMatch(
                        l -> l.matches(
                                "^  INFO {5}config\\.pause-allowed {2,}profile\\.yaml:9 numbers\\[0]\\.allow_user_pause {2,}Number 812 .*"));
        assertThat(profile)
                .anyMatch(l -> l.startsWith("  WARNING  config.consent-missing")
                        && l.contains("profile.yaml:5 recording.consent_greeting"));
    }

    @Test
    void rejectedRecordsShowWhereAndWhy() {
        String text = Reports.render(writer, SampleAudits.aircallDefaults(), Reports.english());
        assertThat(section(text, "Rejected records"))
                .containsExactly("  calls.ndjson:9 started_at: not an RFC 3339 timestamp: 'yesterday'");
    }

    @Test
    void everyRuleThatFiredGetsItsSeverityAndRemediation() {
        String text = Reports.render(writer, SampleAudits.aircallDefaults(), Reports.english());
        List<String> todo = section(text, "What to do");
        assertThat(todo)
                .contains(
                        "  WARNING  gap.not-checkable (1)",
                        "  INFO     gap.unanswered (1)",
                        "  WARNING  input.duplicate-call (1)");
        assertThat(todo).anyMatch(l -> l.startsWith("           Listen to call 1005:"));
    }

    @Test
    void verdictFollowsTheThreshold() {
        AuditResult defaults = SampleAudits.aircallDefaults();
        // the rejected record; without a profile the unexplained gap is a warning (gap.not-checkable)
        assertThat(lastLine(Reports.render(writer, defaults, Reports.context(Locale.ROOT, false, Severity.ERROR))))
                .isEqualTo("FAIL: 1 finding at or above error");
        assertThat(lastLine(Reports.render(writer, defaults, Reports.context(Locale.ROOT, false, null))))
                .isEqualTo("REPORT ONLY: no failure threshold set");
        AuditResult clean = SampleAudits.allRecorded();
        assertThat(lastLine(Reports.render(writer, clean, Reports.context(Locale.ROOT, false, Severity.INFO))))
                .isEqualTo("PASS: no finding at or above info");
        assertThat(lastLine(Reports.render(
                        writer, SampleAudits.aircallConfigured(), Reports.context(Locale.ROOT, false, Severity.ERROR))))
                .isEqualTo("FAIL: 1 finding at or above error");
    }

    @Test
    void headerWithoutAKnownVersion() {
        ReportContext ctx = new ReportContext(RuleSet.builtIn(), Messages.english(), false, Severity.ERROR, null);
        assertThat(lines(Reports.render(writer, SampleAudits.allRecorded(), ctx))
                        .get(0))
                .isEqualTo("callaudit - audit as of 2026-11-20T00:00:00Z, times without an offset read in UTC");
    }

    @Test
    void nothingReadNeverPasses() {
        assertThat(lastLine(Reports.render(writer, SampleAudits.empty(), Reports.english())))
                .isEqualTo("FAIL: no record was read, so nothing was checked");
    }

    @Test
    void plainTextWithoutColoursOrTrailingBlanks() {
        String text = Reports.render(writer, SampleAudits.aircallDefaults(), Reports.english());
        assertThat(text).doesNotContain("\u001b", "\r", "\t").endsWith("\n");
        assertThat(text.chars()).allMatch(c -> c < 128);
        assertThat(lines(text)).noneMatch(l -> l.endsWith(" "));
    }

    @Test
    void flushesAndLeavesTheStreamOpen() throws IOException {
        StreamProbe out = new StreamProbe();
        writer.write(SampleAudits.aircallConfigured(), Reports.english(), out);
        assertThat(out.closed).isFalse();
        assertThat(out.flushedAfterLastWrite).isTrue();
        assertThat(out.size()).isPositive();
    }

    @Test
    void bothLanguagesHaveTheSameChromeKeys() throws IOException {
        assertThat(keys("text_es.properties")).isEqualTo(keys("text.properties"));
    }

    private static Set<Object> keys(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TextReportWriterTest.class.getResourceAsStream("/io/callaudit/report/" + file)) {
            assertThat(in).as(file).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p.keySet();
    }

    /** The lines under a heading (title, underline), up to the blank line that ends the section. */
    private static List<String> section(String text, String title) {
        List<String> lines = lines(text);
        int start = lines.indexOf(title);
        assertThat(start).as("section " + title).isNotNegative();
        assertThat(lines.get(start + 1)).isEqualTo("-".repeat(title.length()));
        int end = lines.subList(start, lines.size()).indexOf("") + start;
        return lines.subList(start + 2, end);
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with '" + prefix + "'");
    }

    /** The lines of a report, which always ends with a line break. */
    private static List<String> lines(String text) {
        assertThat(text).endsWith("\n");
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    private static String lastLine(String text) {
        List<String> lines = lines(text);
        return lines.get(lines.size() - 1);
    }
}
