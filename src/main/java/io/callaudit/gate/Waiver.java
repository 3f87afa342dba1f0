package io.callaudit.gate;

import io.callaudit.model.ProfileLocation;
import io.callaudit.rules.Finding;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One well-formed entry of the waivers file: every field a reviewer needs to decide whether the exception
 * still holds, plus where it is written so a report can send them to it.
 *
 * @param rule a rule id, or a family wildcard such as {@code ingest.*}
 * @param targetValue the call id, number id, flow id or profile key, as written
 * @param expires the last day the waiver suppresses anything
 * @param file the waivers file as the user named it
 * @param line the 1-based line where the entry starts
 * @param index the entry's position in the {@code waivers} list, from 0
 */
public record Waiver(
        String rule,
        TargetKind targetKind,
        String targetValue,
        String reason,
        String owner,
        LocalDate expires,
        String file,
        int line,
        int index) {

    public Waiver {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(targetKind, "targetKind");
        Objects.requireNonNull(targetValue, "targetValue");
        Objects.requireNonNull(expires, "expires");
    }

    /** True when the rule and the target both match. */
    public boolean matches(Finding finding) {
        return matchesRule(finding.ruleId()) && targetKind.matches(finding, targetValue);
    }

    /** Exact id, or every rule of the family for {@code family.*}. */
    public boolean matchesRule(String ruleId) {
        if (rule.endsWith(".*")) {
            return ruleId.startsWith(rule.substring(0, rule.length() - 1));
        }
        return rule.equals(ruleId);
    }

    /**
     * True once {@code today} is past the expiry: the waiver holds through its last day, so a date written as
     * "until the end of March" means what it says.
     */
    public boolean expiredOn(LocalDate today) {
        return expires.isBefore(today);
    }

    /** The target as a reviewer would say it, e.g. {@code number 813}. */
    public String target() {
        return targetKind.wire() + " " + targetValue;
    }

    /** Where the entry is written, in the shape located findings use. */
    public ProfileLocation location() {
        return new ProfileLocation(file, line, Waivers.entryKey(index));
    }
}
