package io.callaudit.ingest;

/**
 * One field of one record is unusable. Checked on purpose: a mapper must either handle it or let the reader
 * turn it into a rejection, never let it escape and stop the batch.
 */
final class FieldException extends Exception {

    private final String field;

    FieldException(String field, String reason) {
        // No stack trace: these are expected on every bad record and the reason says all there is to say.
        super(reason, null, false, false);
        this.field = field;
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
}
