package io.callaudit.model;

import java.time.Instant;

/**
 * One provider line in the inventory (Aircall number, Exotel ExoPhone, CTM tracking number).
 *
 * @param digits as written in the profile; matching uses the normalised form
 * @param index position in {@code numbers:}, to name the key of a finding
 */
public record NumberConfig(
        String id,
        String digits,
        Boolean recordInbound,
        Boolean recordOutbound,
        Instant recordingEnabledAt,
        Boolean allowUserPause,
        Instant deletedAt,
        Instant recoveredAt,
        String settings,
        int index) {

    /** Aircall records both directions unless a switch is off. */
    public boolean records(Direction direction) {
        Boolean flag = direction == Direction.OUTBOUND ? recordOutbound : recordInbound;
        return flag == null || flag;
    }

    /** The profile's switch for {@code direction} as written: null when the profile does not say. */
    public Boolean recordFlag(Direction direction) {
        return direction == Direction.OUTBOUND ? recordOutbound : recordInbound;
    }

    public boolean pauseAllowed() {
        return allowUserPause != null && allowUserPause;
    }

    /** The profile key of this entry, e.g. {@code numbers[2]}. */
    public String key() {
        return "numbers[" + index + "]";
    }
}
