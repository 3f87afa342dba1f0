package io.callaudit.bench;

import java.util.Locale;

/**
 * The formats the generator writes, with the provider facts (DOMAIN.md, "Provider facts") that decide how a
 * kind of call looks in each: what is too short, whether there is a maximum, whether a parallel leg goes
 * unrecorded, whether a voicemail exists as a status. Canonical input is audited with Aircall's facts.
 */
public enum CallFormat {
    AIRCALL("aircall", "aircall", 4, true, true, true),
    EXOTEL("exotel", "exotel", 1, false, false, false),
    CTM("ctm", "ctm", 0, false, false, true),
    CANONICAL("canonical", "aircall", 4, true, true, true);

    private final String wire;
    private final String provider;
    private final int shortTalkMax;
    private final boolean hasMaximum;
    private final boolean parallelLegsUnrecorded;
    private final boolean hasVoicemail;

    CallFormat(
            String wire,
            String provider,
            int shortTalkMax,
            boolean hasMaximum,
            boolean parallelLegsUnrecorded,
            boolean hasVoicemail) {
        this.wire = wire;
        this.provider = provider;
        this.shortTalkMax = shortTalkMax;
        this.hasMaximum = hasMaximum;
        this.parallelLegsUnrecorded = parallelLegsUnrecorded;
        this.hasVoicemail = hasVoicemail;
    }

    String wire() {
        return wire;
    }

    /** The profile's {@code provider}. */
    String provider() {
        return provider;
    }

    /** Longest talk, in whole seconds, that is still below the provider's minimum (Aircall 5 s, Exotel 2 s, CTM > 0). */
    int shortTalkMax() {
        return shortTalkMax;
    }

    /** Aircall saves no recording longer than four hours; the others document no maximum. */
    boolean hasMaximum() {
        return hasMaximum;
    }

    /** Only Aircall documents that the second leg of parallel calling has no recording of its own. */
    boolean parallelLegsUnrecorded() {
        return parallelLegsUnrecorded;
    }

    /** Exotel's call details have no voicemail status; its unanswered calls are plain no-answers. */
    boolean hasVoicemail() {
        return hasVoicemail;
    }

    static CallFormat parse(String name) {
        for (CallFormat f : values()) {
            if (f.wire.equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (aircall | exotel | ctm | canonical)");
    }

    /** The line's id as the provider exports it (Aircall number id, ExoPhone sid, CTM tracking number id). */
    String lineId(int line) {
        return switch (this) {
            case AIRCALL, CANONICAL -> Long.toString(1_096_100 + line);
            case EXOTEL -> String.format(Locale.ROOT, "080471122%02d", line);
            case CTM -> String.format(Locale.ROOT, "TPN1%02d", line);
        };
    }

    /** The line's digits as an inventory writes them, spaces and all. */
    String lineDigits(int line) {
        return switch (this) {
            case AIRCALL, CANONICAL ->
                switch (Fleet.lineCountry(line)) {
                    case "FR" -> String.format(Locale.ROOT, "+33 1 70 00 00 %02d", line);
                    case "GB" -> String.format(Locale.ROOT, "+44 20 7946 0%03d", line);
                    case "US" -> String.format(Locale.ROOT, "+1 415 555 01%02d", line);
                    case "DE" -> String.format(Locale.ROOT, "+49 30 9018 20%02d", line);
                    default -> String.format(Locale.ROOT, "+34 910 000 0%02d", line);
                };
            case EXOTEL -> String.format(Locale.ROOT, "080 4711 22%02d", line);
            case CTM -> String.format(Locale.ROOT, "(410) 555-01%02d", line);
        };
    }
}
