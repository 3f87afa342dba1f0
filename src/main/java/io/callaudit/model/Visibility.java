package io.callaudit.model;

/** Who may see an ingested call downstream; private calls are ingested but hidden. */
public enum Visibility implements WireEnum {
    PUBLIC("public"),
    PRIVATE("private");

    private final String wire;

    Visibility(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
