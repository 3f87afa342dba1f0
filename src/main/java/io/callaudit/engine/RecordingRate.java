package io.callaudit.engine;

import io.callaudit.rules.Finding;
import java.util.Set;

/**
 * The headline of the HTML report and a field of the JSON summary: of the calls the profile says should have
 * been recorded, how many were.
 *
 * <p>A call counts as expected unless it is an explained gap whose primary reason says that recording was
 * never meant to happen for it: unanswered, the second leg of a parallel call (the first one holds the
 * audio), recording off by configuration (switched off, or a CTM number without settings), the caller never
 * left the IVR, or below the provider's documented minimum length. Every other gap stays in the
 * denominator: a call longer than the provider saves, a paused recording, an unexplained gap and a lost
 * recording are all recordings the account wanted and does not have. Only the primary reason decides, as it
 * decides the outcome, so each call is counted once and for one cause. A pending call (not ended, or ended
 * less than the recording-availability delay ago) is in neither count: it is not recorded yet and not a gap
 * yet, and counting it would lower the rate of every batch read while calls are still arriving.
 *
 * @param recorded calls whose outcome is {@link Outcome#RECORDED}; every one of them is expected
 * @param expected calls the profile says should have been recorded
 */
public record RecordingRate(long recorded, long expected) {

    /** Primary reasons that put a call outside what should be recorded. */
    static final Set<String> NOT_EXPECTED = Set.of(
            "gap.unanswered",
            "gap.parallel-leg",
            "gap.recording-disabled",
            "gap.settings-unassigned",
            "gap.ivr-only",
            "gap.short-voicemail",
            "gap.short-talk");

    /** Whether {@code call} belongs in the denominator. */
    public static boolean expected(CallResult call) {
        if (call.outcome() == Outcome.PENDING) {
            return false;
        }
        if (call.outcome() != Outcome.EXPLAINED_GAP) {
            return true;
        }
        Finding primary = call.primaryReason();
        return primary == null || !NOT_EXPECTED.contains(primary.ruleId());
    }

    /** recorded ÷ expected, rounded to four decimals; null when no call should have been recorded. */
    public Double rate() {
        if (expected == 0) {
            return null;
        }
        return Math.round(recorded * 10_000.0 / expected) / 10_000.0;
    }
}
