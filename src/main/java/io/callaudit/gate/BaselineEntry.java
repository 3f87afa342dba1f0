package io.callaudit.gate;

import io.callaudit.rules.Finding;

/**
 * The identity of a finding across runs. A call finding is its rule on a call of a provider: call ids are the
 * provider's, unique in its account, so neither the export's file name nor the path it was read from belong
 * in it (a renamed export is the same calls). A profile finding is its rule on a key of a profile file, the
 * file named {@linkplain RepoPath repository-relative} so that {@code ./profile.yaml} and {@code profile.yaml}
 * are one file; two profiles with the same key stay two findings (checkov #7647). A finding with neither
 * (a rejected record) is its rule on a line of an input file.
 *
 * <p>Nothing else goes in: message text changes with language and redaction, and lines move when a file is
 * edited above the finding, so neither can identify it.
 *
 * @param provider the provider of a call finding; empty for other findings, and for call findings of a
 *     baseline written before reports named their provider, which then match a call of any provider
 * @param entity the call id, else the profile key, else the input line (see {@link Finding#entity()})
 * @param file the profile or input file, repository-relative; empty for call findings
 */
public record BaselineEntry(String rule, String provider, String entity, String file) {

    public BaselineEntry {
        provider = provider == null ? "" : provider;
        entity = entity == null ? "" : entity;
        file = file == null ? "" : file;
    }

    /** The entry a current finding of an audit of {@code provider}'s calls has. */
    public static BaselineEntry of(Finding finding, String provider) {
        return of(finding.ruleId(), provider, finding.callId(), finding.entity(), finding.file());
    }

    /**
     * The entry of a finding as a report states it.
     *
     * @param callId the call the finding is about, or null
     * @param entity the profile key or input line when there is no call
     * @param file the file as the report names it, however it was typed
     */
    static BaselineEntry of(String rule, String provider, String callId, String entity, String file) {
        if (callId != null) {
            return new BaselineEntry(rule, provider, callId, "");
        }
        return new BaselineEntry(rule, "", entity, RepoPath.of(file));
    }

    /** The same entry without its provider: how a baseline from before reports named one keys it. */
    BaselineEntry withoutProvider() {
        return provider.isEmpty() ? this : new BaselineEntry(rule, "", entity, file);
    }

    /** Unambiguous because NUL appears in no rule id, provider, call id, profile key or path a report carries. */
    public String key() {
        return rule + "\u0000" + provider + "\u0000" + entity + "\u0000" + file;
    }

    /**
     * As the stale list prints it: {@code rule entity file} (the provider in place of the file for a call),
     * with {@code -} for an empty part.
     */
    @Override
    public String toString() {
        String where = !file.isEmpty() ? file : !provider.isEmpty() ? provider : "-";
        return rule + " " + (entity.isEmpty() ? "-" : entity) + " " + where;
    }
}
