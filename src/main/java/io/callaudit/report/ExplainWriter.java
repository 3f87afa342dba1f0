package io.callaudit.report;

import io.callaudit.engine.CallResult;
import io.callaudit.engine.Explanation;
import io.callaudit.rules.Fact;
import io.callaudit.rules.Finding;
import io.callaudit.rules.Messages;
import io.callaudit.rules.Step;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The seeds' checklist for one call, as a support engineer walks it: each step passed or failed, with the
 * data that decided it, then the outcome and what to do.
 */
public final class ExplainWriter {

    private final Messages messages;
    private final boolean redact;
    private final ResourceBundle chrome;
    private final Chrome words;

    public ExplainWriter(Messages messages, boolean redact) {
        this.messages = messages;
        this.redact = redact;
        this.words = Chrome.of(messages.locale());
        this.chrome = ResourceBundle.getBundle(
                "io.callaudit.report.explain",
                messages.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public void write(Explanation explanation, OutputStream out) {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
        CallResult result = explanation.result();
        w.printf(
                "%s %s  (%s)%n",
                chrome.getString("call"), result.id(), result.call().source());
        w.println();
        int n = 0;
        for (Step step : explanation.steps()) {
            n++;
            String mark = step.fired() ? chrome.getString("applies") : chrome.getString("ruled-out");
            w.printf(
                    Locale.ROOT,
                    "%2d. [%s] %s: %s%n",
                    n,
                    mark,
                    step.rule().id(),
                    messages.summary(step.rule().id()));
            if (!step.facts().isEmpty()) {
                w.printf("        %s %s%n", chrome.getString("data"), facts(step.facts()));
            }
            for (Finding f : step.findings()) {
                w.printf("        -> %s%n", messages.message(f, redact));
            }
        }
        w.println();
        w.printf("%s %s%n", chrome.getString("outcome"), words.outcome(result.outcome()));
        List<Finding> reasons = result.reasons();
        if (!reasons.isEmpty()) {
            w.printf("%s %s%n", chrome.getString("primary"), reasons.get(0).ruleId());
        }
        if (result.ingestVerdict() != null) {
            w.printf("%s %s%n", chrome.getString("ingest"), words.ingestVerdict(result.ingestVerdict()));
        }
        for (Finding f : result.findings()) {
            w.printf(
                    "%s %s: %s%n",
                    chrome.getString("todo"),
                    f.ruleId(),
                    messages.format(f.ruleId() + ".remediation", f.args(), redact));
        }
        w.flush();
    }

    private String facts(List<Fact> facts) {
        StringBuilder sb = new StringBuilder();
        for (Fact f : facts) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(f.name()).append('=').append(value(f.value()));
        }
        return sb.toString();
    }

    private String value(Object v) {
        return v == null ? "-" : messages.render(v, redact);
    }
}
