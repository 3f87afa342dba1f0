package io.callaudit.engine;

import io.callaudit.rules.Finding;
import io.callaudit.rules.Severity;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts over the calls, kept as they are audited: a report's summary and the exit decision then need no
 * second pass over results that may live on disk.
 */
public final class Tally {

    private final long[] byOutcome = new long[Outcome.values().length];
    private final long[] bySeverity = new long[Severity.values().length];
    private final Map<String, Long> byRule = new HashMap<>();

    void add(CallResult result) {
        byOutcome[result.outcome().ordinal()]++;
        for (Finding f : result.findings()) {
            bySeverity[f.severity().ordinal()]++;
            byRule.merge(f.ruleId(), 1L, Long::sum);
        }
    }

    long outcome(Outcome o) {
        return byOutcome[o.ordinal()];
    }

    long severity(Severity s) {
        return bySeverity[s.ordinal()];
    }

    /** Call findings at or above {@code threshold}, suppressed ones included. */
    long atLeast(Severity threshold) {
        long n = 0;
        for (Severity s : Severity.values()) {
            if (s.atLeast(threshold)) {
                n += bySeverity[s.ordinal()];
            }
        }
        return n;
    }

    Map<String, Long> byRule() {
        return byRule;
    }
}
