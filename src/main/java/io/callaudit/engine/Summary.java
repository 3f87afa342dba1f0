package io.callaudit.engine;

import io.callaudit.rules.Severity;
import java.util.Map;

/**
 * The counts every report leads with, and the Lambda's response carries.
 *
 * @param skipped records that are not calls; {@code recordsRead = calls + rejected + superseded + skipped}
 * @param skippedByKind the same by the vendor's name for them ({@code user.created}), sorted
 * @param byRule findings per rule id, in precedence order, suppressed ones included
 * @param waived findings a waiver suppresses (still reported, not failing)
 * @param baselined findings already in the baseline (still reported, not failing)
 * @param recording recorded calls against the calls that should have been recorded
 */
public record Summary(
        long recordsRead,
        long calls,
        long rejected,
        long superseded,
        long skipped,
        Map<String, Long> skippedByKind,
        Map<Outcome, Long> byOutcome,
        Map<String, Long> byRule,
        Map<Severity, Long> bySeverity,
        long waived,
        long baselined,
        RecordingRate recording) {}
