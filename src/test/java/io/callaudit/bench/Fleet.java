package io.callaudit.bench;

import java.util.Locale;

/**
 * The contact centre the generated calls come from: a few hundred agents, eight teams and forty lines. It is
 * fixed, not drawn from the seed, so that every batch audits against the same kind of profile and a finding's
 * share of the calls means the same thing at every size. Which lines have recording off, were deleted or let
 * agents pause is decided by index here; the profile writer and the call mix both read it from this one place.
 */
final class Fleet {

    static final int AGENTS = 400;
    static final int LINES = 40;
    static final int TEAMS = 8;

    /** The audit clock of every generated profile: 2026-11-20T00:00:00Z. */
    static final long AS_OF = 1_795_132_800L;
    /** Calls end about ten days before the audit clock, as a monthly export would. */
    static final long LAST_CALL = AS_OF - 10 * 86_400L;
    /** Deleted lines went after every call of the batch, so their recorded calls are all lost. */
    static final long DELETED_AT = AS_OF - 5 * 86_400L;

    static final long RECOVERED_AT = AS_OF - 4 * 86_400L;

    private static final String[] FIRST = {
        "Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Keiko", "Liam", "Maya",
        "Nikhil", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tess"
    };
    private static final String[] LAST = {
        "Ruiz", "Okafor", "Martin", "Patel", "Novak", "Haddad", "Kim", "Bernard", "Silva", "Weber", "Sato", "Murphy",
        "Cohen", "Rao", "Ivanova", "Garcia", "Jensen", "Rossi", "Berg", "Laurent"
    };
    private static final String[] COUNTRIES = {"FR", "GB", "US", "DE", "ES"};
    private static final String[] PURPOSES = {"Support", "Sales", "Billing", "Onboarding"};
    static final String[] TEAM_NAMES = {
        "Support FR", "Support UK", "Support US", "Sales EMEA", "Sales NA", "Billing", "Onboarding", "Escalations"
    };

    private Fleet() {}

    /** Agent {@code i}'s display name; 20 x 20 names give 400 distinct agents. */
    static String agentName(int i) {
        return FIRST[i % FIRST.length] + " " + LAST[i / FIRST.length % LAST.length];
    }

    static String agentEmail(int i) {
        return (FIRST[i % FIRST.length] + "." + LAST[i / FIRST.length % LAST.length]).toLowerCase(Locale.ROOT)
                + "@acme.example";
    }

    static String lineCountry(int line) {
        return COUNTRIES[line % COUNTRIES.length];
    }

    static String lineName(int line) {
        return PURPOSES[line / COUNTRIES.length % PURPOSES.length] + " " + lineCountry(line) + " "
                + String.format(Locale.ROOT, "%02d", line);
    }

    static int team(int line) {
        return line % TEAMS;
    }

    /** Four lines do not record outbound calls (sales lines under a legal hold, say). */
    static boolean recordsOutbound(int line) {
        return line != 3 && line != 11 && line != 19 && line != 27;
    }

    /** Two lines do not record inbound calls. */
    static boolean recordsInbound(int line) {
        return line != 7 && line != 23;
    }

    /** Three lines were deleted after the batch; one of them was recovered, which restores no recording. */
    static boolean deleted(int line) {
        return line == 5 || line == 17 || line == 33;
    }

    static boolean recovered(int line) {
        return line == 17;
    }

    /** One line had recording switched on halfway through the batch. */
    static boolean enabledLate(int line) {
        return line == 13;
    }

    /** One line lets agents pause the recording. */
    static boolean pauseAllowed(int line) {
        return line == 29;
    }
}
