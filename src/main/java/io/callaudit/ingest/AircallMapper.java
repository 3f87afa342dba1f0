package io.callaudit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callaudit.model.CallRecord;
import io.callaudit.model.Direction;
import io.callaudit.model.LineEvent;
import io.callaudit.model.ReadResult;
import io.callaudit.model.SourceRef;
import io.callaudit.model.WebhookEvent;
import java.time.Instant;
import java.util.Set;

/**
 * Reads Aircall Public API call objects (shared/research/vendor-formats.md §1), bare, wrapped as
 * {@code {"call":{...}}}, or as the {@code data} of a webhook envelope. Aircall has no "missed" status; the
 * outcome is inferred from {@code answered_at}, {@code voicemail} and {@code missed_call_reason}, which is why
 * this mapper derives the canonical status instead of copying one. Unknown keys are ignored: the API grows.
 */
final class AircallMapper implements RecordMapper {

    /** Keys only an Aircall call object carries; any one is enough to recognise the format. */
    private static final Set<String> SIGNATURE_KEYS = Set.of(
            "direct_link",
            "raw_digits",
            "missed_call_reason",
            "recording_short_url",
            "voicemail_short_url",
            "asset",
            "sid",
            "call_uuid",
            "teams",
            "duration");

    /**
     * Every field name of an Aircall call object that detection weighs (Public API reference), shared ones such
     * as {@code id}, {@code sid} and {@code duration} included.
     */
    static final Set<String> VOCABULARY = Set.of(
            "id",
            "sid",
            "call_uuid",
            "direct_link",
            "direction",
            "status",
            "missed_call_reason",
            "started_at",
            "answered_at",
            "ended_at",
            "duration",
            "raw_digits",
            "voicemail",
            "voicemail_short_url",
            "recording",
            "recording_short_url",
            "asset",
            "user",
            "contact",
            "archived",
            "assigned_to",
            "transferred_by",
            "transferred_to",
            "teams",
            "number",
            "comments",
            "tags",
            "participants",
            "cost",
            "country_code_a2",
            "pricing_type",
            "hangup_cause",
            "ivr_options_selected",
            "ivr_options");

    /**
     * A webhook log carries every resource Aircall sends (user, number, contact, tag, ... events) besides
     * calls: those are accounted for as skipped, and a number event's facts go to the audit.
     */
    @Override
    public ReadResult read(JsonNode record, SourceRef source) throws FieldException {
        if (isEnvelope(record)) {
            ObjectFields envelope = ObjectFields.root(record);
            String resource = envelope.text("resource");
            String name = envelope.text("event");
            String kind = name != null ? name : resource;
            if (kind != null && !"call".equals(resource) && !kind.startsWith("call.")) {
                return notACall(envelope, (ObjectNode) record.get("data"), kind, source);
            }
        }
        return new ReadResult.Call(map(record, source));
    }

    private static ReadResult notACall(ObjectFields envelope, ObjectNode data, String kind, SourceRef source)
            throws FieldException {
        if (!kind.startsWith("number.")) {
            return new ReadResult.Skipped(source, kind);
        }
        ObjectFields number = ObjectFields.unwrapped(data);
        Instant at = envelope.unixOrRfc3339("timestamp");
        Instant deleted = kind.equals("number.deleted") ? at : null;
        if (deleted == null && kind.equals("number.deleted")) {
            throw FieldException.missing("timestamp");
        }
        return new ReadResult.Line(new LineEvent(
                kind,
                number.id(AircallKey.NUMBER_ID.wire),
                number.bool(AircallKey.NUMBER_LIVE_RECORDING.wire),
                deleted,
                source));
    }

