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
import io.callaudit.model.LineEvent;
import io.callaudit.model.ReadResult;
import io.callaudit.model.Rejection;
import io.callaudit.model.SourceRef;
import io.callaudit.model.Visibility;
import io.callaudit.model.WebhookEvent;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class AircallReaderTest {

    @Test
    void pageOfTheDocumentedExampleReadsBothCalls() {
        String file = path("aircall-page.json");
        List<ReadResult> results = readFixture("aircall-page.json");

        assertThat(results).hasSize(2);
        CallRecord answered = call(results.get(0));
        CallRecord expected = CallRecord.builder()
                .id("3916681")
                .direction(Direction.INBOUND)
                .status(CallStatus.ANSWERED)
                .startedAt(Instant.ofEpochSecond(1700000000))
                .answeredAt(Instant.ofEpochSecond(1700000012))
                .endedAt(Instant.ofEpochSecond(1700000300))
                .numberId("1096199")
                .numberDigits("+33176360695")
                .userId("1719365")
                .userEmail("integration-test@airbyte.io")
                .sharedLine(false)
                .reachedAgent(true)
                .recordingUrl("https://recordings.aircall.example/3916681.mp3")
                .lineRecording(true)
                .visibility(Visibility.PUBLIC)
                .source(new SourceRef(file, 2))
                .build();
        assertThat(answered).isEqualTo(expected);
        assertThat(answered.talkSeconds()).isNull();
        assertThat(answered.recordRequested()).isNull();
        assertThat(answered.flowId()).isNull();
        assertThat(answered.paused()).isFalse();
        assertThat(answered.parentCallId()).isNull();
        assertThat(answered.webhook()).isNull();
        assertThat(answered.durationSeconds()).isEqualTo(300.0);

        CallRecord missed = call(results.get(1));
        assertThat(missed)
                .isEqualTo(CallRecord.builder()
                        .id("3916690")
                        .direction(Direction.INBOUND)
                        .status(CallStatus.MISSED)
                        .startedAt(Instant.ofEpochSecond(1700000400))
                        .endedAt(Instant.ofEpochSecond(1700000425))
                        .reachedAgent(true)
                        .source(new SourceRef(file, 14))
                        .build());
        assertThat(missed.hasRecording()).isFalse();
    }

    @Test
    void nullAndAbsentKeysReadTheSame() {
        List<ReadResult> results = readFixture("aircall-variants.ndjson");
        CallRecord withNulls = call(results.get(0));
        CallRecord withoutKeys = call(results.get(1));

        assertThat(withNulls.id()).isEqualTo("5001");
        assertThat(withoutKeys.id()).isEqualTo("5002");
        assertThat(withNulls.status()).isEqualTo(CallStatus.MISSED);
        assertThat(withNulls.recordingUrl()).isNull();
        assertThat(withNulls.sharedLine()).isFalse();
        assertThat(withNulls.numberDigits()).isEqualTo("+33123456789");
        assertThat(withoutKeys)
                .usingRecursiveComparison()
                .ignoringFields("id", "source")
                .isEqualTo(withNulls);
        assertThat(withNulls.source().line()).isEqualTo(1);
        assertThat(withoutKeys.source().line()).isEqualTo(2);
    }

    @Test
    void bothTransferSpellingsStringTimestampsAndDurationAreAccepted() {
        CallRecord c = call(readFixture("aircall-variants.ndjson").get(2));

        assertThat(c.id()).isEqualTo("5003");
        assertThat(c.startedAt()).isEqualTo(Instant.ofEpochSecond(1700002000));
        assertThat(c.answeredAt()).isEqualTo(Instant.parse("2023-11-14T22:46:50Z"));
        assertThat(c.endedAt()).isEqualTo(Instant.ofEpochSecond(1700002120));
        assertThat(c.status()).isEqualTo(CallStatus.ANSWERED);
        assertThat(c.recordingUrl()).isEqualTo("https://short-urls.aircall.io/v1/c4ca4238");
        assertThat(c.userId()).isEqualTo("42");
        assertThat(c.userEmail()).isEqualTo("ana@acme.example");
        assertThat(c.numberId()).isEqualTo("812");
        assertThat(c.numberDigits()).isEqualTo("+33 1 23 45 67 89");
    }

    @Test
    void teamLineAbandonedInIvrIsSharedAndNeverReachedAnAgent() {
        CallRecord c = call(readFixture("aircall-variants.ndjson").get(3));

        assertThat(c.id()).isEqualTo("5004");
        assertThat(c.status()).isEqualTo(CallStatus.ABANDONED);
        assertThat(c.reachedAgent()).isFalse();
        assertThat(c.sharedLine()).isTrue();
        assertThat(c.userId()).isNull();
        assertThat(c.userEmail()).isNull();
    }

    @Test
    void voicemailCountsAsTheRecordingOfAVoicemailCall() {
        CallRecord c = call(readFixture("aircall-variants.ndjson").get(4));

        assertThat(c.status()).isEqualTo(CallStatus.VOICEMAIL);
        assertThat(c.recordingUrl())
                .isEqualTo("https://aircall-voicemails.s3.amazonaws.com/5005.mp3?X-Amz-Expires=600");
        assertThat(c.reachedAgent()).isTrue();
        assertThat(c.sharedLine()).isFalse();
    }

    @Test
    void recordingAssetIsTheLastResortLinkAndShortAbandonIsAbandoned() {
        List<ReadResult> results = readFixture("aircall-variants.ndjson");
        CallRecord asset = call(results.get(5));
        CallRecord shortAbandon = call(results.get(6));

        assertThat(asset.status()).isEqualTo(CallStatus.ANSWERED);
        assertThat(asset.recordingUrl()).isEqualTo("https://assets.aircall.io/recording/5006");
        assertThat(shortAbandon.status()).isEqualTo(CallStatus.ABANDONED);
        assertThat(shortAbandon.reachedAgent()).isTrue();
        assertThat(results).hasSize(7);
    }

    @Test
    void webhookStreamYieldsEveryEventOfTheCallWithItsEnvelope() {
        List<ReadResult> results = readFixture("aircall-webhooks.ndjson");

        assertThat(results).hasSize(3);
        CallRecord hungup = call(results.get(0));
        CallRecord ended = call(results.get(1));
        CallRecord tagged = call(results.get(2));
        assertThat(List.of(hungup.id(), ended.id(), tagged.id())).containsOnly("7027");
        assertThat(hungup.webhook()).isEqualTo(new WebhookEvent("call.hungup", 1700000310));
        assertThat(ended.webhook()).isEqualTo(new WebhookEvent("call.ended", 1700000340));
        assertThat(tagged.webhook()).isEqualTo(new WebhookEvent("call.tagged", 1700000400));
        assertThat(hungup.status()).isEqualTo(CallStatus.MISSED);
        assertThat(hungup.recordingUrl()).isNull();
        assertThat(ended.status()).isEqualTo(CallStatus.VOICEMAIL);
        assertThat(ended.recordingUrl())
                .isEqualTo("https://aircall-voicemails.s3.amazonaws.com/7027.mp3?X-Amz-Expires=600");
        assertThat(ended.numberDigits()).isEqualTo("+44 330 818 6690");
        assertThat(ended.source().line()).isEqualTo(2);
        assertThat(tagged.webhook().supersedes(ended.webhook())).isTrue();
    }

    @Test
    void jsonArrayRejectsBadRecordsAndGoesOn() {
        String file = path("aircall-array.json");
        List<ReadResult> results = readFixture("aircall-array.json");

        assertThat(results).hasSize(5);
        CallRecord first = call(results.get(0));
        assertThat(first.id()).isEqualTo("8001");
        assertThat(first.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(first.recordingUrl()).isEqualTo("https://recordings.aircall.example/8001.mp3");
        assertThat(first.source()).isEqualTo(new SourceRef(file, 2));

        Rejection endsBeforeStart = rejection(results.get(1));
        assertThat(endsBeforeStart.source()).isEqualTo(new SourceRef(file, 12));
        assertThat(endsBeforeStart.field()).isEqualTo("ended_at");
        assertThat(endsBeforeStart.reason())
                .isEqualTo("before started_at (2023-11-15T01:15:00Z < 2023-11-15T01:16:40Z)");

        Rejection notAnObject = rejection(results.get(2));
        assertThat(notAnObject.source()).isEqualTo(new SourceRef(file, 18));
        assertThat(notAnObject.field()).isNull();
        assertThat(notAnObject.reason()).isEqualTo("not a JSON object: 'not a call'");

        Rejection badDirection = rejection(results.get(3));
        assertThat(badDirection.source()).isEqualTo(new SourceRef(file, 19));
        assertThat(badDirection.field()).isEqualTo("direction");
        assertThat(badDirection.reason()).isEqualTo("not one of inbound | outbound: 'sideways'");

        assertThat(call(results.get(4)).recordingUrl()).isEqualTo("https://short-urls.aircall.io/v1/a87ff679");
    }

    @Test
    void singleCallWrapperIsOneRecord() {
        List<ReadResult> results = readFixture("aircall-single-call.json");

        assertThat(results).hasSize(1);
        CallRecord c = call(results.get(0));
        assertThat(c.id()).isEqualTo("9001");
        assertThat(c.status()).isEqualTo(CallStatus.ANSWERED);
        assertThat(c.recordingUrl()).isNull();
        assertThat(c.source().line()).isEqualTo(1);
    }

    @Test
    void syntaxErrorInTheMiddleOfADocumentCostsThatRecordAlone() {
        String file = path("aircall-malformed.json");
        List<ReadResult> results = readFixture("aircall-malformed.json");

        assertThat(results).hasSize(3);
        assertThat(call(results.get(0)).id()).isEqualTo("9101");
        Rejection broken = rejection(results.get(1));
        assertThat(broken.source()).isEqualTo(new SourceRef(file, 3));
        assertThat(broken.field()).isNull();
        assertThat(broken.reason())
                .isEqualTo("malformed JSON: "
                        + "Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries");
        assertThat(broken.reason(true)).isEqualTo("malformed JSON: " + Rejection.MASK);
        assertThat(call(results.get(2)).id()).isEqualTo("9103");
        assertThat(call(results.get(2)).source()).isEqualTo(new SourceRef(file, 4));
    }

    @Test
    void brokenNdjsonLineIsRejectedWithItsLineAndTheNextLineIsRead() {
        String file = path("aircall-broken.ndjson");
        List<ReadResult> results = readFixture("aircall-broken.ndjson");

        assertThat(results).hasSize(7);
        assertThat(call(results.get(0)).id()).isEqualTo("6001");

        Rejection broken = rejection(results.get(1));
        assertThat(broken.source()).isEqualTo(new SourceRef(file, 2));
        assertThat(broken.field()).isNull();
        assertThat(broken.reason()).startsWith("not valid JSON: Unexpected end-of-input");

        CallRecord next = call(results.get(2));
        assertThat(next.id()).isEqualTo("6003");
        assertThat(next.source()).isEqualTo(new SourceRef(file, 3));

        // line 4 is blank: skipped, but still counted
        assertThat(rejection(results.get(3)))
                .isEqualTo(new Rejection(
                        new SourceRef(file, 5), "started_at", "not a UNIX timestamp or RFC 3339 timestamp: 'abc'"));
        assertThat(rejection(results.get(4)))
                .isEqualTo(new Rejection(new SourceRef(file, 6), "id", "required field missing"));
        // no ended_at, no duration: a call still going on (issue 11), read with no end rather than rejected
        assertThat(call(results.get(5)).endedAt()).isNull();
        assertThat(call(results.get(5)).source()).isEqualTo(new SourceRef(file, 7));
        assertThat(call(results.get(6)).endedAt()).isEqualTo(Instant.ofEpochSecond(1700040730));
    }

    @Test
    void webhookEnvelopeProblemsNameTheEnvelopeField() {
        List<ReadResult> results = readStdin("""
                {"resource":"number","event":"number.deleted","timestamp":1700000000,"data":{"id":812}}
                {"resource":"call","event":"call.ended","data":{"id":1,"started_at":1700000000,"ended_at":1700000001}}
                {"resource":"number","event":"number.deleted","data":{"id":812}}
                {"resource":"user","event":"user.created","timestamp":1700000000,"data":{"id":5}}
                """, InputFormat.AIRCALL);

        // A number event is a fact about the line, not a rejected call (issue 11).
        assertThat(results.get(0))
                .isEqualTo(new ReadResult.Line(new LineEvent(
                        "number.deleted", "812", null, Instant.ofEpochSecond(1700000000), new SourceRef("-", 1))));
        assertThat(rejection(results.get(1)))
                .isEqualTo(new Rejection(new SourceRef("-", 2), "timestamp", "required field missing"));
        // A deletion without its time cannot be placed against the calls.
        assertThat(rejection(results.get(2)))
                .isEqualTo(new Rejection(new SourceRef("-", 3), "timestamp", "required field missing"));
        assertThat(results.get(3)).isEqualTo(new ReadResult.Skipped(new SourceRef("-", 4), "user.created"));
    }

    @Test
    void webhookEnvelopeWithoutItsCallSaysSo() {
        List<ReadResult> results = readStdin("""
                {"resource":"call","event":"call.ended","timestamp":1700000000,"data":null}
                {"resource":"call","event":"call.ended","timestamp":1700000000,"data":[1]}
                """, InputFormat.AIRCALL);

        assertThat(rejection(results.get(0)))
                .isEqualTo(new Rejection(new SourceRef("-", 1), "data", "required field missing"));
        assertThat(rejection(results.get(1)))
                .isEqualTo(new Rejection(new SourceRef("-", 2), "data", "not an object: [1]"));
    }

    @Test
    void nestedFieldsAreNamedWithTheirPath() {
        List<ReadResult> results = readStdin("""
                {"id":1,"started_at":1700000000,"ended_at":1700000001,"number":{"id":true}}
                {"id":2,"started_at":1700000000,"ended_at":1700000001,"user":"ana"}
                """, null);

        assertThat(rejection(results.get(0)))
                .isEqualTo(new Rejection(new SourceRef("-", 1), "number.id", "not an integer or string id: true"));
        assertThat(rejection(results.get(1)))
                .isEqualTo(new Rejection(new SourceRef("-", 2), "user", "not an object: 'ana'"));
    }

    @Test
    void pagesConcatenatedOnOneLineEachAreAllRead() {
        List<ReadResult> results = readStdin("""
                {"calls":[{"id":1,"started_at":1700000000,"ended_at":1700000001}],"meta":{"count":1}}
                {"meta":{"count":2},"calls":[{"id":2,"started_at":1700000000,"ended_at":1700000001},{"id":3,"started_at":1700000000,"ended_at":1700000001}]}
                """, null);

        assertThat(results).extracting(r -> call(r).id()).containsExactly("1", "2", "3");
        assertThat(results).extracting(r -> call(r).source().line()).containsExactly(1L, 2L, 2L);
    }

    @Test
    void truncatedDocumentFailsAfterYieldingWhatWasRead() {
        CallReader reader = CallReaders.open("-", Fixtures.stdin("""
                [
                  {"id": 1, "started_at": 1700000000, "ended_at": 1700000001},
                  {"id": 2, "started_at": 1700000000, "ended_at": 1700000001},
                  {"id": 3, "started_at": 17000
                """), null);
        Iterator<ReadResult> it = reader.iterator();

        assertThat(call(it.next()).id()).isEqualTo("1");
        assertThat(call(it.next()).id()).isEqualTo("2");
        assertThatThrownBy(it::hasNext)
                .isInstanceOf(InputException.class)
                .hasMessage("cannot read '-' line 4: truncated JSON: the document ends inside the record that "
                        + "starts at byte 130; 30 bytes from there were not read (about 1 record)");
        reader.close();
    }
}
