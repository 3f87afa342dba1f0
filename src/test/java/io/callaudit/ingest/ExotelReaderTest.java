package io.callaudit.ingest;

import static io.callaudit.ingest.Fixtures.call;
import static io.callaudit.ingest.Fixtures.path;
import static io.callaudit.ingest.Fixtures.readFixture;
import static io.callaudit.ingest.Fixtures.readStdin;
import static io.callaudit.ingest.Fixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callaudit.model.CallRecord;
import io.callaudit.model.CallStatus;
import io.callaudit.model.Direction;
import io.callaudit.model.ReadResult;
import io.callaudit.model.RecordingChannels;
import io.callaudit.model.Rejection;
import io.callaudit.model.SourceRef;
import io.callaudit.model.Visibility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExotelReaderTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Test
    void officialV1ExampleReadsEveryDocumentedField() {
        String file = path("exotel-v1-call.json");
        List<ReadResult> results = readFixture("exotel-v1-call.json");

        assertThat(results).hasSize(1);
        CallRecord c = call(results.get(0));
        assertThat(c)
                .isEqualTo(CallRecord.builder()
                        .id("b6cfaf5f5cef3ca0fc937749ef96d245")
                        .direction(Direction.OUTBOUND)
                        .status(CallStatus.ANSWERED)
                        .startedAt(Instant.parse("2017-03-03T10:48:33Z"))
                        .endedAt(Instant.parse("2017-03-03T10:49:50Z"))
                        // the conversation (8 s) ended with the call: it began 8 s before the end
                        .answeredAt(Instant.parse("2017-03-03T10:49:42Z"))
                        .talkSeconds(8.0)
                        .numberId("0XXXXXX4890")
                        .sharedLine(false)
                        .reachedAgent(true)
                        .recordingUrl("https://s3-ap-southeast-1.amazonaws.com/.../recording.mp3")
                        // no RecordingCreatedAt: the record's last update stands in for the link's issue time
                        .paused(false)
                        .visibility(Visibility.PUBLIC)
                        .source(new SourceRef(file, 1))
                        .build());
        // outbound-api: From is the agent and To the customer, neither is the ExoPhone
        assertThat(c.numberDigits()).isNull();
        assertThat(c.parentCallId()).isNull();
        assertThat(c.effectiveTalkSeconds()).isEqualTo(8.0);
    }

    @Test
    void zonelessTimesAreReadInTheGivenZone() {
        CallRecord c = call(readFixture("exotel-v1-call.json", KOLKATA).get(0));

        assertThat(c.startedAt()).isEqualTo(Instant.parse("2017-03-03T05:18:33Z"));
        assertThat(c.endedAt()).isEqualTo(Instant.parse("2017-03-03T05:19:50Z"));
        assertThat(c.answeredAt()).isEqualTo(Instant.parse("2017-03-03T05:19:42Z"));
        assertThat(c.recordingCreatedAt())
                .as("issue time of the link is unknown")
                .isNull();
    }

    @Test
    void bulkEnvelopeYieldsEachCallWithItsLine() {
        String file = path("exotel-bulk.json");
        List<ReadResult> results = readFixture("exotel-bulk.json", KOLKATA);

        assertThat(results).hasSize(3);
        CallRecord recorded = call(results.get(0));
        assertThat(recorded.source()).isEqualTo(new SourceRef(file, 10));
        assertThat(recorded.id()).isEqualTo("a1f0c3e2b4d5968778695a4b3c2d1e0f");
        assertThat(recorded.direction()).isEqualTo(Direction.INBOUND);
        assertThat(recorded.status()).isEqualTo(CallStatus.ANSWERED);
        assertThat(recorded.startedAt()).isEqualTo(Instant.parse("2026-11-18T03:45:02Z"));
        assertThat(recorded.endedAt()).isEqualTo(Instant.parse("2026-11-18T03:49:47Z"));
        assertThat(recorded.answeredAt()).isEqualTo(Instant.parse("2026-11-18T03:45:36Z"));
        assertThat(recorded.talkSeconds()).isEqualTo(251.0);
        // inbound: the customer dialled the ExoPhone, which is To
        assertThat(recorded.numberDigits()).isEqualTo("08047112233");
        assertThat(recorded.numberId()).isEqualTo("08047112233");
        assertThat(recorded.reachedAgent()).isTrue();
        assertThat(recorded.recordingUrl())
                .isEqualTo("https://recordings.exotel.com/acme/a1f0c3e2b4d5968778695a4b3c2d1e0f.mp3");
        assertThat(recorded.recordingCreatedAt())
                .as("DateUpdated is not the link issue time")
                .isNull();

        CallRecord noAnswer = call(results.get(1));
        assertThat(noAnswer.source()).isEqualTo(new SourceRef(file, 29));
        assertThat(noAnswer.status()).isEqualTo(CallStatus.NO_ANSWER);
        // EndTime null, Duration a number: the end is derived
        assertThat(noAnswer.endedAt()).isEqualTo(Instant.parse("2026-11-18T04:32:56Z"));
        assertThat(noAnswer.answeredAt()).isNull();
        assertThat(noAnswer.talkSeconds()).isNull();
        assertThat(noAnswer.hasRecording()).isFalse();
        assertThat(noAnswer.recordingCreatedAt()).isNull();

        CallRecord busy = call(results.get(2));
        assertThat(busy.source()).isEqualTo(new SourceRef(file, 47));
        assertThat(busy.status()).isEqualTo(CallStatus.BUSY);
        assertThat(busy.direction()).isEqualTo(Direction.OUTBOUND);
        // EndTime absent, Duration a string
        assertThat(busy.endedAt()).isEqualTo(Instant.parse("2026-11-18T06:00:09Z"));
        assertThat(busy.numberId()).isEqualTo("08047112233");
        assertThat(busy.numberDigits()).isNull();
    }

    @Test
    void callauditExtrasAreReadAndUnknownKeysIgnored() {
        CallRecord c = call(readFixture("exotel-calls.ndjson", KOLKATA).get(0));

        assertThat(c.id()).isEqualTo("e-extras");
        assertThat(c.startedAt()).isEqualTo(Instant.parse("2026-11-18T06:30:00Z"));
        // an offset in the value wins over the zone
        assertThat(c.endedAt()).isEqualTo(Instant.parse("2026-11-18T06:35:00Z"));
        assertThat(c.flowId()).isEqualTo("sales");
        assertThat(c.recordRequested()).isTrue();
        assertThat(c.recordingChannels()).isEqualTo(RecordingChannels.MONO);
        assertThat(c.userEmail()).isEqualTo("asha@acme.example");
        assertThat(c.userId()).isEqualTo("77");
        assertThat(c.numberId()).isEqualTo("exo-1");
        assertThat(c.numberDigits()).isEqualTo("+91 80 4711 2233");
        assertThat(c.recordingUrl()).isEqualTo("https://recordings.exotel.com/e-extras.mp3?Signature=abc");
        // RecordingCreatedAt wins over DateUpdated
        assertThat(c.recordingCreatedAt()).isEqualTo(Instant.parse("2026-11-18T06:36:00Z"));
        assertThat(c.talkSeconds()).isEqualTo(240.0);
    }

    @Test
    void inProgressCallIsACallWithNoEndYet() {
        List<ReadResult> results = readFixture("exotel-calls.ndjson", KOLKATA);

        CallRecord live = call(results.get(1));
        assertThat(live.endedAt()).as("not over: the audit reports it pending").isNull();
        assertThat(live.status()).isEqualTo(CallStatus.ANSWERED);
        assertThat(live.answeredAt()).isNull();
        CallRecord ringing = call(results.get(12));
        assertThat(ringing.endedAt()).isNull();
        assertThat(ringing.status()).isEqualTo(CallStatus.NO_ANSWER);
    }

    @Test
    void completedInboundCallWhoseAgentLegDidNotCompleteNeverReachedAnAgent() {
        CallRecord c = call(readFixture("exotel-calls.ndjson", KOLKATA).get(2));

        assertThat(c.id()).isEqualTo("e-ivr");
        assertThat(c.status()).isEqualTo(CallStatus.ANSWERED);
        assertThat(c.reachedAgent()).isFalse();
        assertThat(c.talkSeconds()).isEqualTo(0.0);
        assertThat(c.answeredAt()).isEqualTo(c.endedAt());
        assertThat(c.hasRecording()).isFalse();
    }

    @Test
    void connectCallTakesTheExoPhoneFromCallerIdAndItsTalkFromTheShorterLeg() {
        CallRecord c = call(readFixture("exotel-calls.ndjson", KOLKATA).get(3));

        assertThat(c.id()).isEqualTo("e-connect");
        assertThat(c.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(c.numberDigits()).isEqualTo("08047112233");
        assertThat(c.flowId()).isEqualTo("4242");
        assertThat(c.reachedAgent()).isFalse();
        assertThat(c.recordRequested()).isFalse();
        assertThat(c.recordingChannels()).isEqualTo(RecordingChannels.MONO);
        // no ConversationDuration: talk stays unknown, but the answer time is bounded by the shorter leg
        assertThat(c.talkSeconds()).isNull();
        assertThat(c.answeredAt()).isEqualTo(c.endedAt().minusSeconds(12));
        assertThat(c.effectiveTalkSeconds()).isEqualTo(12.0);
    }

    @Test
    void wrappedCanceledCallIsAbandonedWithItsParent() {
        CallRecord c = call(readFixture("exotel-calls.ndjson", KOLKATA).get(4));

        assertThat(c.id()).isEqualTo("e-canceled");
        assertThat(c.status()).isEqualTo(CallStatus.ABANDONED);
        assertThat(c.parentCallId()).isEqualTo("e-connect");
        assertThat(c.durationSeconds()).isEqualTo(7.0);
        assertThat(c.answeredAt()).isNull();
        // outbound without CallerId: From is the agent, not the line
        assertThat(c.numberDigits()).isNull();
    }

    @Test
    void badValuesAreRejectedNamingTheField() {
        String file = path("exotel-calls.ndjson");
        List<ReadResult> results = readFixture("exotel-calls.ndjson", KOLKATA);

        assertThat(results).hasSize(13);
        assertThat(rejection(results.get(5)))
                .isEqualTo(new Rejection(
                        new SourceRef(file, 6),
                        "Status",
                        "not one of completed | busy | failed | no-answer | canceled | queued | ringing | in-progress, or a "
                                + "CallType (call-attempt | client-hangup | incomplete | voicemail): 'answered'"));
        assertThat(rejection(results.get(6)))
                .isEqualTo(new Rejection(
                        new SourceRef(file, 7),
                        "StartTime",
                        "not a timestamp (YYYY-MM-DD HH:mm:ss, YYYY-MM-DD hh:mm AM, either with an offset, or RFC 3339): "
                                + "'03/03/2017 10:48'"));
        assertThat(rejection(results.get(7)))
                .isEqualTo(new Rejection(
                        new SourceRef(file, 8),
                        "EndTime",
                        "before StartTime (2026-11-18T07:29:00Z < 2026-11-18T07:30:00Z)"));
        assertThat(rejection(results.get(8)))
                .isEqualTo(new Rejection(new SourceRef(file, 9), "EndTime", "required field missing"));
        assertThat(rejection(results.get(9)))
                .isEqualTo(new Rejection(
                        new SourceRef(file, 10), "RecordingChannels", "not one of single | mono | dual: 'stereo'"));
        assertThat(rejection(results.get(10)))
                .isEqualTo(
                        new Rejection(new SourceRef(file, 11), "Details.ConversationDuration", "not a number: 'abc'"));
        assertThat(rejection(results.get(11)))
                .isEqualTo(new Rejection(
                        new SourceRef(file, 12), "Details.Legs[1].Leg.OnCallDuration", "must not be negative: -3"));
    }

    @Test
    void durationIsAcceptedAsStringOrNumber() {
        List<ReadResult> results = readStdin("""
                {"Sid":"s","Status":"completed","StartTime":"2026-11-18 10:00:00","Duration":"17"}
                {"Sid":"n","Status":"completed","StartTime":"2026-11-18 10:00:00","Duration":17}
                """, null);

        assertThat(call(results.get(0)).endedAt()).isEqualTo(Instant.parse("2026-11-18T10:00:17Z"));
        assertThat(call(results.get(1)).endedAt()).isEqualTo(Instant.parse("2026-11-18T10:00:17Z"));
        // completed without Details: answered, answer time unknown, bounded by the start
        assertThat(call(results.get(0)).answeredAt()).isEqualTo(Instant.parse("2026-11-18T10:00:00Z"));
        assertThat(call(results.get(0)).talkSeconds()).isNull();
    }

    @Test
    void csvExportReadsFlattenedDetailsAndRejectsABadRowByField() {
        String file = path("exotel-calls.csv");
        List<ReadResult> results = readFixture("exotel-calls.csv", KOLKATA);

        assertThat(results).hasSize(4);
        CallRecord recorded = call(results.get(0));
        assertThat(recorded.source()).isEqualTo(new SourceRef(file, 2));
        assertThat(recorded.status()).isEqualTo(CallStatus.ANSWERED);
        assertThat(recorded.startedAt()).isEqualTo(Instant.parse("2026-11-18T03:45:02Z"));
        assertThat(recorded.talkSeconds()).isEqualTo(251.0);
        assertThat(recorded.flowId()).isEqualTo("support");
        assertThat(recorded.recordRequested()).isTrue();
        assertThat(recorded.userEmail()).isEqualTo("asha@acme.example");
        assertThat(recorded.recordingUrl()).isEqualTo("https://recordings.exotel.com/acme/a1f0.mp3");
        assertThat(recorded.reachedAgent()).isTrue();

        CallRecord noAnswer = call(results.get(1));
        assertThat(noAnswer.status()).isEqualTo(CallStatus.NO_ANSWER);
        assertThat(noAnswer.endedAt()).isEqualTo(Instant.parse("2026-11-18T04:32:56Z"));
        assertThat(noAnswer.recordRequested()).isNull();

        CallRecord ivrOnly = call(results.get(2));
        assertThat(ivrOnly.reachedAgent()).isFalse();
        assertThat(ivrOnly.talkSeconds()).isEqualTo(0.0);

        assertThat(rejection(results.get(3)))
                .isEqualTo(new Rejection(new SourceRef(file, 5), "Duration", "not a number: '1m20s'"));
    }

    @Test
    void csvWithoutStatusColumnRejectsEachRowNamingStatus() {
        // The API's export and the dashboard's report name their columns differently, so the header cannot
        // require one spelling; each row says what it lacks.
        List<ReadResult> results =
                readStdin("Sid,StartTime,EndTime\nA,2026-11-18 10:00:00,2026-11-18 10:01:00\n", InputFormat.EXOTEL);
        assertThat(rejection(results.get(0)))
                .isEqualTo(new Rejection(new SourceRef("-", 2), "Status", "required field missing"));
    }

    @Test
    void forcedExotelReadsZonelessTimesAsUtcByDefault() {
        CallRecord c = call(readStdin(
                        "{\"Sid\":\"x\",\"Status\":\"failed\",\"StartTime\":\"2026-11-18 10:00:00\",\"Duration\":0}\n",
                        InputFormat.EXOTEL)
                .get(0));

        assertThat(c.status()).isEqualTo(CallStatus.FAILED);
        assertThat(c.startedAt()).isEqualTo(Instant.parse("2026-11-18T10:00:00Z"));
    }

    @Test
    void xmlWithADoctypeIsRefusedNotExpanded() {
        // external entities are how XML input reads files it should not: the document is refused, nothing read,
        // and the loss is an input error (exit 3), not a rejection in a run that seems complete
        assertThatThrownBy(() -> readStdin(
                        "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "
                                + "\"file:///etc/passwd\">]>\n<TwilioResponse><Call><Sid>&x;</Sid></Call></TwilioResponse>\n",
                        InputFormat.EXOTEL))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("malformed XML at character")
                .hasMessageContaining("the rest of the document was not read")
                .message()
                .doesNotContain("passwd");
    }

    @Test
    void xmlBrokenAfterAGoodCallIsAnInputErrorNamingWhereTheLossBegins() {
        assertThatThrownBy(() -> readStdin("""
                <TwilioResponse><Calls>
                 <Call><Sid>a</Sid><Status>completed</Status><StartTime>2026-10-05 11:20:14</StartTime></Call>
                 <Call><Sid>b</Sid><Status>completed</Cal>
                </Calls></TwilioResponse>
                """, InputFormat.EXOTEL))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("line 3: malformed XML at character")
                .message()
                .doesNotContain("\n");
    }

    @Test
    void xmlWithInvalidUtf8IsOneInputErrorAndNothingOnStandardError() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
        try {
            byte[] bad = "<TwilioResponse><Call><Sid>a\u00e9b</Sid></Call></TwilioResponse>\n"
                    .getBytes(StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> Fixtures.readAll(
                            CallReaders.open("-", new ByteArrayInputStream(bad), InputFormat.EXOTEL, ZoneOffset.UTC)))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("not UTF-8");
        } finally {
            System.setErr(err);
        }
        // The JDK's parser, given bytes, printed "[Fatal Error] ..." here before throwing.
        assertThat(stray.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void bulkXmlYieldsEveryCallAndListsBecomeArrays() {
        List<ReadResult> results = Fixtures.readAll(CallReaders.open("-", Fixtures.stdin("""
                <TwilioResponse><Calls>
                 <Call><Sid>a</Sid><Status>completed</Status><StartTime>2026-10-05 11:20:14</StartTime>
                  <EndTime>2026-10-05 11:22:31</EndTime><Direction>inbound</Direction><To>0XXXXX80112</To>
                  <Details><Legs><Leg><Id>1</Id><OnCallDuration>40</OnCallDuration></Leg>
                   <Leg><Id>2</Id><OnCallDuration>25</OnCallDuration></Leg></Legs></Details></Call>
                 <Call><Sid>b</Sid><Status>no-answer</Status><DateCreated>2026-10-05 11:30:00</DateCreated>
                  <Duration>0</Duration><Direction>inbound</Direction><RecordingUrl/></Call>
                </Calls></TwilioResponse>
                """), null, null));
        assertThat(results).hasSize(2);
        CallRecord a = call(results.get(0));
        assertThat(a.source()).isEqualTo(new SourceRef("-", 2));
        // India time without a profile; the shorter leg bounds the conversation
        assertThat(a.startedAt()).isEqualTo(Instant.parse("2026-10-05T05:50:14Z"));
        assertThat(a.answeredAt()).isEqualTo(Instant.parse("2026-10-05T05:52:06Z"));
        CallRecord b = call(results.get(1));
        assertThat(b.startedAt())
                .as("DateCreated stands in for StartTime")
                .isEqualTo(Instant.parse("2026-10-05T06:00:00Z"));
        assertThat(b.recordingUrl()).isNull();
    }

    @Test
    void defaultStatusCallbackSaysHowToGetCallTimes() {
        List<ReadResult> results = readStdin(
                "{\"CallSid\":\"c1\",\"DateUpdated\":\"2026-10-08 10:15:02\","
                        + "\"Status\":\"completed\",\"RecordingUrl\":null}\n",
                null);
        assertThat(rejection(results.get(0)))
                .isEqualTo(new Rejection(
                        new SourceRef("-", 1),
                        "StartTime",
                        "a StatusCallback without call times: pass StatusCallbackEvents=terminal to get them, or audit the "
                                + "call details instead"));
    }
}
