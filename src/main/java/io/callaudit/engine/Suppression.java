package io.callaudit.engine;

import java.time.LocalDate;

/**
 * Why a finding no longer fails the run. A suppressed finding is still reported, marked, so a waiver can
 * never hide a problem from the people reading the report.
 *
 * @param reason the waiver's reason, or the baseline file for a baselined finding
 * @param owner who signed the waiver; null for a baseline
 * @param expires the waiver's expiry; null for a baseline
 */
public record Suppression(Kind kind, String reason, String owner, LocalDate expires) {

    /** Where the suppression comes from. */
    public enum Kind {
        /** A reviewed waiver: rule, target, reason, owner, expiry. */
        WAIVED("waived"),
        /** Present in the previous report given as baseline: not new, so not failing. */
        BASELINED("baselined");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public static Suppression baselined(String baselineFile) {
        return new Suppression(Kind.BASELINED, baselineFile, null, null);
    }
}
