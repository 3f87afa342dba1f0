package io.callaudit.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.callaudit.engine.AuditResult;
import io.callaudit.engine.CallResult;
import io.callaudit.engine.Outcome;
import io.callaudit.engine.RecordingRate;
import io.callaudit.engine.Summary;
import io.callaudit.engine.Suppression;
import io.callaudit.gate.Gate;
import io.callaudit.model.ProfileLocation;
import io.callaudit.model.Rejection;
import io.callaudit.model.SourceRef;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleInfo;
import io.callaudit.rules.Severity;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The {@code json} report (DOMAIN.md, "Outputs"): one document that tools read and that a later run can use
 * as its baseline.
 *
 * <p>Written with Jackson's streaming generator, field by field, because data binding needs reflection that
 * a native image does not have, and because the key order is part of the contract: reports are diffed and
 * checked into repositories, so the same audit must always produce the same bytes.
 */
public final class JsonReportWriter implements ReportWriter {

    /**
     * Shared (with the other JSON-based formats) because a factory is thread-safe and costly to build. The
     * caller owns the stream, and a report cut short by an error must not be silently completed into valid
     * JSON, hence both features off.
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .build();

    /**
     * From this many calls on, the findings section is written on a second thread, into a temporary file,
     * while this one writes the calls: a large report is bound by JSON generation, one core would otherwise
     * sit idle, and the two sections need nothing from each other.
     */
    static final int FINDINGS_AHEAD_FROM = 50_000;

    /**
     * The report's shape (docs/report-json.md, schema docs/report.schema.json). Version 2: compact unless
     * {@code --pretty}, each rule's prose once in {@code rules}, findings with only what is theirs, call sources
     * as an index into {@code inputs}. The baseline reader still reads version 1, which had no such field.
     */
    static final int SCHEMA_VERSION = 2;

    @Override
    public void write(AuditResult result, ReportContext ctx, OutputStream out) throws IOException {
        write(result, ctx, out, result.calls().size() >= FINDINGS_AHEAD_FROM);
    }

    /** @param findingsAhead whether the findings section is written on a second thread */
    void write(AuditResult result, ReportContext ctx, OutputStream out, boolean findingsAhead) throws IOException {
        try (FindingsAhead ahead = findingsAhead ? FindingsAhead.start(result, ctx) : null) {
            writeDocument(result, ctx, out, ahead);
        }
    }

