package io.callaudit.model;

/**
 * What a reader yields per input record: a call, a located rejection, or a record that is not a call and
 * is accounted for without being audited; the stream goes on either way.
 */
public sealed interface ReadResult permits ReadResult.Call, ReadResult.Rejected, ReadResult.Skipped, ReadResult.Line {

    /** A record read as a call. */
    record Call(CallRecord call) implements ReadResult {}

    /** A record that could not be read as a call. */
    record Rejected(Rejection rejection) implements ReadResult {}

    /**
     * A well-formed record that is not a call (a webhook log carries user, number, contact and tag events
     * too): counted, so {@code records_read = calls + rejected + superseded + skipped} holds, and not an
     * error, so a real endpoint log exits by its calls alone.
     *
     * @param kind what the record is, as the vendor names it ({@code user.created}, {@code contact.updated})
     */
    record Skipped(SourceRef source, String kind) implements ReadResult {}

    /**
     * A non-call record that states facts about a line ({@code number.deleted}): accounted for as skipped,
     * under its kind, and its facts fed to the audit.
     */
    record Line(LineEvent event) implements ReadResult {}
}
