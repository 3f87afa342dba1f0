package io.callaudit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callaudit.model.CallRecord;
import io.callaudit.model.Direction;
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
    private static final Set<String> SIGNATURE_KEYS = Set.of("direct_link", "raw_digits", "missed_call_reason",
            "recording_short_url", "voicemail_short_url", "asset", "sid", "call_uuid", "teams", "duration");

    /**
     * Every field name of an Aircall call object that detection weighs (Public API reference), shared ones such
     * as {@code id}, {@code sid} and {@code duration} included.
     */
    static final Set<String> VOCABULARY = Set.of("id", "sid", "call_uuid", "direct_link", "direction", "status",
            "missed_call_reason", "started_at", "answered_at", "ended_at", "duration", "raw_digits", "voicemail",
            "voicemail_short_url", "recording", "recording_short_url", "asset", "user", "contact", "archived",
            "assigned_to", "transferred_by", "transferred_to", "teams", "number", "comments", "tags",
            "participants", "cost", "country_code_a2", "pricing_type", "hangup_cause", "ivr_options_selected",
            "ivr_options");

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
            throw new FieldException("data", "not an object: " + ObjectFields.quote(record.get("data")));
        } else if (isWrapper(record)) {
            call = ObjectFields.unwrapped((ObjectNode) record.get("call"));
        } else if (record.has("calls") && !record.has("id")) {
            throw new FieldException("calls", record.get("calls").isArray()
                    ? "a page of calls nested inside another value: pages must be top-level values"
                    : "a page's calls must be an array of call objects");
        }

        AircallFields f = new AircallFields();
        f.id = call.requiredId("id");
        f.started = call.unixOrRfc3339("started_at");
        if (f.started == null) {
            throw FieldException.missing("started_at");
        }
        f.answered = call.unixOrRfc3339("answered_at");
        f.ended = endedAt(call, f.started);
        f.missedReason = call.scalarText("missed_call_reason");
        f.voicemail = first(call.text("voicemail"), call.text("voicemail_short_url"));
        f.direction = call.choice("direction", Direction.class);
        f.asset = call.text("asset");
        f.recording = call.text("recording");
        f.recordingShortUrl = call.text("recording_short_url");
        ObjectFields number = call.object("number");
        if (number != null) {
            f.numberId = number.id("id");
            f.numberDigits = first(number.text("digits"), number.text("e164_digits"));
        }
        ObjectFields user = call.object("user");
        f.hasUser = user != null;
        if (user != null) {
            f.userId = user.id("id");
            f.userEmail = user.text("email");
        } else {
            JsonNode teams = call.value("teams");
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
        if (call.path("started_at").isNumber() || call.path("number").isObject() || call.path("user").isObject()) {
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
        String resource = envelope.text("resource");
        if (resource != null && !resource.equals("call")) {
            throw new FieldException("resource", "not a call event: '" + resource + "'");
        }
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

    /** {@code duration} is documented as {@code ended_at - started_at}, so it can stand in for a missing end. */
    private static Instant endedAt(ObjectFields call, Instant started) throws FieldException {
        Instant ended = call.unixOrRfc3339("ended_at");
        if (ended == null) {
            Double duration = call.nonNegative("duration");
            if (duration == null) {
                throw FieldException.missing("ended_at");
            }
            ended = started.plusMillis(Math.round(duration * 1000));
        }
        if (ended.isBefore(started)) {
            throw new FieldException("ended_at", "before started_at (" + ended + " < " + started + ")");
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
