package io.callaudit.model;

/** What a reader yields per input record: a call, or a located rejection; the stream goes on either way. */
public sealed interface ReadResult permits ReadResult.Call, ReadResult.Rejected {

    /** A record read as a call. */
    record Call(CallRecord call) implements ReadResult {
    }

    /** A record that could not be read as a call. */
    record Rejected(Rejection rejection) implements ReadResult {
    }
}
