package io.callaudit.ingest;

import static io.callaudit.ingest.Fixtures.call;
import static io.callaudit.ingest.Fixtures.path;
import static io.callaudit.ingest.Fixtures.readFixture;
import static io.callaudit.ingest.Fixtures.readStdin;
import static io.callaudit.ingest.Fixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.model.CallRecord;
import io.callaudit.model.CallStatus;
import io.callaudit.model.Direction;
import io.callaudit.model.ReadResult;
import io.callaudit.model.Rejection;
import io.callaudit.model.SourceRef;
import io.callaudit.model.Visibility;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CtmReaderTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void officialSampleEnvelopeReadsItsCall() {
        String file = path("ctm-page.json");
        List<ReadResult> results = readFixture("ctm-page.json");

        assertThat(results).hasSize(1);
        assertThat(call(results.get(0)))
                .isEqualTo(CallRecord.builder()
                        .id("1001")
                        // no status and no talk time, but a recording: CTM records only answered calls
                        .status(CallStatus.ANSWERED)
                        .startedAt(Instant.parse("2012-08-17T10:24:00Z"))
                        .answeredAt(Instant.parse("2012-08-17T10:24:00Z"))
                        .endedAt(Instant.parse("2012-08-17T10:24:36Z"))
                        .numberDigits("(ddd) ddd-dddd")
                        .sharedLine(false)
                        .reachedAgent(true)
                        .recordingUrl("https://example.com/url/to/audio")
                        .paused(false)
                        .visibility(Visibility.PUBLIC)
                        .source(new SourceRef(file, 3))
                        .build());
    }

    @Test
    void calledAtIsLocalToTheGivenZone() {
        CallRecord c = call(readFixture("ctm-page.json", NEW_YORK).get(0));

        assertThat(c.startedAt()).isEqualTo(Instant.parse("2012-08-17T14:24:00Z"));
        assertThat(c.endedAt()).isEqualTo(Instant.parse("2012-08-17T14:24:36Z"));
    }

    @Test
    void talkTimeZeroOnAnAnsweredCallIsKept() {
        CallRecord c = call(readFixture("ctm-calls.ndjson", NEW_YORK).get(0));

        assertThat(c.id()).isEqualTo("2001");
        assertThat(c.status()).isEqualTo(CallStatus.ANSWERED);
        assertThat(c.talkSeconds()).isEqualTo(0.0);
        assertThat(c.effectiveTalkSeconds()).isEqualTo(0.0);
        assertThat(c.startedAt()).isEqualTo(Instant.ofEpochSecond(1763460000));
        // rang for the whole 14 s
        assertThat(c.answeredAt()).isEqualTo(c.endedAt());
        assertThat(c.direction()).isEqualTo(Direction.INBOUND);
        assertThat(c.numberId()).isEqualTo("TPN100");
        assertThat(c.numberDigits()).isEqualTo("+1 410-555-0100");
        assertThat(c.hasRecording()).isFalse();
    }

    @Test
    void voicemailIsAnsweredByTheVoicemailAfterItsRingTime() {
        CallRecord c = call(readFixture("ctm-calls.ndjson", NEW_YORK).get(1));

        assertThat(c.id()).isEqualTo("2002");
        assertThat(c.status()).isEqualTo(CallStatus.VOICEMAIL);
        assertThat(c.direction()).isEqualTo(Direction.INBOUND);
        assertThat(c.answeredAt()).isEqualTo(Instant.ofEpochSecond(1763460620));
        assertThat(c.talkSeconds()).isEqualTo(25.0);
        assertThat(c.recordingUrl()).isEqualTo("https://app.calltrackingmetrics.com/calls/2002/audio.mp3");
    }

    @Test
    void unixTimeWinsOverCalledAt() {
        List<ReadResult> results = readFixture("ctm-calls.ndjson", NEW_YORK);
        CallRecord calledAtOnly = call(results.get(2));
        CallRecord both = call(results.get(3));

        assertThat(calledAtOnly.startedAt()).isEqualTo(Instant.parse("2012-08-17T14:24:00Z"));
        assertThat(both.startedAt()).isEqualTo(Instant.parse("2012-08-17T10:24:00Z"));
        assertThat(both.endedAt()).isEqualTo(Instant.parse("2012-08-17T10:24:36Z"));
        // neither a status, talk time nor audio: nobody answered
        assertThat(calledAtOnly.status()).isEqualTo(CallStatus.NO_ANSWER);
        assertThat(calledAtOnly.answeredAt()).isNull();
    }

    @Test
    void withoutAStatusTheTalkTimeDecides() {
        List<ReadResult> results = readFixture("ctm-calls.ndjson", NEW_YORK);
        CallRecord silent = call(results.get(4));
        CallRecord talked = call(results.get(5));

        assertThat(silent.status()).isEqualTo(CallStatus.NO_ANSWER);
        assertThat(silent.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(talked.status()).isEqualTo(CallStatus.ANSWERED);
        assertThat(talked.answeredAt()).isEqualTo(Instant.ofEpochSecond(1763461808));
        assertThat(talked.talkSeconds()).isEqualTo(164.0);
        assertThat(talked.userId()).isEqualTo("55");
        assertThat(talked.userEmail()).isEqualTo("dana@acme.example");
        assertThat(talked.numberId()).isEqualTo("101");
        assertThat(talked.parentCallId()).isEqualTo("2000");
    }

    @Test
    void everyStatusFieldAndSpellingIsRead() {
        List<ReadResult> results = readFixture("ctm-calls.ndjson", NEW_YORK);

        CallRecord dialStatus = call(results.get(6));
        assertThat(dialStatus.status()).isEqualTo(CallStatus.NO_ANSWER);
        assertThat(dialStatus.userId()).isEqualTo("56");
        assertThat(call(results.get(7)).status()).isEqualTo(CallStatus.NO_ANSWER);
        CallRecord completed = call(results.get(14));
        assertThat(completed.status()).isEqualTo(CallStatus.ANSWERED);
        // a ring time longer than the call cannot put the answer after the end
        assertThat(completed.answeredAt()).isEqualTo(completed.endedAt());
    }

    @Test
    void badRecordsAreRejectedNamingTheField() {
        String file = path("ctm-calls.ndjson");
        List<ReadResult> results = readFixture("ctm-calls.ndjson", NEW_YORK);

        assertThat(results).hasSize(15);
        // a call still ringing is not a bad record: it has not ended, and the audit reports it pending
        assertThat(call(results.get(8)).endedAt()).isNull();
        assertThat(call(results.get(8)).status()).isEqualTo(CallStatus.NO_ANSWER);
        assertThat(rejection(results.get(9)))
                .isEqualTo(new Rejection(new SourceRef(file, 10), "called_at", "required field missing"));
        assertThat(rejection(results.get(10)))
                .isEqualTo(new Rejection(
                        new SourceRef(file, 11), "direction", "not one of inbound | outbound: 'sideways'"));
    }

    @Test
    void calledAtInEveryAcceptedForm() {
        List<ReadResult> results = readFixture("ctm-calls.ndjson", NEW_YORK);

        assertThat(call(results.get(11)).startedAt()).isEqualTo(Instant.parse("2012-08-17T14:24:30Z"));
        assertThat(call(results.get(12)).startedAt()).isEqualTo(Instant.parse("2012-08-17T14:24:00Z"));
        List<ReadResult> twelveHour = readStdin("""
                {"id": 1, "called_at": "2012-08-17 10:24 PM", "duration": 1}
                {"id": 2, "called_at": "2012-08-17 12:05 am", "duration": 1}
                """, null);
        assertThat(call(twelveHour.get(0)).startedAt()).isEqualTo(Instant.parse("2012-08-17T22:24:00Z"));
        assertThat(call(twelveHour.get(1)).startedAt()).isEqualTo(Instant.parse("2012-08-17T00:05:00Z"));
    }

    @Test
    void numericStringsReadAsNumbers() {
        CallRecord c = call(readFixture("ctm-calls.ndjson", NEW_YORK).get(13));

        assertThat(c.startedAt()).isEqualTo(Instant.parse("2012-08-17T10:24:00Z"));
        assertThat(c.endedAt()).isEqualTo(Instant.parse("2012-08-17T10:24:36Z"));
        assertThat(c.status()).isEqualTo(CallStatus.ANSWERED);
        assertThat(c.answeredAt()).isEqualTo(Instant.parse("2012-08-17T10:24:24Z"));
    }

    @Test
    void csvExportReadsLikeJsonAndRejectsABadRowByField() {
        String file = path("ctm-calls.csv");
        List<ReadResult> results = readFixture("ctm-calls.csv", NEW_YORK);

        assertThat(results).hasSize(5);
        CallRecord answered = call(results.get(0));
        assertThat(answered.id()).isEqualTo("3001");
        assertThat(answered.source()).isEqualTo(new SourceRef(file, 2));
        assertThat(answered.startedAt()).isEqualTo(Instant.parse("2026-11-18T14:15:02Z"));
        assertThat(answered.endedAt()).isEqualTo(Instant.parse("2026-11-18T14:19:47Z"));
        assertThat(answered.answeredAt()).isEqualTo(Instant.parse("2026-11-18T14:15:12Z"));
        assertThat(answered.talkSeconds()).isEqualTo(270.0);
        assertThat(answered.userId()).isEqualTo("55");
        assertThat(answered.userEmail()).isEqualTo("dana@acme.example");
        assertThat(answered.numberId()).isEqualTo("TPN100");
        assertThat(answered.recordingUrl()).isEqualTo("https://app.calltrackingmetrics.com/calls/3001/audio.mp3");

        CallRecord noTalk = call(results.get(1));
        assertThat(noTalk.startedAt()).isEqualTo(Instant.parse("2026-11-18T15:24:00Z"));
        assertThat(noTalk.talkSeconds()).isEqualTo(0.0);
        assertThat(noTalk.hasRecording()).isFalse();

        assertThat(call(results.get(2)).status()).isEqualTo(CallStatus.VOICEMAIL);
        assertThat(rejection(results.get(3)))
                .isEqualTo(new Rejection(new SourceRef(file, 5), "talk_time", "not a number: 'n/a'"));
        CallRecord bare = call(results.get(4));
        assertThat(bare.status()).isEqualTo(CallStatus.NO_ANSWER);
        assertThat(bare.direction()).isNull();
    }

    @Test
    void agentNamedInACsvCellIsIgnored() {
        List<ReadResult> results = readStdin("""
                id,called_at,duration,tracking_number,agent,agent_email
                1,2026-11-18 10:00:00,60,+1 410-555-0100,Dana,dana@acme.example
                """, null);

        assertThat(call(results.get(0)).userEmail()).isEqualTo("dana@acme.example");
        assertThat(call(results.get(0)).userId()).isNull();
    }

    @Test
    void webhookBodiesAreUnwrappedAndNonCallEventsNamed() {
        List<ReadResult> results = readStdin("""
                {"event":"call.completed","call":{"id":1,"called_at":"2026-10-07 10:26 AM -04:00","duration":60,"talk_time":50,"tracking_number":"+15550100000","audio":"https://ctm.example/r/1"}}
                {"event":"text.received","call":{"id":2,"called_at":"2026-10-07 10:30 AM -04:00","duration":0,"tracking_number":"+15550100000"}}
                """, null);
        CallRecord call = call(results.get(0));
        assertThat(call.id()).isEqualTo("1");
        assertThat(call.startedAt()).isEqualTo(Instant.parse("2026-10-07T14:26:00Z"));
        assertThat(call.hasRecording()).isTrue();
        assertThat(rejection(results.get(1)))
                .isEqualTo(new Rejection(new SourceRef("-", 2), "event", "not a call event: 'text.received'"));
    }
}
