package io.callaudit.engine;

import io.callaudit.model.WireEnum;

/** What the audit concluded about one call's recording. */
public enum Outcome implements WireEnum {
    /** A recording exists and nothing says it is gone. */
    RECORDED("recorded"),
    /** No recording, and a documented reason explains why. */
    EXPLAINED_GAP("explained-gap"),
    /** No recording and no documented reason: escalate to the provider. */
    UNEXPLAINED_GAP("unexplained-gap"),
    /** The recording existed, or should have, and is permanently gone. */
    LOST("lost");

    private final String wire;

    Outcome(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
