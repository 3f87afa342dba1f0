package io.callaudit.engine;

import io.callaudit.model.CallRecord;
import io.callaudit.rules.Family;
import io.callaudit.rules.Finding;
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
        return findings.stream()
                .filter(f -> f.rule().family() != Family.INGEST && f.rule().family() != Family.INPUT)
                .toList();
    }

    /** The {@code ingest.*} findings; empty when the call is ingested (a private call excepted). */
    public List<Finding> ingestReasons() {
        return findings.stream().filter(f -> f.rule().family() == Family.INGEST).toList();
    }

    /** Ingested unless an ingest rule other than {@code ingest.private} fired; null without ingestion. */
    public String ingestVerdict() {
        if (!ingestionConfigured) {
            return null;
        }
        boolean skipped = ingestReasons().stream().anyMatch(f -> !f.ruleId().equals("ingest.private"));
        return skipped ? "skipped" : "ingested";
    }
}
