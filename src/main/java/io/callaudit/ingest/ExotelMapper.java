package io.callaudit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callaudit.model.CallRecord;
import io.callaudit.model.CallStatus;
import io.callaudit.model.Direction;
import io.callaudit.model.RecordingChannels;
import io.callaudit.model.SourceRef;
import io.callaudit.model.Visibility;
import io.callaudit.model.WebhookEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Exotel call data (shared/research/vendor-formats.md §2, src/test/resources/corpus/exotel/SOURCES.md):
 * the v1 {@code {"Call":{...}}} object (JSON, or XML through {@link XmlReader}), the calls of a bulk
 * {@code {"Metadata":{...},"Calls":[...]}} response, bare call objects, StatusCallback bodies ({@code CallSid},
 * top-level {@code ConversationDuration} and {@code Legs[]}), the query parameters Exotel's Passthru and
 * Connect applets send ({@code CallSid}, {@code CallType}, {@code DialCallStatus}, {@code Created}), and the
 * dashboard's CSV report ({@code Id}, {@code RecordingUrls}, {@code Leg1Status}, ...). Unknown keys are
 * ignored: this is the vendor's format, not ours. Exotel's field names live here and nowhere else.
 *
 * <p>Exotel writes times as {@code YYYY-MM-DD HH:mm:ss} without an offset; they are read in the zone given to
 * the reader: the profile's {@code timezone}, else India time, Exotel's default. {@code EndTime} before 1971
 * ({@code 1970-01-01 05:30:00}, the applets' "not known yet") reads as unknown.
 *
 * <p>A call not over yet ({@code queued}, {@code ringing}, {@code in-progress}, a StatusCallback's
 * {@code answered} event) is read with no end, for the audit to report as pending. Callback and applet
 * requests carry a webhook envelope, so the several requests of one call collapse to the latest.
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

    /**
     * None by name: the API's export calls the id {@code Sid}, the dashboard's report {@code Id}. Detection has
     * checked the header already, and a row without an id or a time is rejected with the field it lacks.
     */
    static final Set<String> CSV_REQUIRED = Set.of();

    /**
     * Every field name of Exotel's call data that detection weighs: call details, StatusCallback, applet
     * parameters and the dashboard report. PascalCase throughout, which no other vendor writes.
     */
    static final Set<String> VOCABULARY = Set.of(
            "Sid",
            "CallSid",
            "Id",
            "ParentCallSid",
            "AccountSid",
            "DateCreated",
            "DateUpdated",
            "Created",
            "CurrentTime",
            "StartTime",
            "EndTime",
            "Duration",
            "Price",
            "Direction",
            "Status",
            "CallStatus",
            "DialCallStatus",
            "DialCallDuration",
            "CallType",
            "EventType",
            "AnsweredBy",
            "From",
            "To",
            "CallFrom",
            "CallTo",
            "CallerId",
            "PhoneNumberSid",
            "PhoneNumber",
            "DialWhomNumber",
            "RecordingUrl",
            "PreSignedRecordingUrl",
            "RecordingUrls",
            "ConversationDuration",
            "Details",
            "Legs",
            "Leg1Status",
            "Leg2Status",
            "DisconnectedBy",
            "AppName",
            "AppId",
            "FlowId",
            "CustomField",
            "Metadata",
            "Calls",
            "Call");

    /** The call id: call details, callbacks and applets, the dashboard report. */
    private static final List<String> ID_FIELDS = List.of("Sid", "CallSid", "Id");

    /** The call's start: call details, bulk rows without it, applet requests. */
    private static final List<String> START_FIELDS = List.of("StartTime", "DateCreated", "Created");

    /**
     * The outcome, most telling first: the applets' {@code CallType} sums up the whole call, {@code Status}
     * is the API's, {@code CallStatus} the stage an applet request was made at.
     */
    private static final List<String> STATUS_FIELDS = List.of("CallType", "Status", "CallStatus");

    private static final List<String> RECORDING_FIELDS =
            List.of("RecordingUrl", "PreSignedRecordingUrl", "RecordingUrls");

    /** Words of a call that has ended, from the API, the callbacks and the applets' {@code CallType}. */
    private static final Map<String, CallStatus> STATUSES = Map.ofEntries(
            Map.entry("completed", CallStatus.ANSWERED),
            Map.entry("busy", CallStatus.BUSY),
            Map.entry("failed", CallStatus.FAILED),
            Map.entry("no-answer", CallStatus.NO_ANSWER),
            Map.entry("canceled", CallStatus.ABANDONED),
            Map.entry("cancelled", CallStatus.ABANDONED),
            Map.entry("call-attempt", CallStatus.ANSWERED),
            Map.entry("client-hangup", CallStatus.ABANDONED),
            Map.entry("incomplete", CallStatus.NO_ANSWER),
            Map.entry("voicemail", CallStatus.VOICEMAIL));

    /** Words of a call still going on, with the status as far as it is known. */
    private static final Map<String, CallStatus> ONGOING = Map.of(
            "queued", CallStatus.NO_ANSWER,
            "ringing", CallStatus.NO_ANSWER,
            "in-progress", CallStatus.ANSWERED);

    private static final String STATUS_WORDS = "completed | busy | failed | no-answer | canceled | queued | "
            + "ringing | in-progress, or a CallType (call-attempt | client-hangup | incomplete | voicemail)";

    private static final Map<String, Direction> DIRECTIONS = Map.of(
            "inbound", Direction.INBOUND,
            "incoming", Direction.INBOUND,
            "outbound-api", Direction.OUTBOUND,
            "outbound-dial", Direction.OUTBOUND,
            "outbound", Direction.OUTBOUND,
            "outgoing", Direction.OUTBOUND);

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
        } else if (firstPresent(call, ID_FIELDS) == null) {
            if (record.has("Call")) {
                throw new FieldException("Call", "not an object", ObjectFields.quote(record.get("Call")));
            }
            if (record.has(PAGE_KEY) || record.has("Metadata")) {
                throw new FieldException(
                        PAGE_KEY,
                        record.path(PAGE_KEY).isArray()
                                ? "a page of calls nested inside another value: pages must be top-level values"
                                : "a bulk response's Calls must be an array of call objects");
            }
        }

        String idField = firstPresent(call, ID_FIELDS);
        String id = call.requiredId(idField == null ? "Sid" : idField);
        // Before the times: a call in progress has no end yet, and that is the thing to say about it.
        String statusField = firstPresent(call, STATUS_FIELDS);
        if (statusField == null) {
            throw FieldException.missing("Status");
        }
        String statusWord = call.text(statusField).toLowerCase(Locale.ROOT);
        boolean ongoing = ONGOING.containsKey(statusWord) || "answered".equalsIgnoreCase(call.scalarText("EventType"));
        CallStatus status = ongoing
                ? ONGOING.getOrDefault(statusWord, CallStatus.ANSWERED)
                : call.word(statusField, STATUSES, STATUS_WORDS);

        Instant started = started(call);
        Instant ended = ongoing ? null : endedAt(call, started);
        Direction direction = direction(call);

        ObjectFields details = call.object("Details");
        Double talk = detail(call, details, "ConversationDuration").nonNegative("ConversationDuration");
        Double talkBound = talk != null ? talk : legsTalk(details != null ? details : call);
        Instant answered = null;
        if (status == CallStatus.ANSWERED && ended != null) {
            // Completed means answered; without a conversation length the answer time is unknown, and the
            // start is the bound that never makes a long call look short.
            answered = talkBound == null ? started : latest(started, ended.minusMillis(millis(talkBound)));
        }

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
                .flowId(first(call.id("FlowId"), call.id("AppId"), call.id("flow_id")))
                .reachedAgent(reachedAgent(call, details, status, statusWord, direction))
                .recordRequested(call.bool("Record"))
                .recordingChannels(channels(call))
                .recordingUrl(recordingUrl(call))
                .recordingCreatedAt(call.localTime("RecordingCreatedAt", zone))
                .paused(false)
                .visibility(Visibility.PUBLIC)
                .parentCallId(call.id("ParentCallSid"))
                .source(source)
                .webhook(request(call))
                .build();
    }

    /** Whether {@code record} carries Exotel's field names, for content detection. */
    static boolean looksLike(JsonNode record) {
        return vocabularyScore(record) > 0
                && (firstPresent(record, ID_FIELDS) != null
                        || record.path("Call").isObject()
                        || record.has(PAGE_KEY)
                        || record.has("Metadata"));
    }

    /** How many of Exotel's field names the record (or its {@code Call}) uses. */
    static int vocabularyScore(JsonNode record) {
        JsonNode call = isWrapper(record) ? record.get("Call") : record;
        return FieldVocabulary.count(call, VOCABULARY) + (call == record ? 0 : 1);
    }

    /** Whether a CSV header is an Exotel export: a call id and one of Exotel's times or statuses. */
    static boolean looksLikeHeader(List<String> columns) {
        boolean id = columns.contains("Sid") || columns.contains("CallSid") || columns.contains("Id");
        boolean time = columns.contains("StartTime") || columns.contains("DateCreated");
        return id && time && FieldVocabulary.count(columns, VOCABULARY) >= 3;
    }

    /** {@code GET /v1/Accounts/<sid>/Calls/<CallSid>.json} answers {@code {"Call":{...}}}. */
    private static boolean isWrapper(JsonNode record) {
        return record.path("Call").isObject() && firstPresent(record, ID_FIELDS) == null;
    }

    private static String firstPresent(JsonNode record, List<String> fields) {
        for (String f : fields) {
            JsonNode v = record.get(f);
            if (v != null && !v.isNull() && !(v.isTextual() && v.asText().isBlank())) {
                return f;
            }
        }
        return null;
    }

    private static String firstPresent(ObjectFields call, List<String> fields) throws FieldException {
        for (String f : fields) {
            if (call.scalarText(f) != null) {
                return f;
            }
        }
        return null;
    }

    /** {@code StartTime}; bulk rows may carry only {@code DateCreated}, applet requests {@code Created}. */
    private Instant started(ObjectFields call) throws FieldException {
        for (String field : START_FIELDS) {
            Instant t = call.localTimeOrUnknown(field, zone);
            if (t != null) {
                return t;
            }
        }
        if (call.scalarText("CallSid") != null && call.scalarText("DateUpdated") != null) {
            // StatusCallback's default payload: CallSid, DateUpdated, Status, RecordingUrl, and no call times.
            throw new FieldException(
                    "StartTime",
                    "a StatusCallback without call times: pass "
                            + "StatusCallbackEvents=terminal to get them, or audit the call details instead");
        }
        throw FieldException.missing("StartTime");
    }

    /**
     * {@code EndTime}, or {@code StartTime + Duration} when Exotel has not filled it in yet (it does so
     * asynchronously). The documented example has a {@code Duration} (17 s) shorter than
     * {@code EndTime - StartTime} (77 s), so the end time wins whenever there is one. An applet request knows
     * only {@code DialCallDuration}, the second leg's time from dialling to hang-up: the call lasted at least
     * that long after it started.
     */
    private Instant endedAt(ObjectFields call, Instant started) throws FieldException {
        Instant ended = call.localTimeOrUnknown("EndTime", zone);
        if (ended == null) {
            Double duration = call.nonNegative("Duration");
            if (duration == null) {
                duration = call.nonNegative("DialCallDuration");
            }
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
        return call.word("Direction", DIRECTIONS, "inbound | incoming | outbound-api | outbound-dial");
    }

    /**
     * A StatusCallback or applet request (keyed {@code CallSid}) is one of several about the call: the envelope
     * lets the latest win. Its time is when Exotel sent it, if the request says, else reading order decides.
     */
    private WebhookEvent request(ObjectFields call) throws FieldException {
        if (call.scalarText("CallSid") == null) {
            return null;
        }
        Instant sent = call.localTimeOrUnknown("CurrentTime", zone);
        if (sent == null) {
            sent = call.localTimeOrUnknown("DateUpdated", zone);
        }
        String kind = call.scalarText("EventType") != null
                ? "status-callback." + call.scalarText("EventType")
                : call.has("DateUpdated") ? "status-callback" : "applet";
        return new WebhookEvent("exotel." + kind.toLowerCase(Locale.ROOT), sent == null ? 0 : sent.getEpochSecond());
    }

    /**
     * The line the call went through. {@code To} ({@code CallTo} in applet requests) is the ExoPhone only on
     * inbound calls: on the Connect API's outbound calls {@code From} is the agent, {@code To} the customer and
     * {@code CallerId} the ExoPhone.
     */
    private static String exoPhone(ObjectFields call, Direction direction) throws FieldException {
        String digits = call.id("PhoneNumber");
        if (digits != null) {
            return digits;
        }
        if (direction == Direction.INBOUND) {
            return first(call.id("To"), call.id("CallTo"));
        }
        return direction == Direction.OUTBOUND ? call.id("CallerId") : null;
    }

    /**
     * An explicit {@code ReachedAgent} wins. An applet's {@code call-attempt} ended in the IVR. Otherwise an
     * inbound call that completed while its second leg (the agent the flow dialled: {@code Leg2Status}, or an
     * applet's {@code DialCallStatus}) did not complete ended in the IVR.
     */
    private static boolean reachedAgent(
            ObjectFields call, ObjectFields details, CallStatus status, String statusWord, Direction direction)
            throws FieldException {
        Boolean explicit = call.bool("ReachedAgent");
        if (explicit != null) {
            return explicit;
        }
        if ("call-attempt".equals(statusWord)) {
            return false;
        }
        if (status == CallStatus.ANSWERED && direction == Direction.INBOUND) {
            String agentLeg =
                    first(detail(call, details, "Leg2Status").text("Leg2Status"), call.text("DialCallStatus"));
            return agentLeg == null || agentLeg.equalsIgnoreCase("completed");
        }
        return true;
    }

    private static RecordingChannels channels(ObjectFields call) throws FieldException {
        return call.word("RecordingChannels", CHANNELS, "single | mono | dual");
    }

    /** The first link; the dashboard report lists a call's recordings in one cell. */
    private static String recordingUrl(ObjectFields call) throws FieldException {
        for (String field : RECORDING_FIELDS) {
            String text = call.text(field);
            if (text != null) {
                for (String part : text.split("[\\s,;|]+")) {
                    if (!part.isEmpty()) {
                        return part;
                    }
                }
            }
        }
        return null;
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
     * as the shorter one. A single leg never reached anyone to talk to, so it gives no bound. The call details
     * wrap each leg as {@code {"Leg":{...}}}, the StatusCallback does not.
     */
    private static Double legsTalk(ObjectFields holder) throws FieldException {
        Double shortest = null;
        int legs = 0;
        for (ObjectFields item : holder.objects("Legs")) {
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
