package io.callaudit.model;

/** What a selective-retention entry matches on. */
public enum RetentionCriteria implements WireEnum {
    FLOW("flow"),
    OUTCOME("outcome");

    private final String wire;

    RetentionCriteria(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
