package io.callaudit.model;

import java.util.List;

/**
 * Account-level recording settings. Null components were not written in the profile; the accessors with
 * defaults say what the provider does when nothing is set.
 *
 * @param availabilityDelaySeconds how long after hang-up a missing link is still "pending" rather than a gap;
 *     null for the provider's documented delay
 */
public record RecordingSettings(
        Boolean enabled,
        RecordingMode mode,
        AudioFormat format,
        Integer retentionDays,
        StartPoint startPoint,
        Storage storage,
        List<SelectiveRetention> selectiveRetention,
        Integer urlTtlHours,
        Boolean consentGreeting,
        Integer availabilityDelaySeconds) {

    public RecordingSettings {
        selectiveRetention = selectiveRetention == null ? List.of() : List.copyOf(selectiveRetention);
    }

    /** Settings that leave the availability delay to the provider. */
    public RecordingSettings(
            Boolean enabled,
            RecordingMode mode,
            AudioFormat format,
            Integer retentionDays,
            StartPoint startPoint,
            Storage storage,
            List<SelectiveRetention> selectiveRetention,
            Integer urlTtlHours,
            Boolean consentGreeting) {
        this(
                enabled,
                mode,
                format,
                retentionDays,
                startPoint,
                storage,
                selectiveRetention,
                urlTtlHours,
                consentGreeting,
                null);
    }

    /** Nothing written: every provider records by default once the feature is on. */
    public static RecordingSettings defaults() {
        return new RecordingSettings(null, null, null, null, null, null, List.of(), null, null, null);
    }

    public boolean enabledOrDefault() {
        return enabled == null || enabled;
    }

    public RecordingMode modeOrDefault() {
        return mode == null ? RecordingMode.SINGLE : mode;
    }

    public AudioFormat formatOrDefault() {
        return format == null ? AudioFormat.MP3 : format;
    }

    public StartPoint startPointOrDefault() {
        return startPoint == null ? StartPoint.ON_ANSWER : startPoint;
    }

    public Storage storageOrDefault() {
        return storage == null ? Storage.PROVIDER : storage;
    }
}
