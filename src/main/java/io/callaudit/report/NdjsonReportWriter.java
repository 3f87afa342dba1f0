package io.callaudit.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.callaudit.engine.AuditResult;
import io.callaudit.engine.CallResult;
import io.callaudit.engine.Summary;
import io.callaudit.model.Rejection;
import io.callaudit.rules.Finding;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The {@code ndjson} report: one JSON object per line, each tagged with its {@code type}, so a log pipeline
 * (or {@code grep}, {@code jq -c}) can handle a batch of a million calls one line at a time instead of
 * parsing one document.
 *
 * <p>The summary line comes first, so a consumer that only wants the counts reads one line and stops; then
 * every call, every finding and every rejected record, in the order of the {@code json} report. Each line
 * carries the same fields, written by the same code, as the matching object of the {@code json} report, so
 * a tool can switch between the two without a second schema.
 */
public final class NdjsonReportWriter implements ReportWriter {

    @Override
    public void write(AuditResult result, ReportContext ctx, OutputStream out) throws IOException {
        JsonGenerator g = JsonReportWriter.FACTORY.createGenerator(out, JsonEncoding.UTF8);
        // One object per line: no separator between root values beyond the line break written after each.
        g.setRootValueSeparator(null);

        g.writeStartObject();
        g.writeStringField("type", "summary");
        g.writeNumberField("records_read", result.recordsRead());
        g.writeStringField("as_of", result.asOf() == null ? null : result.asOf().toString());
        JsonReportWriter.writeProfileNotice(g, result, ctx);
        Summary summary = result.summary(ctx.rules());
        JsonReportWriter.writeSummaryFields(g, summary);
        JsonReportWriter.writeStaleBaseline(g, result);
        endLine(g);
        // Each rule's prose once, before the findings that refer to it, as in the json report's "rules".
        g.writeStartObject();
        g.writeStringField("type", "rules");
        JsonReportWriter.writeRules(g, summary, ctx);
        endLine(g);

        for (CallResult call : result.calls()) {
            g.writeStartObject();
            g.writeStringField("type", "call");
            JsonReportWriter.writeCallFields(g, call, null);
            endLine(g);
        }
        for (Finding finding : result.findings()) {
            g.writeStartObject();
            g.writeStringField("type", "finding");
            JsonReportWriter.writeFindingFields(g, ReportedFinding.of(finding, result, ctx), ctx);
            endLine(g);
        }
        for (Rejection rejection : result.rejected()) {
            g.writeStartObject();
            g.writeStringField("type", "rejected");
            JsonReportWriter.writeRejectionFields(g, rejection);
            endLine(g);
        }
        g.close();
        out.flush();
    }

    /**
     * Ends the object and its line. JSON escapes every control character inside strings, so the only line
     * breaks in the output are these, and every line is a complete object.
     */
    private static void endLine(JsonGenerator g) throws IOException {
        g.writeEndObject();
        g.writeRaw('\n');
    }
}
