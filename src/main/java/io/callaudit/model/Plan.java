package io.callaudit.model;

/** Exotel plans; dual-channel, custom storage, selective retention and retention ranges depend on them. */
public enum Plan implements WireEnum {
    STARTER("starter"),
    GROWTH("growth"),
    ENTERPRISE("enterprise");

    private final String wire;

    Plan(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
