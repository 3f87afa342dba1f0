package io.callaudit.ingest;

/**
 * One field of one record is unusable. Checked on purpose: a mapper must either handle it or let the reader
 * turn it into a rejection, never let it escape and stop the batch.
 */
final class FieldException extends Exception {

    private final String field;
    private final String value;

    FieldException(String field, String reason) {
        this(field, reason, null);
    }

    /**
     * @param reason what is wrong, quoting nothing from the record
     * @param value the offending value as the input spells it, kept apart so {@code --redact} can mask it
     */
    FieldException(String field, String reason, String value) {
        // No stack trace: these are expected on every bad record and the reason says all there is to say.
        super(reason, null, false, false);
        this.field = field;
        this.value = value;
    }

    static FieldException missing(String field) {
        return new FieldException(field, "required field missing");
    }

    /** The offending field as it is spelled in the input, or null when the record as a whole is unusable. */
    String field() {
        return field;
    }

    String reason() {
        return getMessage();
    }

    /** The offending value, quoted, or null when the reason needs none. */
    String value() {
        return value;
    }
}
