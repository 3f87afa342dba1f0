package io.callaudit.engine;

import io.callaudit.model.Profile;
import io.callaudit.model.Rejection;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleSet;
import io.callaudit.rules.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything an audit found, in the order reports print it: profile findings, then calls in input order,
 * then rejected records.
 */
public record AuditResult(
        Profile profile,
        Instant asOf,
        long recordsRead,
        long superseded,
        List<Finding> profileFindings,
        List<CallResult> calls,
        List<Rejection> rejected,
        List<Finding> inputFindings) {

    public AuditResult {
        profileFindings = List.copyOf(profileFindings);
        calls = List.copyOf(calls);
        rejected = List.copyOf(rejected);
        inputFindings = List.copyOf(inputFindings);
    }

    /** Every finding: profile, then per call, then rejected records. */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>(profileFindings);
        for (CallResult c : calls) {
            all.addAll(c.findings());
        }
        all.addAll(inputFindings);
        return all;
    }

    /** True when nothing at all was read: a run never passes because it found nothing to check. */
    public boolean empty() {
        return recordsRead == 0;
    }

    public Summary summary(RuleSet rules) {
        Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            byOutcome.put(o, 0L);
        }
        for (CallResult c : calls) {
            byOutcome.merge(c.outcome(), 1L, Long::sum);
        }
        Map<String, Long> counts = new TreeMap<>(Comparator.comparingInt(rules::precedence));
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0L);
        }
        for (Finding f : findings()) {
            counts.merge(f.ruleId(), 1L, Long::sum);
            bySeverity.merge(f.severity(), 1L, Long::sum);
        }
        return new Summary(recordsRead, calls.size(), rejected.size(), superseded, byOutcome,
                new LinkedHashMap<>(counts), bySeverity);
    }

    /** True when a finding at or above {@code threshold} exists; {@code null} means never fail. */
    public boolean failsAt(Severity threshold) {
        if (threshold == null) {
            return false;
        }
        for (Finding f : findings()) {
            if (f.severity().atLeast(threshold)) {
                return true;
            }
        }
        return false;
    }
}
