package io.callaudit.model;

/**
 * An input record that could not be read as a call. It is reported, counted and never silently
 * dropped: {@code records_read = calls_audited + rejected + superseded}.
 *
 * @param field the offending field, or null when the record as a whole is unreadable
 */
public record Rejection(SourceRef source, String field, String reason) {

    /** One line a person can act on: where, which field, what is wrong. */
    public String describe() {
        return source + (field == null ? "" : " field '" + field + "'") + ": " + reason;
    }
}
