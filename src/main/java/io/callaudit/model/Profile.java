package io.callaudit.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The account's recording profile (DOMAIN.md, "Account profile"), validated and typed.
 *
 * @param file the profile's path as the user gave it, or null for the built-in defaults
 * @param asOf audit clock for retention and link expiry; null means "now", resolved by the caller
 * @param keyLines line of every key the file wrote, by dotted path ({@code recording.format},
 *     {@code numbers[0].allow_user_pause}), so findings can point at them
 */
public record Profile(
        String file,
        Provider provider,
        Plan plan,
        Instant asOf,
        ZoneId timezone,
        String defaultRegion,
        boolean numbersComplete,
        RecordingSettings recording,
        List<NumberConfig> numbers,
        List<SettingsConfig> settingsConfigs,
        List<FlowConfig> flows,
        Set<String> deletedAudio,
        List<DateRange> purges,
        Instant cancelledAt,
        Ingestion ingestion,
        Map<String, Integer> keyLines) {

    public Profile {
        timezone = timezone == null ? ZoneOffset.UTC : timezone;
        recording = recording == null ? RecordingSettings.defaults() : recording;
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
        settingsConfigs = settingsConfigs == null ? List.of() : List.copyOf(settingsConfigs);
        flows = flows == null ? List.of() : List.copyOf(flows);
        deletedAudio = deletedAudio == null ? Set.of() : Set.copyOf(deletedAudio);
        purges = purges == null ? List.of() : List.copyOf(purges);
        keyLines = keyLines == null ? Map.of() : Map.copyOf(keyLines);
    }

    /** What an audit without {@code --config} assumes: the provider's documented defaults, nothing listed. */
    public static Profile defaults(Provider provider) {
        return new Profile(
                null, provider, null, null, null, null, false, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The zone the file wrote, or null when it left {@code timezone} out: then offset-less times are read in the
     * provider's documented zone, not in UTC.
     */
    public ZoneId statedTimezone() {
        return keyLines.containsKey("timezone") ? timezone : null;
    }

    /** The same profile, its offset-less times read in {@code zone}: what an audit reports it assumed. */
    public Profile withTimezone(ZoneId zone) {
        return new Profile(
                file,
                provider,
                plan,
                asOf,
                zone,
                defaultRegion,
                numbersComplete,
                recording,
                numbers,
                settingsConfigs,
                flows,
                deletedAudio,
                purges,
                cancelledAt,
                ingestion,
                keyLines);
    }

    /**
     * True when a profile was given: the built-in defaults ({@link #defaults}) have no file. Without one,
     * settings the audit cannot see may explain a gap, so it claims nothing that needs them.
     */
    public boolean applied() {
        return file != null;
    }

    /** True when the profile configures a downstream ingestion platform. */
    public boolean ingestionConfigured() {
        return ingestion != null && ingestion.enabled();
    }

    /**
     * The location of {@code key}, or of its nearest written ancestor when the key itself was left out
     * (a missing {@code recording.consent_greeting} points at {@code recording}).
     */
    public ProfileLocation locate(String key) {
        String k = key;
        while (k != null && !k.isEmpty()) {
            Integer line = keyLines.get(k);
            if (line != null) {
                return new ProfileLocation(file, line, key);
            }
            int cut = Math.max(k.lastIndexOf('.'), k.lastIndexOf('['));
            k = cut > 0 ? k.substring(0, cut) : null;
        }
        return new ProfileLocation(file, 1, key);
    }
}
