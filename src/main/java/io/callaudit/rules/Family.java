package io.callaudit.rules;

import io.callaudit.model.WireEnum;

/** Rule families; the id prefix of every rule names its family. */
public enum Family implements WireEnum {
    GAP("gap"),
    LINK("link"),
    PLAN("plan"),
    CONFIG("config"),
    INGEST("ingest"),
    INPUT("input"),
    WAIVER("waiver");

    private final String wire;

    Family(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
