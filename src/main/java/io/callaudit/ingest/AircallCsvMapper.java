package io.callaudit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.callaudit.model.CallRecord;
import io.callaudit.model.CallStatus;
import io.callaudit.model.Direction;
import io.callaudit.model.SourceRef;
import io.callaudit.model.Visibility;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the CSV export of Aircall's dashboard (Call History / Analytics+), whose columns are named as Aircall's
 * help centre names the call fields ("Analytics: Call attributes"; src/test/resources/corpus/aircall/SOURCES.md):
 * {@code Call ID (internal)}, {@code Call direction}, {@code Call type}, {@code Answered},
 * {@code Unanswered Call Reason}, and a time in two columns, UTC and the account's local time. The dashboard's
 * column names live here and nowhere else.
 *
 * <p>The UTC column wins; a local one is read in the zone given to the reader (the profile's {@code timezone}).
 * A duration is seconds or {@code hh:mm:ss}, as the dashboard shows it.
 */
final class AircallCsvMapper implements RecordMapper {

    static final String ID = "Call ID (internal)";
    private static final String DIRECTION = "Call direction";
    private static final String TYPE = "Call type";
    private static final String ANSWERED = "Answered";
    private static final String REASON = "Unanswered Call Reason";
    private static final List<String> STARTED_UTC = List.of("Start time (UTC)", "Started at (UTC)");
    private static final List<String> STARTED_LOCAL = List.of("Start time (local)", "Started at (local)");
    private static final List<String> ANSWERED_UTC = List.of("Answer time (UTC)", "Answered at (UTC)");
    private static final List<String> ANSWERED_LOCAL = List.of("Answer time (local)", "Answered at (local)");
    private static final List<String> ENDED_UTC = List.of("End time (UTC)", "Ended at (UTC)");
    private static final List<String> ENDED_LOCAL = List.of("End time (local)", "Ended at (local)");
    private static final String TOTAL = "Total duration";
    private static final String IN_CALL = "In-call duration";
    private static final String RECORDING = "Recording";
    private static final String VOICEMAIL = "Voicemail";
    private static final String NUMBER = "Number";
    private static final String USER_EMAIL = "User email";

    /** Columns the header needs to be told an Aircall dashboard export: the call's id and what kind it was. */
    static final Set<String> CSV_REQUIRED = Set.of(ID, DIRECTION);

    /** The dashboard's columns detection weighs. */
    static final Set<String> VOCABULARY = Set.of(
            ID,
            "Call ID (UUID)",
            DIRECTION,
            TYPE,
            "Call direction - Type",
            ANSWERED,
            REASON,
            "Start time (UTC)",
            "Start time (local)",
            "Answer time (UTC)",
            "End time (UTC)",
            TOTAL,
            IN_CALL,
            RECORDING,
            VOICEMAIL,
            NUMBER,
            "Number name",
            "User name",
            USER_EMAIL,
            "Team");

    private static final Map<String, Direction> DIRECTIONS = Map.of(
            "inbound", Direction.INBOUND,
            "outbound", Direction.OUTBOUND);

    /** The inbound outcomes of {@code Call type}; an outbound call's type is just "Outbound". */
    private static final Map<String, CallStatus> TYPES = Map.of(
            "answered", CallStatus.ANSWERED,
            "abandoned", CallStatus.ABANDONED,
            "out of business hours", CallStatus.MISSED,
            "voicemail", CallStatus.VOICEMAIL,
            "missed", CallStatus.MISSED,
            "ai call", CallStatus.ANSWERED,
            "outbound", CallStatus.ANSWERED);

    private static final Pattern CLOCK = Pattern.compile("(\\d{1,9}):(\\d{1,2}):(\\d{1,2})");

    private final ZoneId zone;

    /** @param zone the zone the export's local-time columns are read in */
    AircallCsvMapper(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public CallRecord map(JsonNode record, SourceRef source) throws FieldException {
        ObjectFields row = ObjectFields.root(record);
        String id = row.requiredId(ID);
        Direction direction = row.word(DIRECTION, DIRECTIONS, "Inbound | Outbound");
        Instant started = time(row, STARTED_UTC, STARTED_LOCAL);
        if (started == null) {
            throw FieldException.missing(STARTED_UTC.get(0));
        }
        Instant answeredAt = time(row, ANSWERED_UTC, ANSWERED_LOCAL);
        Instant ended = time(row, ENDED_UTC, ENDED_LOCAL);
        if (ended == null) {
            Double total = seconds(row, TOTAL);
            if (total == null) {
                throw FieldException.missing(ENDED_UTC.get(0));
            }
            ended = started.plusMillis(Math.round(total * 1000));
        }
        if (ended.isBefore(started)) {
            throw new FieldException(ENDED_UTC.get(0), "before the start (" + ended + " < " + started + ")");
        }
        CallStatus status = status(row, answeredAt);
        Double talk = seconds(row, IN_CALL);
        if (status == CallStatus.ANSWERED && answeredAt == null) {
            answeredAt = talk == null ? started : latestOf(started, ended.minusMillis(Math.round(talk * 1000)));
        }
        String reason = row.text(REASON);
        String recording = row.text(RECORDING);
        if (recording == null && status == CallStatus.VOICEMAIL) {
            recording = row.text(VOICEMAIL);
        }
        return CallRecord.builder()
                .id(id)
                .direction(direction)
                .status(status)
                .startedAt(started)
                .answeredAt(status == CallStatus.ANSWERED ? answeredAt : null)
                .endedAt(ended)
                .talkSeconds(talk)
                .numberDigits(row.id(NUMBER))
                .userEmail(row.text(USER_EMAIL))
                .sharedLine(false)
                .reachedAgent(!"abandoned_in_ivr".equalsIgnoreCase(reason))
                .recordingUrl(recording)
                .paused(false)
                .visibility(Visibility.PUBLIC)
                .source(source)
                .build();
    }

    /** Whether a CSV header is the dashboard's export. */
    static boolean looksLikeHeader(List<String> columns) {
        return columns.containsAll(CSV_REQUIRED) && FieldVocabulary.count(columns, VOCABULARY) >= 3;
    }

    private CallStatus status(ObjectFields row, Instant answeredAt) throws FieldException {
        String type = row.text(TYPE);
        if (type != null) {
            CallStatus s = row.word(
                    TYPE,
                    TYPES,
                    "Answered | Abandoned | Out of business hours | Voicemail | " + "Missed | AI Call | Outbound");
            if (!type.equalsIgnoreCase("outbound")) {
                return s;
            }
        }
        String answered = row.text(ANSWERED);
        if (answered != null) {
            return answered.equalsIgnoreCase("yes") || answered.equalsIgnoreCase("true")
                    ? CallStatus.ANSWERED
                    : CallStatus.NO_ANSWER;
        }
        return answeredAt != null ? CallStatus.ANSWERED : CallStatus.MISSED;
    }

    private Instant time(ObjectFields row, List<String> utc, List<String> local) throws FieldException {
        for (String column : utc) {
            Instant t = row.localTime(column, ZoneOffset.UTC);
            if (t != null) {
                return t;
            }
        }
        for (String column : local) {
            Instant t = row.localTime(column, zone);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** Seconds, or the dashboard's {@code hh:mm:ss}. */
    private static Double seconds(ObjectFields row, String column) throws FieldException {
        String text = row.text(column);
        if (text == null) {
            return null;
        }
        Matcher m = CLOCK.matcher(text);
        if (m.matches()) {
            return row.seconds(
                    column,
                    Double.valueOf(Long.parseLong(m.group(1)) * 3600
                            + Long.parseLong(m.group(2)) * 60
                            + Long.parseLong(m.group(3))));
        }
        return row.nonNegative(column);
    }

    private static Instant latestOf(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
