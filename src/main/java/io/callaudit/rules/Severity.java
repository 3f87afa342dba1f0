package io.callaudit.rules;

import io.callaudit.model.WireEnum;

/** How much a finding matters; {@code --fail-on} compares against it. Declared from most to least severe. */
public enum Severity implements WireEnum {
    ERROR("error"),
    WARNING("warning"),
    INFO("info");

    private final String wire;

    Severity(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** True when this severity is {@code threshold} or worse. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
