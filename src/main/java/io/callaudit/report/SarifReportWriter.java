package io.callaudit.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.callaudit.engine.AuditResult;
import io.callaudit.engine.CallResult;
import io.callaudit.engine.Suppression;
import io.callaudit.gate.BaselineEntry;
import io.callaudit.gate.Gate;
import io.callaudit.model.Rejection;
import io.callaudit.model.SourceRef;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleInfo;
import io.callaudit.rules.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code sarif} report: SARIF 2.1.0, for GitHub code scanning and every other SARIF viewer, so findings
 * show up as alerts on the profile line or the call-log record that caused them.
 *
 * <p>What GitHub needs, and what peer tools get wrong: a stable {@code ruleId} with its own rule descriptor
 * (not one generic rule for everything), levels that follow severity ({@code info} is {@code note}, never
 * everything {@code error}), a {@code startLine} of at least 1, and a physical location with a file on
 * <em>every</em> result, since one result without it makes GitHub reject the whole upload. Findings with no
 * file of their own (a profile rule judged on the built-in defaults) are anchored to the batch's first input
 * file, line 1, and keep their key as a logical location. {@code partialFingerprints} carries the same
 * rule + entity + file key as the baseline, so an alert keeps its identity when lines move. Waived and
 * baselined findings stay in the file with an accepted external suppression, so code scanning shows them as
 * suppressed rather than losing them.
 *
 * <p>Written with Jackson's streaming generator like the {@code json} report, for the same reasons (native
 * image, stable bytes).
 */
public final class SarifReportWriter implements ReportWriter {

    static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String INFORMATION_URI = "https://github.com/callaudit/callaudit";
    static final String FINGERPRINT = "callaudit/v2";
    static final String SRCROOT = "%SRCROOT%";