    private static void writeDocument(AuditResult result, ReportContext ctx, OutputStream out, FindingsAhead ahead)
            throws IOException {
        JsonGenerator g = generator(out, ctx);
        g.writeStartObject();
        g.writeNumberField("schema_version", SCHEMA_VERSION);
        g.writeNumberField("records_read", result.recordsRead());
        g.writeStringField("as_of", result.asOf() == null ? null : result.asOf().toString());
        if (result.timeZone() != null) {
            g.writeStringField("assumed_time_zone", result.timeZone().getId());
        }
        // Call ids are unique within one provider's account: a baseline keys call findings by both.
        g.writeStringField("provider", Gate.provider(result));
        writeProfileNotice(g, result, ctx);
        Summary summary = result.summary(ctx.rules());
        g.writeObjectFieldStart("summary");
        writeSummaryFields(g, summary);
        g.writeEndObject();
        writeRules(g, summary, ctx);
        Inputs inputs = new Inputs();
        g.writeArrayFieldStart("calls");
        for (CallResult call : result.calls()) {
            g.writeStartObject();
            writeCallFields(g, call, inputs);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("inputs");
        for (String file : inputs.files()) {
            g.writeString(file);
        }
        g.writeEndArray();
        if (ahead == null) {
            writeFindings(g, result, ctx);
        } else {
            // The section's bytes, separator included, exactly as this generator would have written them; the
            // generator's state is the same either way (the object has fields, so the next gets a comma).
            g.flush();
            ahead.copyTo(out);
        }
        g.writeArrayFieldStart("rejected");
        for (Rejection rejection : result.rejected()) {
            g.writeStartObject();
            writeRejectionFields(g, rejection, ctx.redact());
            g.writeEndObject();
        }
        g.writeEndArray();
        writeStaleBaseline(g, result);
        g.writeEndObject();
        g.writeRaw('\n');
        g.close();
        out.flush();
    }

    private static void writeFindings(JsonGenerator g, AuditResult result, ReportContext ctx) throws IOException {
        g.writeArrayFieldStart("findings");
        for (Finding finding : result.findings()) {
            g.writeStartObject();
            writeFindingFields(g, ReportedFinding.of(finding, result, ctx), ctx);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * The findings section, written on its own thread into a temporary file as the second field of an object
     * like the report's, so its bytes (from the comma before {@code "findings"} to the closing bracket) are the
     * ones the report needs. The report's writer is the only user of the context's messages meanwhile.
     */
    private static final class FindingsAhead implements AutoCloseable {
        private final Path file;
        private final CompletableFuture<long[]> written;

        private FindingsAhead(Path file, CompletableFuture<long[]> written) {
            this.file = file;
            this.written = written;
        }

        static FindingsAhead start(AuditResult result, ReportContext ctx) throws IOException {
            Path file = Files.createTempFile("callaudit-findings", ".json");
            file.toFile().deleteOnExit();
            CompletableFuture<long[]> written = new CompletableFuture<>();
            Thread thread = new Thread(
                    () -> {
                        try (CountingOutput counted = new CountingOutput(Files.newOutputStream(file))) {
                            JsonGenerator g = generator(counted, ctx);
                            g.writeStartObject();
                            g.writeNumberField("calls", 0);
                            g.flush();
                            long from = counted.count;
                            writeFindings(g, result, ctx);
                            g.flush();
                            written.complete(new long[] {from, counted.count});
                        } catch (IOException | RuntimeException | Error e) {
                            written.completeExceptionally(e);
                        }
                    },
                    "callaudit-report-findings");
            thread.setDaemon(true);
            thread.start();
            return new FindingsAhead(file, written);
        }

        void copyTo(OutputStream out) throws IOException {
            long[] range;
            try {
                range = written.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing the findings");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(range[0]);
                long left = range[1] - range[0];
                byte[] buffer = new byte[1 << 16];
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new EOFException("findings section cut short: " + file);
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
        }

        /** Waits for the thread (a report that failed half-way must not leave it writing) and removes the file. */
        @Override
        public void close() throws IOException {
            try {
                written.handle((range, failure) -> range).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // handled above: handle() never completes exceptionally
            }
            Files.deleteIfExists(file);
        }
    }

    /** Counts what goes through, to find the section's bytes in the file. */
    private static final class CountingOutput extends FilterOutputStream {
        long count;

        CountingOutput(OutputStream out) {
            super(new BufferedOutputStream(out, 1 << 16));
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** A generator for this report: indented for a person with {@code --pretty}, compact otherwise. */
    static JsonGenerator generator(OutputStream out, ReportContext ctx) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        if (ctx.pretty()) {
            g.setPrettyPrinter(prettyPrinter());
        }
        return g;
    }

    /**
     * Two-space indent, {@code "key": value}, {@code []} for empty lists, and a fixed {@code \n}: the bytes
     * must not depend on the platform that wrote them.
     */
    static DefaultPrettyPrinter prettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new EncodedPrettyPrinter(separators)
                .withObjectIndenter(EncodedIndenter.INSTANCE)
                .withArrayIndenter(EncodedIndenter.INSTANCE);
    }

    /**
     * Jackson's default pretty printer, writing its separator as pre-encoded bytes. A report of a million calls is
     * a third indentation and separators, which the default printer re-encodes from characters every time.
     */
    private static final class EncodedPrettyPrinter extends DefaultPrettyPrinter {
        private static final SerializableString FIELD_VALUE_SEPARATOR = new SerializedString(": ");

        EncodedPrettyPrinter(Separators separators) {
            super(separators);
        }

        private EncodedPrettyPrinter(EncodedPrettyPrinter base) {
            super(base);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new EncodedPrettyPrinter(this);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(FIELD_VALUE_SEPARATOR);
        }
    }

    /** {@code \n} and two spaces per level, as {@code new DefaultIndenter("  ", "\n")}, pre-encoded. */
    private enum EncodedIndenter implements DefaultPrettyPrinter.Indenter {
        INSTANCE;

        private static final SerializableString[] LEVELS = new SerializableString[16];

        static {
            for (int i = 0; i < LEVELS.length; i++) {
                LEVELS[i] = new SerializedString("\n" + "  ".repeat(i));
            }
        }

        @Override
        public void writeIndentation(JsonGenerator g, int level) throws IOException {
            if (level < LEVELS.length) {
                g.writeRaw(LEVELS[level]);
            } else {
                g.writeRaw("\n" + "  ".repeat(level));
            }
        }

        @Override
        public boolean isInline() {
            return false;
        }
    }

    /**
     * The summary's fields, without the enclosing object, so the NDJSON summary line carries exactly the
     * same counts. {@code waived} and {@code baselined} are counted inside {@code by_rule} and
     * {@code by_severity} too: suppressed findings are reported, only the verdict leaves them out.
     */
    static void writeSummaryFields(JsonGenerator g, Summary summary) throws IOException {
        g.writeNumberField("calls", summary.calls());
        g.writeNumberField("rejected", summary.rejected());
        g.writeNumberField("superseded", summary.superseded());
        g.writeNumberField("skipped", summary.skipped());
        g.writeObjectFieldStart("skipped_by_kind");
        for (Map.Entry<String, Long> kind : summary.skippedByKind().entrySet()) {
            g.writeNumberField(kind.getKey(), kind.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("by_outcome");
        for (Outcome outcome : Outcome.values()) {
            g.writeNumberField(outcome.wire(), count(summary.byOutcome(), outcome));
        }
        g.writeEndObject();
        writeRate(g, summary.recording());
        g.writeObjectFieldStart("by_rule");
        for (Map.Entry<String, Long> rule : summary.byRule().entrySet()) {
            g.writeNumberField(rule.getKey(), rule.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("by_severity");
        for (Severity severity : Severity.values()) {
            g.writeNumberField(severity.wire(), count(summary.bySeverity(), severity));
        }
        g.writeEndObject();
        g.writeNumberField("waived", summary.waived());
        g.writeNumberField("baselined", summary.baselined());
    }

    /** recorded ÷ calls that should have been recorded (README, "Recording rate"); null when there are none. */
    private static void writeRate(JsonGenerator g, RecordingRate recording) throws IOException {
        Double rate = recording == null ? null : recording.rate();
        if (rate == null) {
            g.writeNullField("recording_rate");
        } else {
            g.writeNumberField("recording_rate", rate);
        }
    }

    /**
     * Whether a profile was applied and, when not, the rules that therefore could not run: always present, so
     * a reader never takes a rule's silence for "ruled out".
     */
    static void writeProfileNotice(JsonGenerator g, AuditResult result, ReportContext ctx) throws IOException {
        List<String> notRun = result.rulesNotRun(ctx.rules());
        g.writeBooleanField("profile_applied", notRun.isEmpty());
        g.writeArrayFieldStart("rules_not_run");
        for (String id : notRun) {
            g.writeString(id);
        }
        g.writeEndArray();
    }

    /**
     * Baseline entries that matched no finding, always present (empty without a baseline) so a reader never
     * has to tell "no baseline" from "nothing stale": stale entries are how a baseline gets pruned.
     */
    static void writeStaleBaseline(JsonGenerator g, AuditResult result) throws IOException {
        g.writeArrayFieldStart("stale_baseline");
        for (String entry : result.staleBaseline()) {
            g.writeString(entry);
        }
        g.writeEndArray();
    }

    /** Every constant is printed, zeros included, so readers never have to treat a missing key as zero. */
    private static <K> long count(Map<K, Long> counts, K key) {
        Long n = counts.get(key);
        return n == null ? 0 : n;
    }

    /**
     * One call: {@code reasons} only when there are some (most calls are recorded, and a million empty lists
     * are 14 MB); where it was read as {@code input} (an index into the report's {@code inputs}) and
     * {@code line} when {@code inputs} is given (the {@code json} report), as a {@code source} object naming the
     * file otherwise (an NDJSON line stands alone).
     */
    static void writeCallFields(JsonGenerator g, CallResult call, Inputs inputs) throws IOException {
        g.writeStringField("id", call.id());
        g.writeStringField("outcome", call.outcome().wire());
        if (!call.reasons().isEmpty()) {
            writeRuleIds(g, "reasons", call.reasons());
        }
        String verdict = call.ingestVerdict();
        if (verdict != null) {
            g.writeObjectFieldStart("ingest");
            g.writeStringField("verdict", verdict);
            writeRuleIds(g, "reasons", call.ingestReasons());
            g.writeEndObject();
        }
        SourceRef source = call.call().source();
        if (inputs == null) {
            writeSource(g, source);
        } else if (source != null) {
            g.writeNumberField("input", inputs.index(source.file()));
            g.writeNumberField("line", source.line());
        }
    }

    /**
     * The input files in the order calls first name them. A report names one or a few files for up to millions
     * of calls; an index per call instead of the name is a third of the calls section.
     */
    static final class Inputs {
        private final List<String> files = new ArrayList<>();
        private String last;
        private int lastIndex = -1;

        int index(String file) {
            if (file.equals(last)) {
                return lastIndex;
            }
            int i = files.indexOf(file);
            if (i < 0) {
                i = files.size();
                files.add(file);
            }
            last = file;
            lastIndex = i;
            return i;
        }

        List<String> files() {
            return files;
        }
    }

    /**
     * Each rule that has findings in this report, once: its title, family, severity, remediation, the help
     * article it comes from and its entry in the rule reference. In precedence order, the order of
     * {@code summary.by_rule}. A finding's own message names what its remediation would fill in (the setting,
     * the other call), so findings carry no remediation of their own.
     */
    static void writeRules(JsonGenerator g, Summary summary, ReportContext ctx) throws IOException {
        g.writeObjectFieldStart("rules");
        for (Map.Entry<String, Long> counted : summary.byRule().entrySet()) {
            RuleInfo rule = ctx.rules().get(counted.getKey());
            if (counted.getValue() == 0 || rule == null) {
                continue;
            }
            g.writeObjectFieldStart(rule.id());
            g.writeStringField("title", ctx.messages().summary(rule.id()));
            g.writeStringField("family", rule.family().wire());
            g.writeStringField("severity", rule.severity().wire());
            g.writeStringField("remediation", ReportedFinding.ruleRemediation(rule.id(), ctx));
            g.writeStringField("article", rule.seed().title());
            g.writeStringField("seed", rule.seed().file());
            g.writeStringField("help", RuleReference.helpLink(rule.id()));
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeRuleIds(JsonGenerator g, String field, List<Finding> findings) throws IOException {
        g.writeArrayFieldStart(field);
        for (Finding f : findings) {
            g.writeString(f.ruleId());
        }
        g.writeEndArray();
    }

    /**
     * {@code status} sits next to {@code severity} because together they decide the verdict; it is written only
     * for a suppressed finding ({@code waived}, {@code baselined}): an open finding is the common case, and a
     * third of a million {@code "status":"open"} is 6 MB. The waiver (reason, owner, expiry) comes last and only
     * for waived findings, so a reviewer can see who accepted what until when without a second file.
     */
    static void writeFindingFields(JsonGenerator g, ReportedFinding finding, ReportContext ctx) throws IOException {
        g.writeStringField("rule", finding.ruleId());
        g.writeStringField("severity", finding.severity().wire());
        if (!finding.open()) {
            g.writeStringField("status", finding.status());
        }
        g.writeStringField("message", finding.message());
        ProfileLocation location = finding.finding().location();
        if (location != null) {
            g.writeObjectFieldStart("location");
            g.writeStringField("file", location.file());
            g.writeNumberField("line", location.line());
            g.writeStringField("key", location.key());
            g.writeEndObject();
        } else if (finding.callId() != null) {
            g.writeStringField("call_id", finding.callId());
        } else {
            writeSource(g, finding.finding().source());
        }
        Suppression suppression = finding.suppression();
        if (suppression != null && suppression.kind() == Suppression.Kind.WAIVED) {
            g.writeObjectFieldStart("waiver");
            g.writeStringField("reason", suppression.reason());
            g.writeStringField("owner", suppression.owner());
            g.writeStringField(
                    "expires",
                    suppression.expires() == null ? null : suppression.expires().toString());
            g.writeEndObject();
        }
    }

    /** A source is always printed, null when the record did not say, so every call has the same keys. */
    private static void writeSource(JsonGenerator g, SourceRef source) throws IOException {
        if (source == null) {
            g.writeNullField("source");
            return;
        }
        g.writeObjectFieldStart("source");
        g.writeStringField("file", source.file());
        g.writeNumberField("line", source.line());
        g.writeEndObject();
    }

    /** The reason quotes the offending value from the batch, so {@code --redact} masks it. */
    static void writeRejectionFields(JsonGenerator g, Rejection rejection, boolean redact) throws IOException {
        SourceRef source = rejection.source();
        g.writeStringField("source", source == null ? null : source.file());
        if (source == null) {
            g.writeNullField("line");
        } else {
            g.writeNumberField("line", source.line());
        }
        g.writeStringField("field", rejection.field());
        g.writeStringField("reason", rejection.reason(redact));
    }
}
