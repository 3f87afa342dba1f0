package io.callaudit.report;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.CallResult;
import io.callaudit.engine.Outcome;
import io.callaudit.model.Rejection;
import io.callaudit.rules.Finding;
import io.callaudit.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the reports written for people (text, markdown) single out, decided once so that a terminal and a
 * pull-request comment never disagree about which calls need a look. Machine formats list everything and
 * do not use this.
 */
record Attention(AuditResult result) {

    private static final String REJECTED_RECORD = "input.rejected-record";

    /**
     * Calls without a recording, or with a warning or worse (a recording whose link expired, a call the
     * platform skipped), in input order. A call whose warning is waived still needs attention: the waiver is
     * shown next to it, never instead of it.
     */
    Listing calls(int max) {
        List<CallResult> shown = new ArrayList<>();
        long total = 0;
        for (CallResult c : result.calls()) {
            if (needsAttention(c)) {
                if (total++ < max) {
                    shown.add(c);
                }
            }
        }
        return new Listing(shown, total);
    }

    /**
     * The first calls that need attention and how many there are in all: a report for people shows a page of
     * them, and holding a million of them to show fifty would undo the streaming audit.
     */
    record Listing(List<CallResult> shown, long total) {

        long more() {
            return total - shown.size();
        }
    }

    private static boolean needsAttention(CallResult c) {
        if (c.outcome() != Outcome.RECORDED) {
            return true;
        }
        for (Finding f : c.findings()) {
            if (f.severity().atLeast(Severity.WARNING)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The {@code input.rejected-record} finding raised for {@code rejection}, matched by position, or null:
     * the rejected section prints the record, the finding carries its suppression.
     */
    Finding rejectionFinding(Rejection rejection) {
        for (Finding f : result.inputFindings()) {
            if (isRejection(f) && Objects.equals(f.source(), rejection.source())) {
                return f;
            }
        }
        return null;
    }

    /**
     * Input findings that neither a call nor a rejected record shows: today the waiver file's own findings
     * (expired, malformed). Taking whatever is left, rather than the {@code waiver.*} family by name, keeps a
     * future pipeline rule from falling out of the human reports.
     */
    List<Finding> reviewFindings() {
        List<Finding> out = new ArrayList<>();
        for (Finding f : result.inputFindings()) {
            if (!isRejection(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean isRejection(Finding f) {
        return f.ruleId().equals(REJECTED_RECORD) && f.callId() == null && f.location() == null;
    }
}
