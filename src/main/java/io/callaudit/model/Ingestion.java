package io.callaudit.model;

import java.util.List;

/**
 * The downstream ingestion integration (Airspeed in the seeds).
 *
 * @param connected the windows in which the integration was live; calls outside them are not backfilled
 */
public record Ingestion(boolean enabled, int minSeconds, List<IngestionUser> users, List<DateRange> connected) {

    public static final int DEFAULT_MIN_SECONDS = 60;

    public Ingestion {
        users = users == null ? List.of() : List.copyOf(users);
        connected = connected == null ? List.of() : List.copyOf(connected);
    }
}
