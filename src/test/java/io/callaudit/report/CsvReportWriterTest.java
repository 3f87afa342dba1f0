package io.callaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.engine.AuditResult;
import io.callaudit.rules.Finding;
import io.callaudit.rules.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvReportWriterTest {

    private static final List<String> HEADER =
            List.of("rule", "severity", "status", "call_id", "file", "line", "key", "message", "remediation");
    private final CsvReportWriter writer = new CsvReportWriter();

    static Stream<Arguments> samples() {
        return SampleAudits.named("aircall-defaults", "aircall-configured", "suppressed", "awkward", "empty");
    }

    /** Parsed back strictly (RFC 4180, header required): one row per finding, every value where it belongs. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void readsBackAsOneRowPerFinding(String name, Supplier<AuditResult> sample) throws IOException {
        AuditResult result = sample.get();
        ReportContext ctx = Reports.english();
        List<CSVRecord> rows;
        List<String> header;
        try (CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(Reports.render(writer, result, ctx)))) {
            header = parser.getHeaderNames();
            rows = parser.getRecords();
        }
        assertThat(header).containsExactlyElementsOf(HEADER);
        List<Finding> findings = result.findings();
        assertThat(rows).hasSize(findings.size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            ReportedFinding f = ReportedFinding.of(findings.get(i), result, ctx);
            assertThat(row.size()).isEqualTo(HEADER.size());
            assertThat(row.get("rule")).isEqualTo(f.ruleId());
            assertThat(row.get("severity")).isEqualTo(f.severity().wire());
            assertThat(row.get("status")).isEqualTo(f.status());
            assertThat(row.get("call_id")).isEqualTo(f.callId() == null ? "" : f.callId());
            assertThat(row.get("file")).isEqualTo(f.file() == null ? "" : f.file());
            assertThat(row.get("line")).isEqualTo(f.line() > 0 ? Long.toString(f.line()) : "");
            assertThat(row.get("key")).isEqualTo(f.key() == null ? "" : f.key());
            assertThat(row.get("message")).isEqualTo(f.message()).isNotBlank();
            assertThat(row.get("remediation")).isEqualTo(f.remediation()).isNotBlank();
            assertThat(row.get("call_id").isEmpty() && row.get("file").isEmpty())
                    .as("every row says what it is about")
                    .isFalse();
        }
    }

    @Test
    void quotesCommasAndLineBreaksSurviveTheRoundTrip() throws IOException {
        AuditResult result = SampleAudits.awkward();
        String out = Reports.render(writer, result, Reports.english());
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(out))) {
            rows = parser.getRecords();
        }
        assertThat(rows).anyMatch(r -> r.get("call_id").equals("x|1 <b>&\"q\""));
        assertThat(rows)
                .anyMatch(r -> r.get("rule").equals("input.rejected-record")
                        && r.get("message").contains("bad \"value\", see | pipe\nsecond line")
                        && r.get("call_id").isEmpty()
                        && r.get("line").equals("3"));
        assertThat(out).contains("\"x|1 <b>&\"\"q\"\"\"");
    }

    @Test
    void utf8WithoutByteOrderMarkAndCrlfRecords() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(SampleAudits.suppressed(), Reports.english(), out);
        byte[] bytes = out.toByteArray();
        assertThat(bytes[0]).as("no BOM: the file starts with the header").isEqualTo((byte) 'r');
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith(String.join(",", HEADER) + "\r\n").endsWith("\r\n");
        String redacted = Reports.render(
                writer, SampleAudits.aircallConfigured(), Reports.context(Locale.ROOT, true, Severity.ERROR));
        assertThat(redacted).contains("\u2022").doesNotContain("Ana@Acme.example");
    }

    @Test
    void emptyAuditIsTheHeaderAlone() {
        assertThat(Reports.render(writer, SampleAudits.empty(), Reports.english()))
                .isEqualTo(String.join(",", HEADER) + "\r\n");
    }

    @Test
    void flushesAndLeavesTheStreamOpen() throws IOException {
        StreamProbe out = new StreamProbe();
        writer.write(SampleAudits.aircallConfigured(), Reports.english(), out);
        assertThat(out.closed).isFalse();
        assertThat(out.flushedAfterLastWrite).isTrue();
    }
}
