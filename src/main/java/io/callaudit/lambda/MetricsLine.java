package io.callaudit.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.callaudit.engine.Outcome;
import io.callaudit.engine.Summary;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One CloudWatch Embedded Metric Format line per audited batch, so dashboards and alarms (calls, gaps per
 * outcome, rejected records, duration) need neither an SDK call nor a metric filter: CloudWatch Logs turns
 * the line into metrics by itself.
 *
 * <p>It is printed on standard output on purpose, and this is the only class that may: EMF is read from the
 * function's log stream as a bare JSON object per line, which a log formatter (level, logger, MDC) would
 * wrap and break. Standard error carries the ordinary logs.
 */
final class MetricsLine {

    static final String NAMESPACE = "callaudit";
    static final String DIMENSION = "Function";

    private static final JsonFactory JSON = new JsonFactory();

    private MetricsLine() {}

    /** The metrics of one batch as named in CloudWatch, in a fixed order. */
    static Map<String, Long> metrics(Summary summary, long durationMs) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("Calls", summary.calls());
        m.put("Recorded", summary.byOutcome().getOrDefault(Outcome.RECORDED, 0L));
        m.put("ExplainedGap", summary.byOutcome().getOrDefault(Outcome.EXPLAINED_GAP, 0L));
        m.put("UnexplainedGap", summary.byOutcome().getOrDefault(Outcome.UNEXPLAINED_GAP, 0L));
        m.put("Lost", summary.byOutcome().getOrDefault(Outcome.LOST, 0L));
        m.put("Rejected", summary.rejected());
        m.put("DurationMs", durationMs);
        return m;
    }

    /**
     * The EMF document: the {@code _aws} metadata, the dimension, the metric values, and plain properties
     * (request id, object, exit code) that stay searchable in Logs Insights without becoming metrics.
     */
    static String render(Instant at, String function, Map<String, Long> metrics, Map<String, Object> properties) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("_aws");
            g.writeNumberField("Timestamp", at.toEpochMilli());
            g.writeArrayFieldStart("CloudWatchMetrics");
            g.writeStartObject();
            g.writeStringField("Namespace", NAMESPACE);
            g.writeArrayFieldStart("Dimensions");
            g.writeStartArray();
            g.writeString(DIMENSION);
            g.writeEndArray();
            g.writeEndArray();
            g.writeArrayFieldStart("Metrics");
            for (String name : metrics.keySet()) {
                g.writeStartObject();
                g.writeStringField("Name", name);
                g.writeStringField("Unit", name.endsWith("Ms") ? "Milliseconds" : "Count");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeStringField(DIMENSION, function);
            for (Map.Entry<String, Long> e : metrics.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            for (Map.Entry<String, Object> e : properties.entrySet()) {
                g.writeObjectField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Prints {@code line} as one line on standard output, where CloudWatch's EMF extraction reads it. */
    static void emit(String line) {
        PrintStream stdout = System.out;
        stdout.println(line);
        stdout.flush();
    }
}
