package io.callaudit.report;

import io.callaudit.rules.Messages;
import io.callaudit.rules.RuleSet;
import io.callaudit.rules.Severity;
import java.util.Objects;

/**
 * What a writer needs besides the result: the rules (for precedence in the summary), the language, and the
 * run's choices, so that every format written in one run says the same thing.
 *
 * @param messages rule prose and the report's language
 * @param redact mask phone numbers, emails and recording URLs (DOMAIN.md: reports print them unless asked)
 * @param failOn the {@code --fail-on} threshold the verdict is judged against; null means never fail
 * @param toolVersion the callaudit version, for the reader of an archived report; null when unknown
 * @param pretty indent JSON-based reports for a person (off by default: a report of a million calls is a third
 *     indentation when indented)
 */
public record ReportContext(
        RuleSet rules, Messages messages, boolean redact, Severity failOn, String toolVersion, boolean pretty) {

    public ReportContext {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(messages, "messages");
    }

    /** A context for compact output. */
    public ReportContext(RuleSet rules, Messages messages, boolean redact, Severity failOn, String toolVersion) {
        this(rules, messages, redact, failOn, toolVersion, false);
    }

    /** The same context, indented or compact. */
    public ReportContext withPretty(boolean indent) {
        return new ReportContext(rules, messages, redact, failOn, toolVersion, indent);
    }
}
