package io.callaudit.engine;

import io.callaudit.model.CallRecord;
import io.callaudit.rules.Family;
import io.callaudit.rules.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit of one call.
 *
 * @param findings every finding about the call, in precedence order: its reasons first, then ingestion
 *     and input findings
 * @param ingestionConfigured whether the profile has a downstream platform, i.e. whether a verdict exists
 */
public record CallResult(CallRecord call, Outcome outcome, List<Finding> findings, boolean ingestionConfigured) {

    public CallResult {
        findings = List.copyOf(findings);
    }

    public String id() {
        return call.id();
    }

    /** Call-level rule ids that fired (gaps, links, per-call plan rules), the primary reason first. */
    public List<Finding> reasons() {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (f.rule().family() != Family.INGEST && f.rule().family() != Family.INPUT) {
                out.add(f);
            }
        }
        return out;
    }

    /** The first of {@link #reasons()}, the one that decides the outcome, or null; allocates nothing. */
    public Finding primaryReason() {
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.rule().family() != Family.INGEST && f.rule().family() != Family.INPUT) {
                return f;
            }
        }
        return null;
    }

    /** The {@code ingest.*} findings; empty when the call is ingested (a private call excepted). */
    public List<Finding> ingestReasons() {
        List<Finding> out = new ArrayList<>(2);
        for (Finding f : findings) {
            if (f.rule().family() == Family.INGEST) {
                out.add(f);
            }
        }
        return out;
    }

    /** Ingested unless an ingest rule other than {@code ingest.private} fired; null without ingestion. */
    public String ingestVerdict() {
        if (!ingestionConfigured) {
            return null;
        }
        for (Finding f : findings) {
            if (f.rule().family() == Family.INGEST && !f.ruleId().equals("ingest.private")) {
                return "skipped";
            }
        }
        return "ingested";
    }
}
