package io.callaudit.model;

/** A downstream-platform user; only an exact email match with a Recording seat has calls imported. */
public record IngestionUser(String email, String seat) {

    public boolean recordingSeat() {
        return "recording".equalsIgnoreCase(seat);
    }
}
