package io.callaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.engine.AuditResult;
import io.callaudit.model.WireEnum;
import io.callaudit.rules.Severity;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportFormatTest {

    @Test
    void namesAreTheWireNames() {
        assertThat(ReportFormat.parse("text")).isEqualTo(ReportFormat.TEXT);
        assertThat(ReportFormat.parse("json")).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.parse("JSON")).isNull();
        assertThat(ReportFormat.parse("xml")).isNull();
        assertThat(ReportFormat.parse(null)).isNull();
        assertThat(ReportFormat.parse("sarif")).isEqualTo(ReportFormat.SARIF);
        assertThat(WireEnum.choices(ReportFormat.class))
                .as("DOMAIN.md, Outputs")
                .isEqualTo("text | json | ndjson | csv | sarif | junit | markdown | html");
        assertThat(ReportFormat.defaultFormat()).isEqualTo(ReportFormat.TEXT);
    }

    @Test
    void eachFormatHasItsWriter() {
        assertThat(ReportFormat.TEXT.writer()).isInstanceOf(TextReportWriter.class);
        assertThat(ReportFormat.JSON.writer()).isInstanceOf(JsonReportWriter.class);
        assertThat(ReportFormat.NDJSON.writer()).isInstanceOf(NdjsonReportWriter.class);
        assertThat(ReportFormat.CSV.writer()).isInstanceOf(CsvReportWriter.class);
        assertThat(ReportFormat.SARIF.writer()).isInstanceOf(SarifReportWriter.class);
        assertThat(ReportFormat.JUNIT.writer()).isInstanceOf(JunitReportWriter.class);
        assertThat(ReportFormat.MARKDOWN.writer()).isInstanceOf(MarkdownReportWriter.class);
        assertThat(ReportFormat.HTML.writer()).isInstanceOf(HtmlReportWriter.class);
        assertThat(Arrays.stream(ReportFormat.values()).map(ReportFormat::wire))
                .doesNotHaveDuplicates()
                .allMatch(w -> w.equals(w.toLowerCase(Locale.ROOT)));
    }

    /** The contract every format, present and future, keeps: write everything, flush, leave the stream open. */
    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void everyWriterFlushesAndLeavesTheStreamOpen(ReportFormat format) throws IOException {
        List<AuditResult> results = List.of(
                SampleAudits.aircallDefaults(),
                SampleAudits.aircallConfigured(),
                SampleAudits.suppressed(),
                SampleAudits.awkward(),
                SampleAudits.empty());
        for (AuditResult result : results) {
            StreamProbe out = new StreamProbe();
            format.writer().write(result, Reports.context(Locale.ROOT, true, Severity.ERROR), out);
            assertThat(out.closed).as("%s closed the caller's stream", format).isFalse();
            assertThat(out.flushedAfterLastWrite).as("%s did not flush", format).isTrue();
            assertThat(out.size()).isPositive();
        }
    }
}
