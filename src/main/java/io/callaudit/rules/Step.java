package io.callaudit.rules;

import java.util.List;

/**
 * One item of the seeds' checklist applied to one call: the rule, whether it fired, what it found, and
 * the data that decided it.
 */
public record Step(RuleInfo rule, List<Finding> findings, List<Fact> facts) {

    public Step {
        findings = List.copyOf(findings);
        facts = List.copyOf(facts);
    }

    /** A step "fails" when its rule fired: the call did not pass this check. */
    public boolean fired() {
        return !findings.isEmpty();
    }
}
