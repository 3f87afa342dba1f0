package io.callaudit.report;

import io.callaudit.engine.AuditResult;
import io.callaudit.rules.Finding;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The {@code csv} report: one row per finding, for a spreadsheet or a SQL {@code COPY}, where the people who
 * chase missing recordings (QA, compliance) sort and filter.
 *
 * <p>RFC 4180 through commons-csv: comma, CRLF, fields quoted only when they must be, so messages with
 * commas, quotes or line breaks survive a round trip. UTF-8 without a byte-order mark, because a BOM breaks
 * {@code cut}, {@code csvkit} and database loaders while modern spreadsheets read UTF-8 without it. Values
 * are written as they are, never prefixed against formula injection: the file must round-trip exactly, and
 * every cell that can start with {@code =} comes from the provider's own export.
 *
 * <p>Columns are fixed and in English (they are field names, not prose); a call finding fills
 * {@code call_id}, {@code file} and {@code line}, a profile finding {@code file}, {@code line} and
 * {@code key}, a rejected record {@code file} and {@code line}. Unknown values are empty cells.
 */
public final class CsvReportWriter implements ReportWriter {

    /** The header, in order; also what a reader can look columns up by. */
    static final String[] HEADER = {
        "rule", "severity", "status", "call_id", "file", "line", "key", "message", "remediation"
    };

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setHeader(HEADER).setAutoFlush(false).get();

    @Override
    public void write(AuditResult result, ReportContext ctx, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        // Not closed: closing the printer would close the caller's stream.
        CSVPrinter printer = new CSVPrinter(w, FORMAT);
        for (Finding f : result.findings()) {
            ReportedFinding rf = ReportedFinding.of(f, result, ctx);
            printer.printRecord(
                    rf.ruleId(),
                    rf.severity().wire(),
                    rf.status(),
                    orEmpty(rf.callId()),
                    orEmpty(rf.file()),
                    rf.line() > 0 ? Long.toString(rf.line()) : "",
                    orEmpty(rf.key()),
                    rf.message(),
                    rf.remediation());
        }
        printer.flush();
        out.flush();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
