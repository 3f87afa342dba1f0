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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads CallTrackingMetrics call-log records (shared/research/vendor-formats.md §3,
 * src/test/resources/corpus/ctm/SOURCES.md): the calls of a {@code {"calls":[...],"page":1,"total_entries":...}}
 * list response, bare call objects, a webhook body wrapping the call as {@code {"event":"call.completed",
 * "call":{...}}}, or a CSV export with the same snake_case field names ({@code agent_email} standing in for the
 * nested {@code agent.email}). Unknown keys are ignored: this is the vendor's format, not ours. CTM's field
 * names live here and nowhere else.
 *
 * <p>{@code unix_time}, an instant, wins over {@code called_at}. CTM writes {@code called_at} as
 * {@code 2012-08-17 10:24 AM} in its API reference and as {@code 2013-05-01 11:48 PM -04:00} in its own client
 * library; an offset in the value wins, one without is read in the zone given to the reader (the profile's
 * {@code timezone}, else UTC: CTM documents no default). A status value not listed here rejects the record
 * rather than being guessed at; a call still ringing or in progress is read with no end, for the audit to
 * report as pending.
 */
final class CtmMapper implements RecordMapper {

    /** Top-level fields of CTM's list response besides its calls, which Aircall's page does not have. */
    static final Set<String> PAGE_FIELDS = Set.of("page", "total_entries", "total_pages", "per_page");

    /** Without these a CSV row cannot be told apart or given an end. */
    static final Set<String> CSV_REQUIRED = Set.of("id", "duration");

    /** Keys only a CTM call has; a record needs one of them to be taken for CTM's. */
    private static final Set<String> SIGNATURE_KEYS =
            Set.of("tracking_number", "called_at", "unix_time", "talk_time", "audio");

    /**
     * Every field name of a CTM call that detection weighs (API reference, client library, the Meltano tap's
     * schema), shared ones such as {@code id}, {@code sid} and {@code duration} included.
     */
    static final Set<String> VOCABULARY = Set.of(
            "id",
            "sid",
            "account_id",
            "name",
            "caller_number",
            "caller_number_format",
            "caller_number_complete",
            "caller_number_split",
            "alternative_number",
            "tracking_number",
            "tracking_number_id",
            "tracking_number_sid",
            "tracking_number_format",
            "tracking_label",
            "business_number",
            "business_number_format",
            "business_label",
            "receiving_number_id",
            "called_at",
            "unix_time",
            "duration",
            "talk_time",
            "ring_time",
            "hold_time",
            "wait_time",
            "left_talk_time",
            "right_talk_time",
            "direction",
            "status",
            "call_status",
            "dial_status",
            "audio",
            "is_s3_link",
            "agent_id",
            "agent",
            "agent_email",
            "parent_id",
            "legs",
            "transfers",
            "call_path",
            "source",
            "source_id",
            "search",
            "referrer",
            "location",
            "likelihood",
            "city",
            "state",
            "country",
            "postal_code",
            "street",
            "email",
            "visitor",
            "latitude",
            "longitude",
            "extended_lookup",
            "tag_list",
            "notes",
            "transcription",
            "transcription_text",
            "summary",
            "billed_amount",
            "billed_at",
            "excluded",
            "redacted",
            "sale",
            "start_time",
            "campaign");

    /** Webhook events sent while the call is still going on. */
    private static final Set<String> ONGOING_EVENTS = Set.of("call.received", "call.started", "call.ringing");

    /** A webhook body's key for the call it is about. */
    private static final String WRAPPER_KEY = "call";

    /** Words of a call not over yet: nothing about its recording is known. */
    private static final Map<String, CallStatus> ONGOING = Map.of(
            "ringing", CallStatus.NO_ANSWER,
            "queued", CallStatus.NO_ANSWER,
            "in progress", CallStatus.ANSWERED,
            "in-progress", CallStatus.ANSWERED,
            "in_progress", CallStatus.ANSWERED,
            "active", CallStatus.ANSWERED);

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
        String event = null;
        if (isWrapper(record)) {
            event = call.scalarText("event");
            event = event == null ? null : event.toLowerCase(Locale.ROOT);
            if (event != null && !event.startsWith("call")) {
                throw new FieldException("event", "not a call event", "'" + call.scalarText("event") + "'");
            }
            call = ObjectFields.unwrapped((ObjectNode) record.get(WRAPPER_KEY));
        } else if (record.has("calls") && !record.has("id")) {
            throw new FieldException(
                    "calls",
                    record.get("calls").isArray()
                            ? "a page of calls nested inside another value: pages must be top-level values"
                            : "a page's calls must be an array of call objects");
        }

