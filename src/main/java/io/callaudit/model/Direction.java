package io.callaudit.model;

/** Which side placed the call; recording switches are per direction on Aircall numbers. */
public enum Direction implements WireEnum {
    INBOUND("inbound"),
    OUTBOUND("outbound");

    private final String wire;

    Direction(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
