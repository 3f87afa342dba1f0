package io.callaudit.engine;

import io.callaudit.model.CallRecord;
import io.callaudit.model.NumberConfig;
import io.callaudit.model.Profile;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Finds a call's line in the inventory by id, or by digits once both sides are normalised (exports write
 * "+33 1 23 45 67 89", "0123456789" and "+33123456789" for the same line).
 */
final class NumberIndex {

    private final Map<String, NumberConfig> byId = new HashMap<>();
    private final Map<String, NumberConfig> byDigits = new HashMap<>();
    private final UnaryOperator<String> normaliser;
    private final Map<String, String> seen = new HashMap<>();
    private static final int MAX_REMEMBERED = 10_000;

    NumberIndex(Profile profile, UnaryOperator<String> normaliser) {
        this.normaliser = normaliser;
        for (NumberConfig n : profile.numbers()) {
            if (n.id() != null) {
                byId.put(n.id(), n);
            }
            String key = n.digits() == null ? null : normaliser.apply(n.digits());
            if (key != null) {
                byDigits.put(key, n);
            }
        }
    }

    /** The inventory entry for the call, or null. */
    NumberConfig find(CallRecord call) {
        if (call.numberId() != null) {
            NumberConfig n = byId.get(call.numberId());
            if (n != null) {
                return n;
            }
        }
        if (call.numberDigits() != null) {
            String key = normalised(call.numberDigits());
            return key == null ? null : byDigits.get(key);
        }
        return null;
    }

    /**
     * A batch names the same few lines millions of times, and parsing a phone number is the costliest step of
     * a lookup: remember the answers, up to a bound, since a batch of distinct junk must not grow the heap.
     */
    private String normalised(String digits) {
        String known = seen.get(digits);
        if (known != null || seen.containsKey(digits)) {
            return known;
        }
        String key = normaliser.apply(digits);
        if (seen.size() < MAX_REMEMBERED) {
            seen.put(digits, key);
        }
        return key;
    }

    /** True when the call names a line at all; a call without one cannot be missing from the inventory. */
    static boolean namesALine(CallRecord call) {
        return call.numberId() != null || call.numberDigits() != null;
    }
}
