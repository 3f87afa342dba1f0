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
    LOST("lost"),
    /**
     * No link yet, and it is too early to call that a gap: the call has not ended, or ended less than the
     * provider's recording-availability delay before the audit clock (Aircall delivers the link about 30 s
     * after hang-up). Never a failing verdict.
     */
    PENDING("pending");

    private final String wire;

    Outcome(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
