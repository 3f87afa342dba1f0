package io.callaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every golden file, one row each: which format writes it, from which sample audit, in which language and with
 * which options. A new golden file is a new row; the writer tests keep the checks that parse a report back.
 */
class GoldenReportsTest {

    /** The report options the rows name. */
    private static final Map<String, ReportContext> CONTEXTS = Map.of(
            "english", Reports.english(),
            "pretty", Reports.english().withPretty(true),
            "redacted", Reports.context(Locale.ROOT, true, Severity.WARNING),
            "spanish", Reports.context(Reports.SPANISH, false, Severity.ERROR),
            "fail-on-warning", Reports.context(Locale.ROOT, false, Severity.WARNING));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "aircall-defaults.golden.txt,               TEXT,     aircall-defaults,   english",
        "aircall-configured-redacted.golden.txt,    TEXT,     aircall-configured, redacted",
        "aircall-configured.es.golden.txt,          TEXT,     aircall-configured, spanish",
        "suppressed.golden.txt,                     TEXT,     suppressed,         english",
        "empty.golden.txt,                          TEXT,     empty,              english",
        "aircall-defaults.golden.json,              JSON,     aircall-defaults,   pretty",
        "aircall-defaults.compact.golden.json,      JSON,     aircall-defaults,   english",
        "aircall-configured-redacted.golden.json,   JSON,     aircall-configured, redacted",
        "suppressed.golden.json,                    JSON,     suppressed,         pretty",
        "empty.golden.json,                         JSON,     empty,              pretty",
        "aircall-defaults.golden.ndjson,            NDJSON,   aircall-defaults,   english",
        "suppressed.golden.ndjson,                  NDJSON,   suppressed,         english",
        "aircall-configured.golden.csv,             CSV,      aircall-configured, english",
        "suppressed.golden.csv,                     CSV,      suppressed,         english",
        "aircall-defaults.golden.sarif,             SARIF,    aircall-defaults,   pretty",
        "suppressed.golden.sarif,                   SARIF,    suppressed,         pretty",
        "aircall-defaults.golden.junit.xml,         JUNIT,    aircall-defaults,   english",
        "suppressed.golden.junit.xml,               JUNIT,    suppressed,         fail-on-warning",
        "all-recorded.golden.junit.xml,             JUNIT,    all-recorded,       english",
        "empty.golden.junit.xml,                    JUNIT,    empty,              english",
        "aircall-configured.es.golden.md,           MARKDOWN, aircall-configured, spanish",
        "aircall-defaults.golden.md,                MARKDOWN, aircall-defaults,   english",
        "suppressed.golden.md,                      MARKDOWN, suppressed,         english",
        "empty.golden.md,                           MARKDOWN, empty,              english",
        "aircall-configured.golden.html,            HTML,     aircall-configured, english",
        "aircall-configured-redacted.golden.html,   HTML,     aircall-configured, redacted",
        "aircall-configured.es.golden.html,         HTML,     aircall-configured, spanish",
        "suppressed.golden.html,                    HTML,     suppressed,         english",
        "empty.golden.html,                         HTML,     empty,              english",
    })
    void matchesItsGoldenFile(String golden, ReportFormat format, String sample, String context) throws IOException {
        Golden.assertMatches(
                golden, Reports.render(format.writer(), SampleAudits.named(sample), CONTEXTS.get(context)));
    }

    /** A golden file no row checks would silently stop guarding its format. */
    @Test
    void checksEveryGoldenFile() throws Exception {
        Set<String> rows = new TreeSet<>();
        for (String row : getClass()
                .getDeclaredMethod("matchesItsGoldenFile", String.class, ReportFormat.class, String.class, String.class)
                .getAnnotation(CsvSource.class)
                .value()) {
            rows.add(row.split(",")[0].trim());
        }
        Set<String> files = new TreeSet<>();
        try (Stream<Path> listed =
                Files.list(Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "report"))) {
            listed.map(f -> f.getFileName().toString())
                    .filter(f -> f.contains(".golden."))
                    .forEach(files::add);
        }
        assertThat(rows).isEqualTo(files);
    }
}
