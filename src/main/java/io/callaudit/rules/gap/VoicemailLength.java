package io.callaudit.rules.gap;

import io.callaudit.model.CallRecord;

/**
 * How long a voicemail lasted. Voicemails have no agent answer time, so when the export gives no talk or
 * recording length the whole call is the best bound we have.
 */
final class VoicemailLength {

    private VoicemailLength() {}

    static double of(CallRecord call) {
        if (call.recordingSeconds() != null) {
            return call.recordingSeconds();
        }
        if (call.talkSeconds() != null || call.answeredAt() != null) {
            return call.effectiveTalkSeconds();
        }
        return call.durationSeconds();
    }
}
