/**
 * The CI gate: what turns an audit into a pass or a fail once people have reviewed it.
 *
 * <p>Two kinds of suppression live here, both kept outside the audited data so a developer cannot
 * self-waive by editing a call log or a profile: a reviewed waivers file (rule, one target, reason, owner,
 * expiry) and a baseline, a previous JSON report whose findings are not new and so do not fail. Suppressed
 * findings stay in the result, marked, and every problem with the suppressions themselves (an expired or
 * malformed waiver, a baseline entry that no longer matches) is reported rather than silently ignored.
 */
package io.callaudit.gate;
