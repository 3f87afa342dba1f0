package io.callaudit.model;

/** Account or flow recording mode; dual-channel is plan-gated and WAV-only. */
public enum RecordingMode implements WireEnum {
    SINGLE("single"),
    DUAL("dual");

    private final String wire;

    RecordingMode(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
