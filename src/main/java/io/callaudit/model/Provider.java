package io.callaudit.model;

/** The telephony provider whose documented behaviour (minimums, switches, losses) applies. */
public enum Provider implements WireEnum {
    AIRCALL("aircall"),
    EXOTEL("exotel"),
    CTM("ctm");

    private final String wire;

    Provider(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
