package io.callaudit.model;

/** Recording file format; dual-channel recordings exist only as WAV. */
public enum AudioFormat implements WireEnum {
    MP3("mp3"),
    WAV("wav");

    private final String wire;

    AudioFormat(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
