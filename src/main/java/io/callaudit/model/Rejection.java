package io.callaudit.model;

import java.util.Objects;

/**
 * An input record that could not be read as a call. It is reported, counted and never silently
 * dropped: {@code records_read = calls_audited + rejected + superseded}.
 *
 * <p>The offending value is kept apart from the problem because it is data from the batch (an e-mail, a phone
 * number, a recording URL in the wrong field): a report under {@code --redact} prints the problem and masks
 * the value, wherever it came from.
 *
 * @param field the offending field, or null when the record as a whole is unreadable
 * @param problem what is wrong, in words that quote nothing from the record
 * @param value the offending value as the input spells it (quoted, shortened), or null when there is none
 */
public record Rejection(SourceRef source, String field, String problem, String value) {

    /** What a value prints as under {@code --redact}. */
    public static final String MASK = "•••";

    /** A rejection that quotes no value. */
    public Rejection(SourceRef source, String field, String problem) {
        this(source, field, problem, null);
    }

    /** The problem and, when there is one, the value, as a report without {@code --redact} prints them. */
    public String reason() {
        return reason(false);
    }

    /** The problem and the value, masked when {@code redact}. */
    public String reason(boolean redact) {
        return value == null ? problem : problem + ": " + (redact ? MASK : value);
    }

    /** One line a person can act on: where, which field, what is wrong. */
    public String describe() {
        return describe(false);
    }

    /** {@link #describe()}, the value masked when {@code redact}. */
    public String describe(boolean redact) {
        return source + (field == null ? "" : " field '" + field + "'") + ": " + reason(redact);
    }

    /** Two rejections are the same when they say the same thing of the same place, however it was split. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Rejection r
                && Objects.equals(source, r.source)
                && Objects.equals(field, r.field)
                && reason().equals(r.reason());
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, field, reason());
    }
}
