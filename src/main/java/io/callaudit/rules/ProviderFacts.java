package io.callaudit.rules;

import io.callaudit.model.Provider;

/**
 * The documented recording thresholds of each provider (DOMAIN.md, "Provider facts"). Boundaries are
 * exactly as the seeds word them: Aircall records "at least 5 seconds" and does not save recordings
 * "longer than 4 hours"; Exotel's empty recordings are "&lt; 2 seconds"; CTM needs talk time above zero.
 */
public enum ProviderFacts {
    AIRCALL(5, 14_400, 30),
    EXOTEL(2, Double.POSITIVE_INFINITY, 0),
    CTM(0, Double.POSITIVE_INFINITY, 0);

    private final double minimumSeconds;
    private final double maximumSeconds;
    private final int recordingDelaySeconds;

    ProviderFacts(double minimumSeconds, double maximumSeconds, int recordingDelaySeconds) {
        this.minimumSeconds = minimumSeconds;
        this.maximumSeconds = maximumSeconds;
        this.recordingDelaySeconds = recordingDelaySeconds;
    }

    /**
     * How long after hang-up the recording link appears: Aircall's {@code call.ended}, which carries it, fires
     * about 30 s after {@code call.hungup} (developer.aircall.io, webhooks overview). Exotel says it per call
     * ({@code RecordingAvailableBy}); CTM documents no delay.
     */
    public int recordingDelaySeconds() {
        return recordingDelaySeconds;
    }

    public static ProviderFacts of(Provider provider) {
        return switch (provider) {
            case AIRCALL -> AIRCALL;
            case EXOTEL -> EXOTEL;
            case CTM -> CTM;
        };
    }

    /** The minimum as users read it in messages ("5 s", or "more than 0 s" for CTM). */
    public double minimumSeconds() {
        return minimumSeconds;
    }

    public double maximumSeconds() {
        return maximumSeconds;
    }

    /** The minimum as a message argument: "at least 5 s", or "more than 0 s" for CTM. */
    public Localized minimumText() {
        return this == CTM
                ? Localized.of("hint.min-more-than", Messages.seconds(minimumSeconds))
                : Localized.of("hint.min-at-least", Messages.seconds(minimumSeconds));
    }

    /** True when {@code talkSeconds} of active communication is too little to produce a recording. */
    public boolean tooShort(double talkSeconds) {
        return this == CTM ? talkSeconds <= 0 : talkSeconds < minimumSeconds;
    }

    /** True when a recording of {@code talkSeconds} is longer than the provider saves. */
    public boolean tooLong(double talkSeconds) {
        return talkSeconds > maximumSeconds;
    }
}
