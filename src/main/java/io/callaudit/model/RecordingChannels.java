package io.callaudit.model;

/** Per-call channel request (Exotel's RecordingChannels); dual is plan-gated. */
public enum RecordingChannels implements WireEnum {
    MONO("mono"),
    DUAL("dual");

    private final String wire;

    RecordingChannels(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
