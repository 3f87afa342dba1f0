package io.callaudit.report;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.Suppression;
import io.callaudit.model.ProfileLocation;
import io.callaudit.model.SourceRef;
import io.callaudit.rules.Finding;
import io.callaudit.rules.Severity;
import java.util.Collections;
import java.util.List;

/**
 * A finding as every format prints it: its prose rendered once in the report's language (redacted when asked)
 * and its suppression looked up once. Rendering in one place is what keeps seven formats saying the same
 * words about the same finding, and deciding "failing" in one place keeps their verdicts equal.
 *
 * @param message the finding's message, arguments filled in
 * @param remediation what to do about this finding, its arguments filled in (a parallel leg names the call
 *     holding the recording, so the per-rule text alone is not enough)
 * @param suppression the waiver or baseline entry that suppresses it, or null when the finding is open
 */
record ReportedFinding(Finding finding, String message, String remediation, Suppression suppression) {

    /** Wire name of an open finding's status; suppressed ones use {@link Suppression.Kind#wire()}. */
    static final String OPEN = "open";

    /** Fills the placeholders of a rule's remediation when it is shown once for all its findings. */
    private static final List<Object> ANY = Collections.nCopies(10, "\u2026");

    /** A rule's remediation for all its findings at once: what a finding would fill in shows as an ellipsis. */
    static String ruleRemediation(String ruleId, ReportContext ctx) {
        return ctx.messages().format(ruleId + ".remediation", ANY, false);
    }

    static ReportedFinding of(Finding finding, AuditResult result, ReportContext ctx) {
        return new ReportedFinding(
                finding,
                ctx.messages().message(finding, ctx.redact()),
                ctx.messages().format(finding.ruleId() + ".remediation", finding.args(), ctx.redact()),
                result.suppression(finding));
    }

    String ruleId() {
        return finding.ruleId();
    }

    Severity severity() {
        return finding.severity();
    }

    /** {@code open}, {@code waived} or {@code baselined}: the same words in every format. */
    String status() {
        return suppression == null ? OPEN : suppression.kind().wire();
    }

    boolean open() {
        return suppression == null;
    }

    /**
     * True when this finding alone would fail the run: open and at or above {@code failOn}. Mirrors
     * {@link AuditResult#failing(Severity)}, which the exit status uses; a null threshold never fails.
     */
    boolean failing(Severity failOn) {
        return failOn != null && open() && finding.severity().atLeast(failOn);
    }

    /** The call, for call and duplicate findings; null for profile and rejection findings. */
    String callId() {
        return finding.callId();
    }

    /** The file the finding points into (input or profile), or null when it has none (built-in defaults). */
    String file() {
        return finding.file();
    }

    /** The 1-based line, 0 when unknown. */
    long line() {
        return finding.line();
    }

    /** The profile key (or waiver entry) for located findings; null for call and input findings. */
    String key() {
        ProfileLocation location = finding.location();
        return location == null ? null : location.key();
    }

    /**
     * What a person would call the finding's subject: the call id, else the profile key, else the input
     * position {@code file:line} of a rejected record. Unlike {@link Finding#entity()} (part of the baseline
     * key, so frozen), a bare line number would mean nothing to a reader.
     */
    String subject() {
        if (finding.callId() != null) {
            return finding.callId();
        }
        String key = key();
        if (key != null) {
            return key;
        }
        SourceRef source = finding.source();
        return source == null ? "-" : source.file() + ":" + source.line();
    }
}