    @Override
    public CallRecord map(JsonNode record, SourceRef source) throws FieldException {
        ObjectFields call = ObjectFields.root(record);
        WebhookEvent event = null;
        if (isEnvelope(record)) {
            event = event(call);
            call = ObjectFields.unwrapped((ObjectNode) record.get("data"));
        } else if (record.has("resource") && record.has("event")) {
            // An envelope whose call is missing: say so, rather than complain about the call's first field.
            if (call.value("data") == null) {
                throw FieldException.missing("data");
            }
            throw new FieldException("data", "not an object", ObjectFields.quote(record.get("data")));
        } else if (isWrapper(record)) {
            call = ObjectFields.unwrapped((ObjectNode) record.get("call"));
        } else if (record.has("calls") && !record.has("id")) {
            throw new FieldException(
                    "calls",
                    record.get("calls").isArray()
                            ? "a page of calls nested inside another value: pages must be top-level values"
                            : "a page's calls must be an array of call objects");
        }

        AircallFields f = new AircallFields();
        f.id = call.requiredId(AircallKey.ID.wire);
        f.started = call.unixOrRfc3339(AircallKey.STARTED_AT.wire);
        if (f.started == null) {
            throw FieldException.missing(AircallKey.STARTED_AT.wire);
        }
        f.answered = call.unixOrRfc3339(AircallKey.ANSWERED_AT.wire);
        f.ended = endedAt(call, f.started);
        f.missedReason = call.scalarText(AircallKey.MISSED_CALL_REASON.wire);
        f.voicemail = first(call.text(AircallKey.VOICEMAIL.wire), call.text(AircallKey.VOICEMAIL_SHORT_URL.wire));
        f.direction = call.choice(AircallKey.DIRECTION.wire, Direction.class);
        f.asset = call.text(AircallKey.ASSET.wire);
        f.recording = call.text(AircallKey.RECORDING.wire);
        f.recordingShortUrl = call.text(AircallKey.RECORDING_SHORT_URL.wire);
        ObjectFields number = call.object(AircallKey.NUMBER.wire);
        if (number != null) {
            f.numberId = number.id(AircallKey.NUMBER_ID.wire);
            f.numberDigits =
                    first(number.text(AircallKey.NUMBER_DIGITS.wire), number.text(AircallKey.NUMBER_E164_DIGITS.wire));
            f.lineRecording = number.bool(AircallKey.NUMBER_LIVE_RECORDING.wire);
        }
        ObjectFields user = call.object(AircallKey.USER.wire);
        f.hasUser = user != null;
        if (user != null) {
            f.userId = user.id(AircallKey.USER_ID.wire);
            f.userEmail = user.text(AircallKey.USER_EMAIL.wire);
        } else {
            JsonNode teams = call.value(AircallKey.TEAMS.wire);
            f.teamsAssigned = teams != null && teams.isArray() && !teams.isEmpty();
        }
        return f.toCall(source, event);
    }

    /** Whether {@code record} looks like Aircall call data, for content detection. */
    static boolean looksLike(JsonNode record) {
        if (!(record instanceof ObjectNode)) {
            return false;
        }
        if (isEnvelope(record)) {
            return true;
        }
        JsonNode call = isWrapper(record) ? record.get("call") : record;
        if (call.path("started_at").isNumber()
                || call.path("number").isObject()
                || call.path("user").isObject()) {
            return true;
        }
        for (String key : SIGNATURE_KEYS) {
            if (call.has(key)) {
                return true;
            }
        }
        return false;
    }

    /** How many of Aircall's field names the record (or the call it wraps) uses; an envelope counts for two. */
    static int vocabularyScore(JsonNode record) {
        if (isEnvelope(record)) {
            return 2 + FieldVocabulary.count(record.get("data"), VOCABULARY);
        }
        JsonNode call = isWrapper(record) ? record.get("call") : record;
        return Math.max(1, FieldVocabulary.count(call, VOCABULARY));
    }

    /** {@code {"resource":"call","event":"call.ended","timestamp":...,"data":{...}}}. */
    static boolean isEnvelope(JsonNode record) {
        return record.path("data").isObject() && (record.has("event") || record.has("resource"));
    }

    /** {@code GET /v1/calls/:id} answers {@code {"call":{...}}}. */
    private static boolean isWrapper(JsonNode record) {
        return record.path("call").isObject() && !record.has("id");
    }

    private static WebhookEvent event(ObjectFields envelope) throws FieldException {
        String name = envelope.text("event");
        if (name == null) {
            throw FieldException.missing("event");
        }
        Instant timestamp = envelope.unixOrRfc3339("timestamp");
        if (timestamp == null) {
            // Without it the audit cannot tell which of a call's events is the latest.
            throw FieldException.missing("timestamp");
        }
        return new WebhookEvent(name, timestamp.getEpochSecond());
    }

    /**
     * The end, or null for a call still going on: {@code call.created} and {@code call.answered} carry
     * {@code ended_at: null} with {@code status} {@code initial} or {@code answered}. {@code duration} is
     * documented as {@code ended_at - started_at}, so for a finished call ({@code done}, or no status) it stands
     * in for a missing end.
     */
    private static Instant endedAt(ObjectFields call, Instant started) throws FieldException {
        Instant ended = call.unixOrRfc3339(AircallKey.ENDED_AT.wire);
        if (ended == null) {
            String status = call.scalarText(AircallKey.STATUS.wire);
            Double duration = call.nonNegative(AircallKey.DURATION.wire);
            if (duration == null || (status != null && !status.equals("done"))) {
                return null;
            }
            ended = started.plusMillis(Math.round(duration * 1000));
        }
        if (ended.isBefore(started)) {
            throw new FieldException(AircallKey.ENDED_AT.wire, "before started_at (" + ended + " < " + started + ")");
        }
        return ended;
    }

    static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