    @Override
    public void write(AuditResult result, ReportContext ctx, OutputStream out) throws IOException {
        Chrome chrome = Chrome.of(ctx.messages().locale());
        JsonGenerator g = JsonReportWriter.FACTORY.createGenerator(out, JsonEncoding.UTF8);
        if (ctx.pretty()) {
            g.setPrettyPrinter(JsonReportWriter.prettyPrinter());
        }
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        writeTool(g, ctx, chrome);
        writeInvocation(g, result, chrome);
        g.writeArrayFieldStart("results");
        String fallback = fallbackFile(result);
        String provider = Gate.provider(result);
        for (Finding f : result.findings()) {
            writeResult(g, ReportedFinding.of(f, result, ctx), ctx, chrome, fallback, provider);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.close();
        out.flush();
    }

    /** Every rule, fired or not, in precedence order: {@code ruleIndex} points into this list. */
    private static void writeTool(JsonGenerator g, ReportContext ctx, Chrome chrome) throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "callaudit");
        if (ctx.toolVersion() != null) {
            g.writeStringField("version", ctx.toolVersion());
        }
        g.writeStringField("informationUri", INFORMATION_URI);
        g.writeArrayFieldStart("rules");
        for (RuleInfo rule : ctx.rules().all()) {
            g.writeStartObject();
            g.writeStringField("id", rule.id());
            g.writeStringField("name", name(rule.id()));
            text(g, "shortDescription", ctx.messages().summary(rule.id()));
            text(
                    g,
                    "fullDescription",
                    sentence(ctx.messages().summary(rule.id())) + " "
                            + chrome.text(
                                    "sarif.rule.details",
                                    rule.severity().wire(),
                                    rule.family().wire()));
            text(
                    g,
                    "help",
                    ReportedFinding.ruleRemediation(rule.id(), ctx) + "\n\n"
                            + chrome.text(
                                    "sarif.source",
                                    rule.seed().file(),
                                    rule.seed().title()));
            g.writeObjectFieldStart("defaultConfiguration");
            g.writeStringField("level", level(rule.severity()));
            g.writeEndObject();
            g.writeObjectFieldStart("properties");
            g.writeArrayFieldStart("tags");
            g.writeString(rule.family().wire());
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * Whether the run could check anything, and what the tool has to say besides results: an empty batch
     * is a failed execution (a run never passes because it found nothing to check), and a stale baseline
     * entry is a warning to prune it.
     */
    private static void writeInvocation(JsonGenerator g, AuditResult result, Chrome chrome) throws IOException {
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", !result.empty());
        if (result.empty() || !result.staleBaseline().isEmpty()) {
            g.writeArrayFieldStart("toolExecutionNotifications");
            if (result.empty()) {
                notification(g, "error", chrome.text("junit.nothing-read"));
            }
            for (String entry : result.staleBaseline()) {
                notification(g, "warning", chrome.text("suppressions.stale", entry));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void notification(JsonGenerator g, String level, String message) throws IOException {
        g.writeStartObject();
        g.writeStringField("level", level);
        text(g, "message", message);
        g.writeEndObject();
    }

    private static void writeResult(
            JsonGenerator g, ReportedFinding f, ReportContext ctx, Chrome chrome, String fallback, String provider)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        int ruleIndex = ctx.rules().all().indexOf(f.finding().rule());
        if (ruleIndex >= 0) {
            g.writeNumberField("ruleIndex", ruleIndex);
        }
        g.writeStringField("level", level(f.severity()));
        text(g, "message", f.message());

        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        Artifact artifact = Artifact.of(f.file() == null ? fallback : f.file());
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", artifact.uri());
        if (artifact.uriBaseId() != null) {
            g.writeStringField("uriBaseId", artifact.uriBaseId());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", f.file() == null ? 1 : Math.max(1, f.line()));
        g.writeEndObject();
        g.writeEndObject();
        if (f.callId() != null) {
            logicalLocation(g, f.callId(), "object");
        } else if (f.key() != null) {
            logicalLocation(g, f.key(), "property");
        }
        g.writeEndObject();
        g.writeEndArray();

        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT, fingerprint(f.finding(), provider));
        g.writeEndObject();

        Suppression suppression = f.suppression();
        if (suppression != null) {
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "external");
            g.writeStringField("status", "accepted");
            g.writeStringField("justification", chrome.suppression(suppression));
            g.writeEndObject();
            g.writeEndArray();
        }

        g.writeObjectFieldStart("properties");
        g.writeStringField("severity", f.severity().wire());
        g.writeStringField("status", f.status());
        g.writeStringField("remediation", f.remediation());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void logicalLocation(JsonGenerator g, String name, String kind) throws IOException {
        g.writeArrayFieldStart("logicalLocations");
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("kind", kind);
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void text(JsonGenerator g, String field, String text) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("text", text);
        g.writeEndObject();
    }

    /** Summaries are written as titles, without a full stop; a description continues after one. */
    private static String sentence(String summary) {
        return summary.matches(".*[.!?]$") ? summary : summary + ".";
    }

    /** SARIF's three result levels, one per severity; {@code info} is a {@code note}. */
    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** {@code gap.recording-disabled} becomes {@code GapRecordingDisabled}, SARIF's readable rule name. */
    static String name(String ruleId) {
        StringBuilder b = new StringBuilder();
        for (String part : ruleId.split("[.\\-]")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }

    /**
     * The key a baseline matches on ({@link BaselineEntry}): provider, call and rule for a call finding, the
     * repository-relative profile, key and rule for a profile finding. Stable across runs whatever line the
     * finding moved to, however the path was typed and wherever the run started, so code scanning keeps an
     * alert open instead of closing it and opening a twin.
     */
    static String fingerprint(Finding f, String provider) {
        BaselineEntry e = BaselineEntry.of(f, provider);
        return e.rule() + "|" + e.provider() + "|" + e.entity() + "|" + e.file();
    }

    /** The first file the batch was read from, or stdin's {@code -}: where file-less findings are anchored. */
    private static String fallbackFile(AuditResult result) {
        for (CallResult c : result.calls()) {
            SourceRef source = c.call().source();
            if (source != null && source.file() != null) {
                return source.file();
            }
        }
        for (Rejection r : result.rejected()) {
            if (r.source() != null && r.source().file() != null) {
                return r.source().file();
            }
        }
        return result.profile().file() == null ? "-" : result.profile().file();
    }

    /**
     * A file name as SARIF wants it: a URI reference. Relative names stay relative to {@value #SRCROOT}
     * (the repository root for code scanning), absolute paths become {@code file:} URIs, names that already
     * are URIs ({@code s3://...}) pass through. Characters a URI cannot hold are percent-encoded.
     */
    record Artifact(String uri, String uriBaseId) {

        private static final Pattern URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*://.*");
        private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:/.*");

        static Artifact of(String file) {
            String path = file.replace('\\', '/');
            if (DRIVE.matcher(path).matches()) {
                return new Artifact("file:///" + path.substring(0, 2) + encode(path.substring(2)), null);
            }
            if (URI.matcher(path).matches()) {
                return new Artifact(path, null);
            }
            if (path.startsWith("/")) {
                return new Artifact("file://" + encode(path), null);
            }
            while (path.startsWith("./")) {
                path = path.substring(2);
            }
            return new Artifact(encode(path), SRCROOT);
        }

        /**
         * Percent-encodes all but RFC 3986's unreserved and sub-delimiter characters, {@code /} and
         * {@code @}. A colon is encoded too, so a relative name can never be read as a scheme.
         */
        static String encode(String path) {
            StringBuilder b = new StringBuilder();
            for (byte raw : path.getBytes(StandardCharsets.UTF_8)) {
                int c = raw & 0xff;
                if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=/@".indexOf(c) >= 0)) {
                    b.append((char) c);
                } else {
                    b.append('%').append(String.format(Locale.ROOT, "%02X", c));
                }
            }
            return b.toString();
        }
    }
}
