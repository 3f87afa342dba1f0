package io.callaudit.model;

/** How a call ended, as far as recording is concerned: only answered calls and voicemails can hold audio. */
public enum CallStatus implements WireEnum {
    ANSWERED("answered"),
    MISSED("missed"),
    VOICEMAIL("voicemail"),
    BUSY("busy"),
    FAILED("failed"),
    NO_ANSWER("no_answer"),
    ABANDONED("abandoned");

    private final String wire;

    CallStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
