package io.callaudit.model;

import java.time.Instant;

/** A half-open time range [from, to); a null {@code to} is open-ended. */
public record DateRange(Instant from, Instant to, int index) {

    public boolean contains(Instant t) {
        return !t.isBefore(from) && (to == null || t.isBefore(to));
    }
}