        String id = call.requiredId("id");
        Instant started = call.unixOrRfc3339("unix_time");
        if (started == null) {
            started = call.localTime("called_at", zone);
        }
        if (started == null) {
            // what webhook consumers show CTM posting (SOURCES.md): an RFC 3339 start, no called_at
            started = call.localTime("start_time", zone);
        }
        if (started == null) {
            throw FieldException.missing("called_at");
        }
        Double talk = call.nonNegative("talk_time");
        Double ring = call.nonNegative("ring_time");
        String audio = call.text("audio");
        CallStatus ongoing = ongoing(call);
        if (ongoing == null && event != null && ONGOING_EVENTS.contains(event)) {
            ongoing = CallStatus.NO_ANSWER;
        }
        CallStatus status = ongoing != null ? ongoing : status(call, talk, audio);
        Instant ended = null;
        if (ongoing == null) {
            Double duration = call.nonNegative("duration");
            if (duration == null) {
                throw FieldException.missing("duration");
            }
            ended = started.plusMillis(millis(duration));
        }

        Instant answered = null;
        if (ended != null && (status == CallStatus.ANSWERED || status == CallStatus.VOICEMAIL)) {
            // CTM counts a voicemail pick-up as an answer (seed 003): the ringing ends either way.
            answered = ring != null
                    ? earliest(started.plusMillis(millis(ring)), ended)
                    : talk != null ? latest(started, ended.minusMillis(millis(talk))) : started;
        }

        // The API nests the agent as an object; a CSV export can only name it in a cell, which says nothing.
        ObjectFields agent =
                call.value("agent") != null && call.value("agent").isObject() ? call.object("agent") : null;
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

    /** Whether {@code record} (or the call a webhook body wraps) looks like a CTM call, for content detection. */
    static boolean looksLike(JsonNode record) {
        JsonNode call = isWrapper(record) ? record.get(WRAPPER_KEY) : record;
        if (!(call instanceof ObjectNode)) {
            return false;
        }
        for (String key : SIGNATURE_KEYS) {
            if (call.has(key)) {
                return true;
            }
        }
        return false;
    }

    /** How many of CTM's field names the record (or the call it wraps) uses. */
    static int vocabularyScore(JsonNode record) {
        return FieldVocabulary.count(isWrapper(record) ? record.get(WRAPPER_KEY) : record, VOCABULARY);
    }

    /** A webhook body: {@code {"event":"call.completed","call":{...}}}. */
    private static boolean isWrapper(JsonNode record) {
        return record instanceof ObjectNode && record.path(WRAPPER_KEY).isObject() && !record.has("id");
    }

    /** The status as far as known of a call not over yet, or null when it has ended. */
    private static CallStatus ongoing(ObjectFields call) throws FieldException {
        for (String field : STATUS_FIELDS) {
            String text = call.scalarText(field);
            if (text != null) {
                CallStatus s = ONGOING.get(text.toLowerCase(Locale.ROOT));
                if (s != null) {
                    return s;
                }
                // The whole call's status decides; a leg's dial status says nothing about the call being over.
                return null;
            }
        }
        return null;
    }

    /** Whether a CSV header is a CTM call-log export: a call time and the tracking number it came in on. */
    static boolean looksLikeHeader(List<String> columns) {
        return (columns.contains("called_at") || columns.contains("unix_time")) && columns.contains("tracking_number");
    }

    /**
     * The first status field present. Without one the evidence decides: CTM records only calls that were
     * answered and have talk time (seed 003 §1), so talk time or a recording means answered. The documented
     * sample call is such a record: a recording, a duration, and no status or talk time.
     */
    private static CallStatus status(ObjectFields call, Double talk, String audio) throws FieldException {
        for (String field : STATUS_FIELDS) {
            CallStatus status = call.word(
                    field,
                    STATUSES,
                    "answered | completed | voicemail | no-answer | missed | "
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
