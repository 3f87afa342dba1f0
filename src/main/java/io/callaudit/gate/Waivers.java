package io.callaudit.gate;

import java.util.List;

/**
 * A waivers file as read: the entries that can suppress, and the ones that cannot because they are
 * malformed. Both lists are in file order.
 *
 * @param file the file as the user named it
 */
public record Waivers(String file, List<Waiver> waivers, List<MalformedWaiver> malformed) {

    public Waivers {
        waivers = List.copyOf(waivers);
        malformed = List.copyOf(malformed);
    }

    /** The key path of entry {@code index}, as findings about it name it. */
    static String entryKey(int index) {
        return "waivers[" + index + "]";
    }
}
