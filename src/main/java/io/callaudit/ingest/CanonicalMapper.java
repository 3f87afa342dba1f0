package io.callaudit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.callaudit.model.CallRecord;
import io.callaudit.model.CallStatus;
import io.callaudit.model.Direction;
import io.callaudit.model.RecordingChannels;
import io.callaudit.model.SourceRef;
import io.callaudit.model.Visibility;
import io.callaudit.model.WireEnum;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the canonical call record of DOMAIN.md, field for field. Unlike the vendor mappers it refuses unknown
 * keys: canonical is our own format, so an unknown key is a typo, and ignoring it would silently drop the
 * value it was meant to carry.
 */
final class CanonicalMapper implements RecordMapper {

    /** In the order of the contract's table, which is also the order a CSV export should use. */
    static final List<String> FIELDS = List.of(
            "id",
            "direction",
            "status",
            "started_at",
            "ended_at",
            "answered_at",
            "talk_seconds",
            "number_id",
            "number_digits",
            "user_id",
            "user_email",
            "shared_line",
            "flow_id",
            "reached_agent",
            "record_requested",
            "recording_channels",
            "recording_url",
            "recording_seconds",
            "recording_created_at",
            "paused",
            "visibility",
            "parent_call_id",
            "line_recording");

    static final Set<String> REQUIRED = Set.of("id", "started_at", "ended_at");

    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    @Override
    public CallRecord map(JsonNode record, SourceRef source) throws FieldException {
        ObjectFields r = ObjectFields.root(record);
        for (Iterator<String> names = r.names(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                throw new FieldException(name, "unknown field '" + name + "'");
            }
        }
        String id = r.requiredId("id");
        Instant started = r.requiredRfc3339("started_at");
        Instant ended = r.requiredRfc3339("ended_at");
        if (ended.isBefore(started)) {
            throw new FieldException("ended_at", "before started_at (" + ended + " < " + started + ")");
        }
        Visibility visibility = r.choice("visibility", Visibility.class);
        return CallRecord.builder()
                .id(id)
                .direction(r.choice("direction", Direction.class))
                .status(r.choice("status", CallStatus.class))
                .startedAt(started)
                .endedAt(ended)
                .answeredAt(r.rfc3339("answered_at"))
                .talkSeconds(r.nonNegative("talk_seconds"))
                .numberId(r.id("number_id"))
                .numberDigits(r.id("number_digits"))
                .userId(r.id("user_id"))
                .userEmail(r.text("user_email"))
                .sharedLine(r.bool("shared_line", false))
                .flowId(r.id("flow_id"))
                .reachedAgent(r.bool("reached_agent", true))
                .recordRequested(r.bool("record_requested"))
                .recordingChannels(r.choice("recording_channels", RecordingChannels.class))
                .recordingUrl(r.text("recording_url"))
                .recordingSeconds(r.nonNegative("recording_seconds"))
                .recordingCreatedAt(r.rfc3339("recording_created_at"))
                .paused(r.bool("paused", false))
                .visibility(visibility == null ? Visibility.PUBLIC : visibility)
                .parentCallId(r.id("parent_call_id"))
                .lineRecording(r.bool("line_recording"))
                .source(source)
                .build();
    }

    /** Whether a CSV header is a canonical export's: it names the columns that identify a call and place it. */
    static boolean looksLikeHeader(List<String> columns) {
        return columns.contains("id") && columns.contains("started_at");
    }

    /**
     * Whether {@code record} looks like a canonical record, for content detection: a string start time and
     * either a canonical status or nothing but canonical keys.
     */
    static boolean looksLike(JsonNode record) {
        if (!record.isObject() || !record.path("started_at").isTextual()) {
            return false;
        }
        if (record.path("status").isTextual()
                && WireEnum.parse(CallStatus.class, record.get("status").asText()) != null) {
            return true;
        }
        for (Iterator<String> names = record.fieldNames(); names.hasNext(); ) {
            if (!KNOWN.contains(names.next())) {
                return false;
            }
        }
        return true;
    }
}
