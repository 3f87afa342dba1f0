package io.callaudit.gate;

import io.callaudit.rules.Finding;

/**
 * The identity of a finding across runs: rule + entity + file. The file is part of it because the same rule on
 * the same entity id in two files is two findings; keying on rule and entity alone (checkov #7647) lets a
 * finding in a new file hide behind an old one elsewhere.
 *
 * <p>Nothing else goes in: message text changes with language and redaction, and lines move when a file is
 * edited above the finding, so neither can identify it.
 *
 * @param entity the call id, else the profile key, else the input line (see {@link Finding#entity()})
 * @param file the input file or profile as named in the run, empty when unknown
 */
public record BaselineEntry(String rule, String entity, String file) {

    public BaselineEntry {
        entity = entity == null ? "" : entity;
        file = file == null ? "" : file;
    }

    /**
     * The entry a current finding would have in a report. A call is its id wherever its record was read (one id
     * is one call across files), so a call finding's entry has no file: renaming or moving the export, or typing
     * its path differently, must not make every finding new.
     */
    public static BaselineEntry of(Finding finding) {
        return new BaselineEntry(finding.ruleId(), finding.entity(), finding.callId() != null ? null : finding.file());
    }

    /** Unambiguous because NUL appears in no rule id, call id, profile key or path a report carries. */
    public String key() {
        return rule + "\u0000" + entity + "\u0000" + file;
    }

    /** As the stale list prints it: {@code rule entity file}, with {@code -} for an empty part. */
    @Override
    public String toString() {
        return rule + " " + (entity.isEmpty() ? "-" : entity) + " " + (file.isEmpty() ? "-" : file);
    }
}
