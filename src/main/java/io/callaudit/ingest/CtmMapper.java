package io.callaudit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callaudit.model.CallRecord;
import io.callaudit.model.CallStatus;
import io.callaudit.model.Direction;
import io.callaudit.model.SourceRef;
import io.callaudit.model.Visibility;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads CallTrackingMetrics call-log records (shared/research/vendor-formats.md §3): the calls of a
 * {@code {"calls":[...],"page":1,"total_entries":...}} list response, bare call objects, or a CSV export with
 * the same snake_case field names ({@code agent_email} standing in for the nested {@code agent.email}).
 * Unknown keys are ignored: this is the vendor's format, not ours.
 *
 * <p>CTM documents neither the zone of {@code called_at} nor the values of its status fields. So
 * {@code unix_time}, an instant, wins over {@code called_at}, which is read in the zone given to the reader
 * (the profile's {@code timezone}); and a status value not listed here rejects the record rather than being
 * guessed at.
 */
final class CtmMapper implements RecordMapper {

    /** Top-level fields of CTM's list response besides its calls, which Aircall's page does not have. */
    static final Set<String> PAGE_FIELDS = Set.of("page", "total_entries", "total_pages", "per_page");

    /** Without these a CSV row cannot be told apart or given an end. */
    static final Set<String> CSV_REQUIRED = Set.of("id", "duration");

    /** Keys only a CTM call has; any one is enough to recognise the format. */
    private static final Set<String> SIGNATURE_KEYS = Set.of("tracking_number", "called_at", "unix_time",
            "talk_time", "audio");

    /** The status fields, most specific to the call as a whole first. */
    private static final List<String> STATUS_FIELDS = List.of("status", "call_status", "dial_status");

    private static final Map<String, Direction> DIRECTIONS = Map.of(
            "inbound", Direction.INBOUND,
            "outbound", Direction.OUTBOUND);

    private static final Map<String, CallStatus> STATUSES = Map.ofEntries(
            Map.entry("answered", CallStatus.ANSWERED),
            Map.entry("completed", CallStatus.ANSWERED),
            Map.entry("voicemail", CallStatus.VOICEMAIL),
            Map.entry("no-answer", CallStatus.NO_ANSWER),
            Map.entry("no answer", CallStatus.NO_ANSWER),
            Map.entry("no_answer", CallStatus.NO_ANSWER),
            Map.entry("missed", CallStatus.NO_ANSWER),
            Map.entry("busy", CallStatus.BUSY),
            Map.entry("failed", CallStatus.FAILED),
            Map.entry("canceled", CallStatus.ABANDONED),
            Map.entry("cancelled", CallStatus.ABANDONED),
            Map.entry("abandoned", CallStatus.ABANDONED));

    private final ZoneId zone;

    /** @param zone the zone CTM's offset-less {@code called_at} is read in */
    CtmMapper(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public CallRecord map(JsonNode record, SourceRef source) throws FieldException {
        ObjectFields call = ObjectFields.root(record);
        if (record.has("calls") && !record.has("id")) {
            throw new FieldException("calls", record.get("calls").isArray()
                    ? "a page of calls nested inside another value: pages must be top-level values"
                    : "a page's calls must be an array of call objects");
        }

        String id = call.requiredId("id");
        Instant started = call.unixOrRfc3339("unix_time");
        if (started == null) {
            started = call.localTime("called_at", zone);
        }
        if (started == null) {
            throw FieldException.missing("called_at");
        }
        Double duration = call.nonNegative("duration");
        if (duration == null) {
            throw FieldException.missing("duration");
        }
        Instant ended = started.plusMillis(millis(duration));
        Double talk = call.nonNegative("talk_time");
        Double ring = call.nonNegative("ring_time");
        String audio = call.text("audio");
        CallStatus status = status(call, talk, audio);

        Instant answered = null;
        if (status == CallStatus.ANSWERED || status == CallStatus.VOICEMAIL) {
            // CTM counts a voicemail pick-up as an answer (seed 003): the ringing ends either way.
            answered = ring != null ? earliest(started.plusMillis(millis(ring)), ended)
                    : talk != null ? latest(started, ended.minusMillis(millis(talk)))
                    : started;
        }

        // The API nests the agent as an object; a CSV export can only name it in a cell, which says nothing.
        ObjectFields agent = call.value("agent") != null && call.value("agent").isObject()
                ? call.object("agent") : null;
        String userId = call.id("agent_id");
        if (userId == null && agent != null) {
            userId = agent.id("id");
        }
        String userEmail = agent == null ? null : agent.text("email");
        if (userEmail == null) {
            userEmail = call.text("agent_email");
        }

        return CallRecord.builder()
                .id(id)
                .direction(direction(call))
                .status(status)
                .startedAt(started)
                .answeredAt(answered)
                .endedAt(ended)
                .talkSeconds(talk)
                .numberId(call.id("tracking_number_id"))
                .numberDigits(call.id("tracking_number"))
                .userId(userId)
                .userEmail(userEmail)
                .sharedLine(false)
                .reachedAgent(true)
                .recordingUrl(audio)
                .paused(false)
                .visibility(Visibility.PUBLIC)
                .parentCallId(call.id("parent_id"))
                .source(source)
                .build();
    }

    /** Whether {@code record} looks like a CTM call, for content detection. */
    static boolean looksLike(JsonNode record) {
        if (!(record instanceof ObjectNode)) {
            return false;
        }
        for (String key : SIGNATURE_KEYS) {
            if (record.has(key)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a CSV header is a CTM call-log export: a call time and the tracking number it came in on. */
    static boolean looksLikeHeader(List<String> columns) {
        return (columns.contains("called_at") || columns.contains("unix_time"))
                && columns.contains("tracking_number");
    }

    /**
     * The first status field present. Without one the evidence decides: CTM records only calls that were
     * answered and have talk time (seed 003 §1), so talk time or a recording means answered. The documented
     * sample call is such a record: a recording, a duration, and no status or talk time.
     */
    private static CallStatus status(ObjectFields call, Double talk, String audio) throws FieldException {
        for (String field : STATUS_FIELDS) {
            CallStatus status = call.word(field, STATUSES, "answered | completed | voicemail | no-answer | missed | "
                    + "busy | failed | canceled | abandoned");
            if (status != null) {
                return status;
            }
        }
        return talk != null && talk > 0 || audio != null ? CallStatus.ANSWERED : CallStatus.NO_ANSWER;
    }

    private static Direction direction(ObjectFields call) throws FieldException {
        return call.word("direction", DIRECTIONS, "inbound | outbound");
    }

    private static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
