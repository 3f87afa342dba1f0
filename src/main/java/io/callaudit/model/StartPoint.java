package io.callaudit.model;

/** When Exotel starts recording; on_connect skips the IVR, so IVR-only calls have no audio. */
public enum StartPoint implements WireEnum {
    ON_ANSWER("on_answer"),
    ON_CONNECT("on_connect");

    private final String wire;

    StartPoint(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
