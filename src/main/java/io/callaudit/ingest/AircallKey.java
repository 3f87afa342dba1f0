package io.callaudit.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Every key of an Aircall call object the audit reads, in one place for both readers: {@link AircallMapper}
 * reads them from the JSON tree and {@link AircallLineScanner} from the bytes, and both take the names from
 * here. A key added for one is thereby known to the other: the scanner falls back to the tree path on any
 * key of {@link Scope#CALL} it does not extract ({@link #scanned} false), so it can never drop one silently,
 * and the differential test checks both paths read the same call from every key.
 */
enum AircallKey {
    ID(Scope.CALL, "id", true),
    DIRECTION(Scope.CALL, "direction", true),
    STARTED_AT(Scope.CALL, "started_at", true),
    ANSWERED_AT(Scope.CALL, "answered_at", true),
    ENDED_AT(Scope.CALL, "ended_at", true),
    /** Stands in for a missing {@code ended_at}; the scanner leaves every call without one to the tree path. */
    DURATION(Scope.CALL, "duration", true),
    /** {@code initial}, {@code answered}, {@code done}: whether a call without {@code ended_at} ended (tree path). */
    STATUS(Scope.CALL, "status", true),
    MISSED_CALL_REASON(Scope.CALL, "missed_call_reason", true),
    VOICEMAIL(Scope.CALL, "voicemail", true),
    VOICEMAIL_SHORT_URL(Scope.CALL, "voicemail_short_url", true),
    ASSET(Scope.CALL, "asset", true),
    RECORDING(Scope.CALL, "recording", true),
    RECORDING_SHORT_URL(Scope.CALL, "recording_short_url", true),
    NUMBER(Scope.CALL, "number", true),
    USER(Scope.CALL, "user", true),
    TEAMS(Scope.CALL, "teams", true),
    NUMBER_ID(Scope.NUMBER, "id", true),
    NUMBER_DIGITS(Scope.NUMBER, "digits", true),
    NUMBER_E164_DIGITS(Scope.NUMBER, "e164_digits", true),
    NUMBER_LIVE_RECORDING(Scope.NUMBER, "live_recording_activated", true),
    USER_ID(Scope.USER, "id", true),
    USER_EMAIL(Scope.USER, "email", true),
    /** Keys that make an object an envelope, a wrapper or a page rather than a bare call. */
    CALL_WRAPPER(Scope.SHAPE, "call", false),
    CALLS(Scope.SHAPE, "calls", false),
    EXOTEL_CALLS(Scope.SHAPE, "Calls", false),
    DATA(Scope.SHAPE, "data", false),
    EVENT(Scope.SHAPE, "event", false),
    RESOURCE(Scope.SHAPE, "resource", false);

    /** Where a key lives: the call object, its {@code number} or {@code user}, or the record's outer shape. */
    enum Scope { CALL, NUMBER, USER, SHAPE }

    final Scope scope;
    /** The key as Aircall spells it. */
    final String wire;
    /** Whether the byte-level scanner extracts it; when false, a bare call carrying it goes to the tree path. */
    final boolean scanned;
    final byte[] ascii;

    AircallKey(Scope scope, String wire, boolean scanned) {
        this.scope = scope;
        this.wire = wire;
        this.scanned = scanned;
        this.ascii = wire.getBytes(StandardCharsets.US_ASCII);
    }
}
