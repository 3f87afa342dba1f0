package io.callaudit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callaudit.model.CallRecord;
import io.callaudit.model.CallStatus;
import io.callaudit.model.Direction;
import io.callaudit.model.SourceRef;
import io.callaudit.model.Visibility;
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

    /** Reasons meaning the caller hung up before anyone could answer, rather than nobody answering. */
    private static final Set<String> ABANDONED = Set.of("abandoned_in_ivr", "short_abandoned",
            "abandoned_in_classic");

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

        String id = call.requiredId("id");
        Instant started = call.unixOrRfc3339("started_at");
        if (started == null) {
            throw FieldException.missing("started_at");
        }
        Instant answered = call.unixOrRfc3339("answered_at");
        Instant ended = endedAt(call, started);

        String missedReason = call.scalarText("missed_call_reason");
        String voicemail = first(call.text("voicemail"), call.text("voicemail_short_url"));
        CallStatus status = answered != null ? CallStatus.ANSWERED
                : voicemail != null ? CallStatus.VOICEMAIL
                : missedReason != null && ABANDONED.contains(missedReason) ? CallStatus.ABANDONED
                : CallStatus.MISSED;

        CallRecord.Builder b = CallRecord.builder()
                .id(id)
                .direction(call.choice("direction", Direction.class))
                .status(status)
                .startedAt(started)
                .answeredAt(answered)
                .endedAt(ended)
                .reachedAgent(!"abandoned_in_ivr".equals(missedReason))
                .recordingUrl(recordingUrl(call, status, voicemail))
                .visibility(Visibility.PUBLIC)
                .paused(false)
                .source(source)
                .webhook(event);

        ObjectFields number = call.object("number");
        if (number != null) {
            b.numberId(number.id("id")).numberDigits(first(number.text("digits"), number.text("e164_digits")));
        }
        ObjectFields user = call.object("user");
        if (user != null) {
            b.userId(user.id("id")).userEmail(user.text("email")).sharedLine(false);
        } else {
            // No agent on the call but teams assigned: it rang a team line, which ingestion treats as shared.
            JsonNode teams = call.value("teams");
            b.sharedLine(teams != null && teams.isArray() && !teams.isEmpty());
        }
        return b.build();
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

    /**
     * The live recording in any of its three links; {@code asset} only when it is the recording's page (it
     * may be the voicemail's). A voicemail is the audio of a voicemail call, so it counts as its recording.
     */
    private static String recordingUrl(ObjectFields call, CallStatus status, String voicemail)
            throws FieldException {
        String asset = call.text("asset");
        String recording = first(call.text("recording"), call.text("recording_short_url"),
                asset != null && asset.contains("/recording") ? asset : null);
        if (recording == null && status == CallStatus.VOICEMAIL) {
            return voicemail;
        }
        return recording;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
