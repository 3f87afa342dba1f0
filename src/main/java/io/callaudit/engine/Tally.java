package io.callaudit.engine;

import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleInfo;
import io.callaudit.rules.Severity;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts over the calls, kept as they are audited: a report's summary and the exit decision then need no
 * second pass over results that may live on disk.
 */
public final class Tally {

    static final String PENDING_RULE = "input.pending-call";

    private final long[] byOutcome = new long[Outcome.values().length];
    private final long[] bySeverity = new long[Severity.values().length];
    private long expected;
    private final Breakdown breakdown;

    /** @param zone the profile's time zone, for the breakdown's hours and days */
    Tally(java.time.ZoneId zone) {
        this.breakdown = new Breakdown(zone);
    }
    /** Keyed by the rule itself (one instance per rule) and counted in place: this runs for every finding. */
    private final Map<RuleInfo, long[]> byRule = new IdentityHashMap<>();
    /** Info findings that say a call is pending: counted, but never a failing verdict, whatever the threshold. */
    private long pendingNotes;

    void add(CallResult result) {
        byOutcome[result.outcome().ordinal()]++;
        boolean isExpected = RecordingRate.expected(result);
        if (isExpected) {
            expected++;
        }
        breakdown.add(result, isExpected);
        if (result.outcome() == Outcome.PENDING) {
            for (Finding f : result.findings()) {
                if (f.ruleId().equals(PENDING_RULE)) {
                    pendingNotes++;
                }
            }
        }
        List<Finding> findings = result.findings();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            bySeverity[f.severity().ordinal()]++;
            byRule.computeIfAbsent(f.rule(), r -> new long[1])[0]++;
        }
    }

    long outcome(Outcome o) {
        return byOutcome[o.ordinal()];
    }

    Breakdown breakdown() {
        return breakdown;
    }

    RecordingRate recordingRate() {
        return new RecordingRate(outcome(Outcome.RECORDED), expected);
    }

    long severity(Severity s) {
        return bySeverity[s.ordinal()];
    }

    /** Call findings at or above {@code threshold} that can fail a run, suppressed ones included. */
    long atLeast(Severity threshold) {
        long n = Severity.INFO.atLeast(threshold) ? -pendingNotes : 0;
        for (Severity s : Severity.values()) {
            if (s.atLeast(threshold)) {
                n += bySeverity[s.ordinal()];
            }
        }
        return n;
    }

    Map<String, Long> byRule() {
        Map<String, Long> out = new HashMap<>();
        byRule.forEach((rule, n) -> out.merge(rule.id(), n[0], Long::sum));
        return out;
    }
}
