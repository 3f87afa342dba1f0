package io.callaudit.ingest;

import io.callaudit.model.WireEnum;

/**
 * The call-log dialects callaudit reads, named as {@code --input-format} spells them. Exotel and CTM come
 * later; each needs a record mapper and says whether it has a CSV export.
 */
public enum InputFormat implements WireEnum {
    AIRCALL("aircall"),
    CANONICAL("canonical");

    private final String wire;

    InputFormat(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** Aircall's Public API has no CSV form (its Analytics export is a report, not call objects). */
    boolean readsCsv() {
        return this == CANONICAL;
    }

    RecordMapper mapper() {
        return switch (this) {
            case AIRCALL -> new AircallMapper();
            case CANONICAL -> new CanonicalMapper();
        };
    }
}
