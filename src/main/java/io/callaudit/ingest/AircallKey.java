package io.callaudit.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Every key of an Aircall call object the audit reads, in one place for both readers: {@link AircallMapper}
 * reads them from the JSON tree and {@link AircallLineScanner} from the bytes, and both take the names from
 * here. A key added for one is thereby known to the other: the scanner gives every top-level key a place
 * (read, ignored because only a call without {@code ended_at} needs it, or "another shape: fall back") and fails
 * to load when one has none, and the differential test checks both paths read the same call from every key.
 */
enum AircallKey {
    ID(Scope.CALL, "id"),
    DIRECTION(Scope.CALL, "direction"),
    STARTED_AT(Scope.CALL, "started_at"),
    ANSWERED_AT(Scope.CALL, "answered_at"),
    ENDED_AT(Scope.CALL, "ended_at"),
    /** Stands in for a missing {@code ended_at}; the scanner leaves every call without one to the tree path. */
    DURATION(Scope.CALL, "duration"),
    /** {@code initial}, {@code answered}, {@code done}: whether a call without {@code ended_at} ended (tree path). */
    STATUS(Scope.CALL, "status"),
    MISSED_CALL_REASON(Scope.CALL, "missed_call_reason"),
    VOICEMAIL(Scope.CALL, "voicemail"),
    VOICEMAIL_SHORT_URL(Scope.CALL, "voicemail_short_url"),
    ASSET(Scope.CALL, "asset"),
    RECORDING(Scope.CALL, "recording"),
    RECORDING_SHORT_URL(Scope.CALL, "recording_short_url"),
    NUMBER(Scope.CALL, "number"),
    USER(Scope.CALL, "user"),
    TEAMS(Scope.CALL, "teams"),
    NUMBER_ID(Scope.NUMBER, "id"),
    NUMBER_DIGITS(Scope.NUMBER, "digits"),
    NUMBER_E164_DIGITS(Scope.NUMBER, "e164_digits"),
    NUMBER_LIVE_RECORDING(Scope.NUMBER, "live_recording_activated"),
    USER_ID(Scope.USER, "id"),
    USER_EMAIL(Scope.USER, "email"),
    /** Keys that make an object an envelope, a wrapper or a page rather than a bare call. */
    CALL_WRAPPER(Scope.SHAPE, "call"),
    CALLS(Scope.SHAPE, "calls"),
    EXOTEL_CALLS(Scope.SHAPE, "Calls"),
    DATA(Scope.SHAPE, "data"),
    EVENT(Scope.SHAPE, "event"),
    RESOURCE(Scope.SHAPE, "resource");

    /** Where a key lives: the call object, its {@code number} or {@code user}, or the record's outer shape. */
    enum Scope {
        CALL,
        NUMBER,
        USER,
        SHAPE
    }

    final Scope scope;
    /** The key as Aircall spells it. */
    final String wire;

    final byte[] ascii;

    AircallKey(Scope scope, String wire) {
        this.scope = scope;
        this.wire = wire;
        this.ascii = wire.getBytes(StandardCharsets.US_ASCII);
    }
}
