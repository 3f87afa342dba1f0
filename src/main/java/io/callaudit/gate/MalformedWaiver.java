package io.callaudit.gate;

import io.callaudit.model.ProfileLocation;

/**
 * An entry of the waivers file that cannot be trusted to say what it waives. It suppresses nothing and is
 * reported as {@code waiver.malformed}, rather than failing the whole file, so one typo in a reviewed list
 * neither stops the audit nor silently widens or drops an exception.
 *
 * @param line the 1-based line where the entry starts
 * @param index the entry's position in the {@code waivers} list, from 0
 * @param problem every problem found in the entry, separated by {@code "; "}
 */
public record MalformedWaiver(String file, int line, int index, String problem) {

    /** Where the entry is written, in the shape located findings use. */
    public ProfileLocation location() {
        return new ProfileLocation(file, line, Waivers.entryKey(index));
    }
}
