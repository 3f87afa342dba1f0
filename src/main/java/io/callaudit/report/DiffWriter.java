package io.callaudit.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.callaudit.engine.ProfileDiff;
import io.callaudit.rules.Finding;
import io.callaudit.rules.Messages;
import io.callaudit.rules.Sensitive;
import io.callaudit.rules.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ResourceBundle;

/**
 * A profile change as a reviewer needs it: the findings it adds and removes, and what it does to calls.
 * Text for a terminal, JSON for tools, Markdown for the pull request.
 */
public final class DiffWriter {

    /** Diff layouts. */
    public enum Layout {
        TEXT,
        JSON,
        MARKDOWN
    }

    private final Messages messages;
    private final boolean redact;
    private final Severity failOn;
    private final ResourceBundle chrome;
    private final Chrome words;

    private static final int LISTED = 20;

    public DiffWriter(Messages messages, boolean redact, Severity failOn) {
        this.messages = messages;
        this.redact = redact;
        this.failOn = failOn;
        this.words = Chrome.of(messages.locale());
        this.chrome = ResourceBundle.getBundle(
                "io.callaudit.report.diff",
                messages.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public void write(ProfileDiff diff, Layout layout, OutputStream out) throws IOException {
        switch (layout) {
            case TEXT -> text(diff, out, false);
            case MARKDOWN -> text(diff, out, true);
            case JSON -> json(diff, out);
        }
    }

    private void text(ProfileDiff diff, OutputStream out, boolean markdown) {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
        String h = markdown ? "### " : "";
        w.println((markdown ? "## " : "")
                + String.format(
                        chrome.getString("title"),
                        diff.base().file(),
                        diff.head().file()));
        w.println();
        section(w, h + chrome.getString("added"), diff.added(), markdown);
        section(w, h + chrome.getString("removed"), diff.removed(), markdown);
        if (diff.callsCompared() > 0) {
            w.println(h + String.format(chrome.getString("impact"), diff.callsCompared()));
            w.println();
            w.println(
                    String.format(chrome.getString("totals"), diff.stop(), diff.lose(), diff.start(), diff.unIngest()));
            w.println();
            if (!diff.impact().isEmpty()) {
                impactTable(w, diff, markdown);
            }
            if (!diff.addedCallFindings().isEmpty()) {
                w.println(h + chrome.getString("call-findings"));
                w.println();
                for (ProfileDiff.CallFindingGroup g : diff.addedCallFindings()) {
                    String calls = String.format(
                            chrome.getString("calls-on"), g.callIds().size(), numbers(g), list(g.callIds()));
                    if (markdown) {
                        w.printf(
                                "- **%s** `%s`: %s%n",
                                severity(g.severity()), g.rule().id(), calls);
                    } else {
                        w.printf(
                                "  %-7s  %s  %s%n",
                                severity(g.severity()).toUpperCase(messages.locale()),
                                g.rule().id(),
                                calls);
                    }
                }
                w.println();
            }
        }
        long failing = diff.failing(failOn);
        if (failOn == null) {
            w.println(chrome.getString("verdict.report-only"));
        } else if (failing > 0) {
            w.println(String.format(
                    chrome.getString("verdict.fail"),
                    diff.stop(),
                    diff.lose(),
                    diff.unIngest(),
                    diff.failingFindings(failOn),
                    severity(failOn)));
        } else {
            w.println(String.format(chrome.getString("verdict.pass"), severity(failOn)));
        }
        w.flush();
    }

    private void impactTable(PrintWriter w, ProfileDiff diff, boolean markdown) {
        String[] cols = {
            chrome.getString("col.number"),
            chrome.getString("col.direction"),
            chrome.getString("col.flow"),
            chrome.getString("col.stop"),
            chrome.getString("col.lose"),
            chrome.getString("col.start"),
            chrome.getString("col.un-ingest")
        };
        if (markdown) {
            w.println("| " + String.join(" | ", cols) + " |");
            w.println("| --- | --- | --- | ---: | ---: | ---: | ---: |");
        } else {
            w.printf("  %-20s %-9s %-12s %8s %8s %8s %8s%n", (Object[]) cols);
        }
        for (ProfileDiff.ImpactRow r : diff.impact()) {
            String number = number(r.number(), r.digits());
            String direction = direction(r.direction());
            if (markdown) {
                w.printf(
                        "| %s | %s | %s | %d | %d | %d | %d |%n",
                        number, direction, r.flow(), r.stop(), r.lose(), r.start(), r.unIngest());
            } else {
                w.printf(
                        "  %-20s %-9s %-12s %8d %8d %8d %8d%n",
                        number, direction, r.flow(), r.stop(), r.lose(), r.start(), r.unIngest());
            }
        }
        w.println();
    }

    /** A line as the report may print it: inventory ids as they are, dialled numbers masked under redaction. */
    private String number(String number, boolean digits) {
        return digits && redact ? Sensitive.phone(number).masked() : number;
    }

    private String numbers(ProfileDiff.CallFindingGroup g) {
        return list(
                g.numbers().stream().map(n -> number(n, g.digits().contains(n))).toList());
    }

    private String direction(String wire) {
        return chrome.containsKey("direction." + wire) ? chrome.getString("direction." + wire) : wire;
    }

    private String severity(Severity s) {
        return words.severity(s);
    }

    /** Up to {@value #LISTED} values, then how many more: a pull-request comment stays readable. */
    private String list(List<String> values) {
        if (values.size() <= LISTED) {
            return String.join(", ", values);
        }
        return String.join(", ", values.subList(0, LISTED)) + " "
                + String.format(chrome.getString("more"), values.size() - LISTED);
    }

    private void section(PrintWriter w, String title, List<Finding> findings, boolean markdown) {
        w.println(title + " (" + findings.size() + ")");
        w.println();
        for (Finding f : findings) {
            String where = f.location() == null
                    ? ""
                    : f.location().file() + ":" + f.location().line() + " "
                            + f.location().key();
            if (markdown) {
                w.printf(
                        "- **%s** `%s` %s: %s%n",
                        severity(f.severity()), f.ruleId(), where, messages.message(f, redact));
            } else {
                w.printf(
                        "  %-7s  %s  %s  %s%n",
                        severity(f.severity()).toUpperCase(messages.locale()),
                        f.ruleId(),
                        where,
                        messages.message(f, redact));
            }
        }
        if (!findings.isEmpty()) {
            w.println();
        }
    }

    private void json(ProfileDiff diff, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("base", diff.base().file());
            g.writeStringField("head", diff.head().file());
            findings(g, "added", diff.added());
            findings(g, "removed", diff.removed());
            g.writeNumberField("calls_compared", diff.callsCompared());
            g.writeObjectFieldStart("impact");
            g.writeNumberField("stop_recording", diff.stop());
            g.writeNumberField("lose_recording", diff.lose());
            g.writeNumberField("start_recording", diff.start());
            g.writeNumberField("stop_ingestion", diff.unIngest());
            g.writeArrayFieldStart("by_line");
            for (ProfileDiff.ImpactRow r : diff.impact()) {
                g.writeStartObject();
                g.writeStringField("number", number(r.number(), r.digits()));
                g.writeStringField("direction", r.direction());
                g.writeStringField("flow", r.flow());
                g.writeNumberField("stop_recording", r.stop());
                g.writeNumberField("lose_recording", r.lose());
                g.writeNumberField("start_recording", r.start());
                g.writeNumberField("stop_ingestion", r.unIngest());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("added_call_findings");
            for (ProfileDiff.CallFindingGroup group : diff.addedCallFindings()) {
                g.writeStartObject();
                g.writeStringField("rule", group.rule().id());
                g.writeStringField("severity", group.severity().wire());
                g.writeArrayFieldStart("calls");
                for (String id : group.callIds()) {
                    g.writeString(id);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("numbers");
                for (String n : group.numbers()) {
                    g.writeString(number(n, group.digits().contains(n)));
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("failing", diff.failing(failOn));
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private void findings(JsonGenerator g, String name, List<Finding> findings) throws IOException {
        g.writeArrayFieldStart(name);
        for (Finding f : findings) {
            g.writeStartObject();
            g.writeStringField("rule", f.ruleId());
            g.writeStringField("severity", f.severity().wire());
            g.writeStringField("message", messages.message(f, redact));
            if (f.callId() != null) {
                g.writeStringField("call_id", f.callId());
            }
            if (f.location() != null) {
                g.writeObjectFieldStart("location");
                g.writeStringField("file", f.location().file());
                g.writeNumberField("line", f.location().line());
                g.writeStringField("key", f.location().key());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
