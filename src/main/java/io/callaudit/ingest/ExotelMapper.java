package io.callaudit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callaudit.model.CallRecord;
import io.callaudit.model.CallStatus;
import io.callaudit.model.Direction;
import io.callaudit.model.RecordingChannels;
import io.callaudit.model.SourceRef;
import io.callaudit.model.Visibility;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Exotel call details (shared/research/vendor-formats.md §2): the v1 {@code {"Call":{...}}} object, the
 * calls of a bulk {@code {"Metadata":{...},"Calls":[...]}} response, bare call objects, or a CSV export whose
 * header uses the same field names, {@code Details} flattened to {@code ConversationDuration},
 * {@code Leg1Status} and {@code Leg2Status}. Unknown keys are ignored: this is the vendor's format, not ours.
 *
 * <p>Exotel writes times as {@code YYYY-MM-DD HH:mm:ss} without an offset and does not document their zone,
 * so they are read in the zone given to the reader (the profile's {@code timezone}).
 *
 * <p>Besides Exotel's documented fields, a record may carry what callaudit needs to audit flows and per-call
 * requests, which Exotel's call details do not echo back. Exported with the call, they are read as:
 * <ul>
 *   <li>{@code FlowId} or {@code AppId}: the call flow (App Builder app) that handled the call;</li>
 *   <li>{@code Record} ({@code true}/{@code false}): the Connect API's per-call recording flag;</li>
 *   <li>{@code RecordingChannels} ({@code single} or {@code mono}, {@code dual}): the per-call channel request;</li>
 *   <li>{@code ReachedAgent} ({@code true}/{@code false}): whether the caller got past the IVR;</li>
 *   <li>{@code AgentEmail}, {@code AgentId}: the agent;</li>
 *   <li>{@code PhoneNumber}: the ExoPhone's digits, and {@code CallerId}, the Connect API's ExoPhone;</li>
 *   <li>{@code RecordingCreatedAt}: when the recording link was issued. Exotel's links are time-limited, and
 *       the call details do not say when the one they carry was issued: a link is fresh when the API hands it
 *       out, not when the call ended, so without this field the issue time is unknown and no expiry is
 *       judged.</li>
 * </ul>
 */
final class ExotelMapper implements RecordMapper {

    /** The key of the bulk response's array of calls. */
    static final String PAGE_KEY = "Calls";

    /** Without these a CSV row cannot be told apart, placed in time, or told finished. */
    static final Set<String> CSV_REQUIRED = Set.of("Sid", "StartTime", "Status");

    /** Exotel's terminal statuses (bulk filter and StatusCallback docs), plus the cancelled call. */
    private static final Map<String, CallStatus> STATUSES = Map.of(
            "completed", CallStatus.ANSWERED,
            "busy", CallStatus.BUSY,
            "failed", CallStatus.FAILED,
            "no-answer", CallStatus.NO_ANSWER,
            "canceled", CallStatus.ABANDONED,
            "cancelled", CallStatus.ABANDONED);

    /** Statuses of a call still going on: nothing about its recording is known yet. */
    private static final Set<String> ONGOING = Set.of("queued", "ringing", "in-progress");

    private static final Map<String, Direction> DIRECTIONS = Map.of(
            "inbound", Direction.INBOUND,
            "outbound-api", Direction.OUTBOUND,
            "outbound-dial", Direction.OUTBOUND,
            "outbound", Direction.OUTBOUND);

    private static final Map<String, RecordingChannels> CHANNELS = Map.of(
            "single", RecordingChannels.MONO,
            "mono", RecordingChannels.MONO,
            "dual", RecordingChannels.DUAL);

    private final ZoneId zone;

    /** @param zone the zone Exotel's offset-less times are read in */
    ExotelMapper(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public CallRecord map(JsonNode record, SourceRef source) throws FieldException {
        ObjectFields call = ObjectFields.root(record);
        if (isWrapper(record)) {
            call = ObjectFields.unwrapped((ObjectNode) record.get("Call"));
        } else if (!record.has("Sid")) {
            if (record.has("Call")) {
                throw new FieldException("Call", "not an object", ObjectFields.quote(record.get("Call")));
            }
            if (record.has(PAGE_KEY) || record.has("Metadata")) {
                throw new FieldException(PAGE_KEY, record.path(PAGE_KEY).isArray()
                        ? "a page of calls nested inside another value: pages must be top-level values"
                        : "a bulk response's Calls must be an array of call objects");
            }
        }

        String id = call.requiredId("Sid");
        // Before the times: a call in progress has no end yet, and that is the thing to say about it.
        CallStatus status = status(call);
        Instant started = call.localTime("StartTime", zone);
        if (started == null) {
            throw FieldException.missing("StartTime");
        }
        Instant ended = endedAt(call, started);
        Direction direction = direction(call);

        ObjectFields details = call.object("Details");
        Double talk = detail(call, details, "ConversationDuration").nonNegative("ConversationDuration");
        Double talkBound = talk != null ? talk : legsTalk(details);
        Instant answered = null;
        if (status == CallStatus.ANSWERED) {
            // Completed means answered; without a conversation length the answer time is unknown, and the
            // start is the bound that never makes a long call look short.
            answered = talkBound == null ? started : latest(started, ended.minusMillis(millis(talkBound)));
        }

        String recordingUrl = first(call.text("RecordingUrl"), call.text("PreSignedRecordingUrl"));
        Instant recordingCreated = call.localTime("RecordingCreatedAt", zone);

        return CallRecord.builder()
                .id(id)
                .direction(direction)
                .status(status)
                .startedAt(started)
                .answeredAt(answered)
                .endedAt(ended)
                .talkSeconds(talk)
                .numberId(call.id("PhoneNumberSid"))
                .numberDigits(exoPhone(call, direction))
                .userId(call.id("AgentId"))
                .userEmail(call.text("AgentEmail"))
                .sharedLine(false)
                .flowId(first(call.id("FlowId"), call.id("AppId")))
                .reachedAgent(reachedAgent(call, details, status, direction))
                .recordRequested(call.bool("Record"))
                .recordingChannels(channels(call))
                .recordingUrl(recordingUrl)
                .recordingCreatedAt(recordingCreated)
                .paused(false)
                .visibility(Visibility.PUBLIC)
                .parentCallId(call.id("ParentCallSid"))
                .source(source)
                .build();
    }

    /** Whether {@code record} looks like Exotel call data, for content detection. */
    static boolean looksLike(JsonNode record) {
        if (!(record instanceof ObjectNode)) {
            return false;
        }
        if (record.path("Call").isObject() || record.has(PAGE_KEY) || record.has("Metadata")) {
            return true;
        }
        return record.has("Sid") && record.has("StartTime");
    }

    /** Whether a CSV header is an Exotel call-details export: Exotel's call id and start time. */
    static boolean looksLikeHeader(List<String> columns) {
        return columns.contains("Sid") && columns.contains("StartTime");
    }

    /** {@code GET /v1/Accounts/<sid>/Calls/<CallSid>.json} answers {@code {"Call":{...}}}. */
    private static boolean isWrapper(JsonNode record) {
        return record.path("Call").isObject() && !record.has("Sid");
    }

    private static CallStatus status(ObjectFields call) throws FieldException {
        String text = call.text("Status");
        if (text == null) {
            throw FieldException.missing("Status");
        }
        String value = text.toLowerCase(Locale.ROOT);
        if (ONGOING.contains(value)) {
            // Nothing is known yet about the recording of a call still going on; Exotel's bulk API leaves
            // them out for that reason, and a single-call fetch or webhook log is audited once it ended.
            throw new FieldException("Status", "call still in progress: status '" + text + "'");
        }
        CallStatus status = STATUSES.get(value);
        if (status == null) {
            throw new FieldException("Status", "not one of completed | busy | failed | no-answer | canceled",
                    "'" + text + "'");
        }
        return status;
    }

    /**
     * {@code EndTime}, or {@code StartTime + Duration} when Exotel has not filled it in yet (it does so
     * asynchronously). The documented example has a {@code Duration} (17 s) shorter than
     * {@code EndTime - StartTime} (77 s), so the end time wins whenever there is one.
     */
    private Instant endedAt(ObjectFields call, Instant started) throws FieldException {
        Instant ended = call.localTime("EndTime", zone);
        if (ended == null) {
            Double duration = call.nonNegative("Duration");
            if (duration == null) {
                throw FieldException.missing("EndTime");
            }
            ended = started.plusMillis(millis(duration));
        }
        if (ended.isBefore(started)) {
            throw new FieldException("EndTime", "before StartTime (" + ended + " < " + started + ")");
        }
        return ended;
    }

    private static Direction direction(ObjectFields call) throws FieldException {
        return call.word("Direction", DIRECTIONS, "inbound | outbound-api | outbound-dial");
    }

    /**
     * The line the call went through. {@code To} is the ExoPhone only on inbound calls: on the Connect API's
     * outbound calls {@code From} is the agent, {@code To} the customer and {@code CallerId} the ExoPhone.
     */
    private static String exoPhone(ObjectFields call, Direction direction) throws FieldException {
        String digits = call.id("PhoneNumber");
        if (digits != null) {
            return digits;
        }
        if (direction == Direction.INBOUND) {
            return call.id("To");
        }
        return direction == Direction.OUTBOUND ? call.id("CallerId") : null;
    }

    /**
     * An explicit {@code ReachedAgent} wins. Otherwise an inbound call that completed while its second leg, the
     * agent the flow dialled, did not complete ended in the IVR.
     */
    private static boolean reachedAgent(ObjectFields call, ObjectFields details, CallStatus status,
            Direction direction) throws FieldException {
        Boolean explicit = call.bool("ReachedAgent");
        if (explicit != null) {
            return explicit;
        }
        if (status == CallStatus.ANSWERED && direction == Direction.INBOUND) {
            String agentLeg = detail(call, details, "Leg2Status").text("Leg2Status");
            return agentLeg == null || agentLeg.equalsIgnoreCase("completed");
        }
        return true;
    }

    private static RecordingChannels channels(ObjectFields call) throws FieldException {
        return call.word("RecordingChannels", CHANNELS, "single | mono | dual");
    }

    /**
     * Where a {@code Details} value is: in the {@code Details} object of the JSON API, or flattened into its
     * own column in a CSV export. Errors then name the field as the file spells it.
     */
    private static ObjectFields detail(ObjectFields call, ObjectFields details, String name) {
        return details != null && details.has(name) ? details : call;
    }

    /**
     * A bound on the conversation from the legs' on-call times, for records without
     * {@code ConversationDuration}: the conversation needs both legs on the call, so it lasted at most as long
     * as the shorter one. A single leg never reached anyone to talk to, so it gives no bound.
     */
    private static Double legsTalk(ObjectFields details) throws FieldException {
        if (details == null) {
            return null;
        }
        Double shortest = null;
        int legs = 0;
        for (ObjectFields item : details.objects("Legs")) {
            ObjectFields leg = item.object("Leg");
            Double onCall = (leg == null ? item : leg).nonNegative("OnCallDuration");
            if (onCall != null) {
                legs++;
                shortest = shortest == null ? onCall : Math.min(shortest, onCall);
            }
        }
        return legs >= 2 ? shortest : null;
    }

    private static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
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
