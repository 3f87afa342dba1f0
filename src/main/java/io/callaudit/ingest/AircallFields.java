package io.callaudit.ingest;

import io.callaudit.model.CallRecord;
import io.callaudit.model.CallStatus;
import io.callaudit.model.Direction;
import io.callaudit.model.SourceRef;
import io.callaudit.model.Visibility;
import io.callaudit.model.WebhookEvent;
import java.time.Instant;
import java.util.Set;

/**
 * The values of one Aircall call object that the audit uses, already validated. Both ways of reading Aircall
 * fill it (the JSON tree of {@link AircallMapper} and the byte-level {@link AircallLineScanner}), so what a call
 * object means is decided once, in {@link #toCall}, whichever path read it.
 */
final class AircallFields {

    /** Reasons meaning the caller hung up before anyone could answer, rather than nobody answering. */
    private static final Set<String> ABANDONED = Set.of("abandoned_in_ivr", "short_abandoned", "abandoned_in_classic");

    /** What an {@code asset} URL holds when it is the recording's page, or the voicemail's. */
    static final String RECORDING_PAGE = "/recording";

    static final String VOICEMAIL_PAGE = "/voicemail";

    /** Aircall's webhook event for a voicemail, whatever the other events of the call say. */
    private static final String VOICEMAIL_LEFT = "call.voicemail_left";

    String id;
    Direction direction;
    Instant started;
    Instant answered;
    Instant ended;
    String missedReason;
    /** {@code voicemail}, else {@code voicemail_short_url}. */
    String voicemail;

    String asset;
    String recording;
    String recordingShortUrl;
    String numberId;
    /** {@code number.digits}, else {@code number.e164_digits}. */
    String numberDigits;

    boolean hasUser;
    String userId;
    String userEmail;
    /** Whether {@code teams} is a non-empty array; only consulted when there is no user. */
    boolean teamsAssigned;
    /** {@code number.live_recording_activated}: the line's recording switch as the payload says it. */
    Boolean lineRecording;

    /**
     * Aircall has no "missed" status: the outcome is inferred from {@code answered_at}, the voicemail fields
     * ({@link #voicemailLeft}) and {@code missed_call_reason}. A call with no agent but teams assigned rang a team line, which ingestion
     * treats as shared.
     */
    CallRecord toCall(SourceRef source, WebhookEvent event) {
        CallStatus status = answered != null
                ? CallStatus.ANSWERED
                : voicemailLeft(event)
                        ? CallStatus.VOICEMAIL
                        : missedReason != null && ABANDONED.contains(missedReason)
                                ? CallStatus.ABANDONED
                                : CallStatus.MISSED;
        return CallRecord.builder()
                .id(id)
                .direction(direction)
                .status(status)
                .startedAt(started)
                .answeredAt(answered)
                .endedAt(ended)
                .reachedAgent(!"abandoned_in_ivr".equals(missedReason))
                .recordingUrl(recordingUrl(status))
                .visibility(Visibility.PUBLIC)
                .paused(false)
                .source(source)
                .webhook(event)
                .numberId(numberId)
                .numberDigits(numberDigits)
                .userId(userId)
                .userEmail(userEmail)
                .sharedLine(!hasUser && teamsAssigned)
                .lineRecording(lineRecording)
                .build();
    }

    /**
     * Whether the caller reached the voicemail, in Aircall's own words: a voicemail link, an {@code asset}
     * page that is the voicemail's ({@code assets.aircall.io/voicemail/:id}, or {@code .../calls/:id/voicemail}
     * as real payloads show it), or a {@code call.voicemail_left} event. A voicemail shorter than 5 s leaves
     * no audio, hence no link (seed 000 §2, "Important"), yet it was a voicemail, not a missed call: the asset
     * or the event still says so, and {@code gap.short-voicemail} can give the reason.
     */
    private boolean voicemailLeft(WebhookEvent event) {
        return voicemail != null
                || (asset != null && asset.contains(VOICEMAIL_PAGE))
                || (event != null && VOICEMAIL_LEFT.equals(event.name()));
    }

    /**
     * The live recording in any of its three links; {@code asset} only when it is the recording's page (it
     * may be the voicemail's). A voicemail is the audio of a voicemail call, so it counts as its recording.
     */
    private String recordingUrl(CallStatus status) {
        String link = AircallMapper.first(
                recording, recordingShortUrl, asset != null && asset.contains(RECORDING_PAGE) ? asset : null);
        if (link == null && status == CallStatus.VOICEMAIL) {
            return voicemail;
        }
        return link;
    }
}
