package io.callaudit.model;

import java.time.Instant;

/**
 * One call leg in the canonical shape every reader produces (DOMAIN.md, "Canonical call record").
 * Nullable components mean "the export did not say"; rules treat an unknown as not proving anything.
 *
 * @param talkSeconds active communication; when null the audit derives it from answer and end times
 * @param reachedAgent false when the caller never got past the IVR
 * @param source where the record was read, so every finding can point back to it
 * @param webhook the webhook envelope when the record came from a webhook stream, else null
 * @param lineRecording what the payload itself says of the line's recording switch (Aircall's
 *     {@code number.live_recording_activated}), null when it says nothing; the profile, when it speaks, wins
 * @param recordingAvailableBy when the provider says the recording will exist (Exotel's
 *     {@code RecordingAvailableBy}); before it a missing link is not yet a gap
 */
public record CallRecord(
        String id,
        Direction direction,
        CallStatus status,
        Instant startedAt,
        Instant endedAt,
        Instant answeredAt,
        Double talkSeconds,
        String numberId,
        String numberDigits,
        String userId,
        String userEmail,
        boolean sharedLine,
        String flowId,
        boolean reachedAgent,
        Boolean recordRequested,
        RecordingChannels recordingChannels,
        String recordingUrl,
        Double recordingSeconds,
        Instant recordingCreatedAt,
        boolean paused,
        Visibility visibility,
        String parentCallId,
        SourceRef source,
        WebhookEvent webhook,
        Boolean lineRecording,
        Instant recordingAvailableBy) {

    /** A recording exists upstream when the export carries a link to it. */
    public boolean hasRecording() {
        return recordingUrl != null && !recordingUrl.isBlank();
    }

    /** False while the call is still going on: the export has no end time yet. */
    public boolean ended() {
        return endedAt != null;
    }

    /**
     * Whole call length, ringing and IVR included: what downstream platforms compare to their minimum; zero
     * for a call that has not ended, whose length nobody knows yet.
     */
    public double durationSeconds() {
        return endedAt == null ? 0 : (endedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }

    /**
     * Active communication when the export says or implies it (talk time, or end minus answer), else null:
     * an answered call with neither proves nothing about its length.
     */
    public Double knownTalkSeconds() {
        if (talkSeconds != null || (answeredAt != null && endedAt != null)) {
            return effectiveTalkSeconds();
        }
        return null;
    }

    /**
     * Active communication: the export's talk time when it has one, else end minus answer, else zero for
     * a call nobody answered or that has not ended.
     */
    public double effectiveTalkSeconds() {
        if (talkSeconds != null) {
            return talkSeconds;
        }
        if (answeredAt != null && endedAt != null) {
            return Math.max(0, (endedAt.toEpochMilli() - answeredAt.toEpochMilli()) / 1000.0);
        }
        return 0;
    }

    /**
     * The same call as if it had no recording, to ask "would this call be recorded under that profile?"
     * whatever actually happened.
     */
    public CallRecord withoutRecording() {
        return new CallRecord(
                id,
                direction,
                status,
                startedAt,
                endedAt,
                answeredAt,
                talkSeconds,
                numberId,
                numberDigits,
                userId,
                userEmail,
                sharedLine,
                flowId,
                reachedAgent,
                recordRequested,
                recordingChannels,
                null,
                null,
                null,
                paused,
                visibility,
                parentCallId,
                source,
                webhook,
                lineRecording,
                recordingAvailableBy);
    }

    /** A builder, because readers fill a record field by field from loosely ordered input. */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable staging area for one record; readers reuse nothing across records. */
    public static final class Builder {
        private String id;
        private Direction direction;
        private CallStatus status;
        private Instant startedAt;
        private Instant endedAt;
        private Instant answeredAt;
        private Double talkSeconds;
        private String numberId;
        private String numberDigits;
        private String userId;
        private String userEmail;
        private boolean sharedLine;
        private String flowId;
        private boolean reachedAgent = true;
        private Boolean recordRequested;
        private RecordingChannels recordingChannels;
        private String recordingUrl;
        private Double recordingSeconds;
        private Instant recordingCreatedAt;
        private boolean paused;
        private Visibility visibility = Visibility.PUBLIC;
        private String parentCallId;
        private SourceRef source;
        private WebhookEvent webhook;
        private Boolean lineRecording;
        private Instant recordingAvailableBy;

        public Builder id(String v) {
            id = v;
            return this;
        }

        public Builder direction(Direction v) {
            direction = v;
            return this;
        }

        public Builder status(CallStatus v) {
            status = v;
            return this;
        }

        public Builder startedAt(Instant v) {
            startedAt = v;
            return this;
        }

        public Builder endedAt(Instant v) {
            endedAt = v;
            return this;
        }

        public Builder answeredAt(Instant v) {
            answeredAt = v;
            return this;
        }

        public Builder talkSeconds(Double v) {
            talkSeconds = v;
            return this;
        }

        public Builder numberId(String v) {
            numberId = v;
            return this;
        }

        public Builder numberDigits(String v) {
            numberDigits = v;
            return this;
        }

        public Builder userId(String v) {
            userId = v;
            return this;
        }

        public Builder userEmail(String v) {
            userEmail = v;
            return this;
        }

        public Builder sharedLine(boolean v) {
            sharedLine = v;
            return this;
        }

        public Builder flowId(String v) {
            flowId = v;
            return this;
        }

        public Builder reachedAgent(boolean v) {
            reachedAgent = v;
            return this;
        }

        public Builder recordRequested(Boolean v) {
            recordRequested = v;
            return this;
        }

        public Builder recordingChannels(RecordingChannels v) {
            recordingChannels = v;
            return this;
        }

        public Builder recordingUrl(String v) {
            recordingUrl = v;
            return this;
        }

        public Builder recordingSeconds(Double v) {
            recordingSeconds = v;
            return this;
        }

        public Builder recordingCreatedAt(Instant v) {
            recordingCreatedAt = v;
            return this;
        }

        public Builder paused(boolean v) {
            paused = v;
            return this;
        }

        public Builder visibility(Visibility v) {
            visibility = v;
            return this;
        }

        public Builder parentCallId(String v) {
            parentCallId = v;
            return this;
        }

        public Builder source(SourceRef v) {
            source = v;
            return this;
        }

        public Builder webhook(WebhookEvent v) {
            webhook = v;
            return this;
        }

        public Builder lineRecording(Boolean v) {
            lineRecording = v;
            return this;
        }

        public Builder recordingAvailableBy(Instant v) {
            recordingAvailableBy = v;
            return this;
        }

        public String id() {
            return id;
        }

        public Instant startedAt() {
            return startedAt;
        }

        public Instant endedAt() {
            return endedAt;
        }

        public CallStatus status() {
            return status;
        }

        public Instant answeredAt() {
            return answeredAt;
        }

        public CallRecord build() {
            return new CallRecord(
                    id,
                    direction,
                    status,
                    startedAt,
                    endedAt,
                    answeredAt,
                    talkSeconds,
                    numberId,
                    numberDigits,
                    userId,
                    userEmail,
                    sharedLine,
                    flowId,
                    reachedAgent,
                    recordRequested,
                    recordingChannels,
                    recordingUrl,
                    recordingSeconds,
                    recordingCreatedAt,
                    paused,
                    visibility,
                    parentCallId,
                    source,
                    webhook,
                    lineRecording,
                    recordingAvailableBy);
        }
    }
}
