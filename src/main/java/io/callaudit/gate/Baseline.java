package io.callaudit.gate;

import io.callaudit.rules.Finding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The findings of a previous report, by {@link BaselineEntry#key()}: what is already known and so does not
 * fail the run again. Each key is held once; a previous report with the same key twice needs it once.
 *
 * @param file the baseline file as the user named it, which baselined findings cite
 * @param entries by key, in the order the previous report listed them
 */
public record Baseline(String file, Map<String, BaselineEntry> entries) {

    public Baseline {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** True when {@code finding}, of an audit of {@code provider}'s calls, was already in the previous report. */
    public boolean contains(Finding finding, String provider) {
        BaselineEntry entry = BaselineEntry.of(finding, provider);
        return entries.containsKey(entry.key())
                || entries.containsKey(entry.withoutProvider().key());
    }
}
