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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalReaderTest {

    @Test
    void csvRowsReadWithPhysicalLinesAndBadValuesAreRejectedByField() {
        String file = path("canonical.csv");
        List<ReadResult> results = readFixture("canonical.csv");

        assertThat(results).hasSize(5);
        assertThat(call(results.get(0)))
                .isEqualTo(CallRecord.builder()
                        .id("C-1")
                        .direction(Direction.INBOUND)
                        .status(CallStatus.ANSWERED)
                        .startedAt(Instant.parse("2026-06-01T09:00:00Z"))
                        .endedAt(Instant.parse("2026-06-01T09:05:00Z"))
                        .answeredAt(Instant.parse("2026-06-01T09:00:10Z"))
                        .talkSeconds(280.0)
                        .numberId("812")
                        .numberDigits("+33 1 23 45 67 89")
                        .userId("42")
                        .userEmail("ana@acme.example")
                        .sharedLine(false)
                        .recordingUrl("https://recordings.example/C-1.mp3")
                        .paused(false)
                        .visibility(Visibility.PUBLIC)
                        .source(new SourceRef(file, 2))
                        .build());

        assertThat(rejection(results.get(1)))
                .isEqualTo(new Rejection(
                        new SourceRef(file, 3),
                        "status",
                        "not one of answered | missed | voicemail | busy | failed | no_answer | abandoned: 'maybe'"));

        CallRecord privateMissed = call(results.get(2));
        assertThat(privateMissed.startedAt()).isEqualTo(Instant.parse("2026-06-01T09:00:00Z"));
        assertThat(privateMissed.sharedLine()).isTrue();
        assertThat(privateMissed.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(privateMissed.answeredAt()).isNull();
        assertThat(privateMissed.userEmail()).isNull();
        assertThat(privateMissed.reachedAgent()).isTrue();

        assertThat(rejection(results.get(3)))
                .isEqualTo(new Rejection(
                        new SourceRef(file, 5),
                        "started_at",
                        "RFC 3339 timestamp without an offset (add Z or +hh:mm): '2026-06-01T12:00:00'"));
        assertThat(rejection(results.get(4)))
                .isEqualTo(new Rejection(new SourceRef(file, 6), "shared_line", "not a boolean (true | false): 'yes'"));
    }

    @Test
    void ndjsonReadsEveryCanonicalFieldAndRejectsUnknownFields() {
        String file = path("canonical.ndjson");
        List<ReadResult> results = readFixture("canonical.ndjson");

        assertThat(results).hasSize(8);
        assertThat(call(results.get(0)))
                .isEqualTo(new CallRecord(
                        "K-1",
                        Direction.INBOUND,
                        CallStatus.VOICEMAIL,
                        Instant.parse("2026-06-02T08:00:00Z"),
                        Instant.parse("2026-06-02T08:01:00Z"),
                        null,
                        null,
                        "812",
                        "+33123456789",
                        null,
                        null,
                        true,
                        "sales",
                        false,
                        true,
                        RecordingChannels.DUAL,
                        "https://recordings.example/K-1.wav",
                        42.5,
                        Instant.parse("2026-06-02T02:31:05Z"),
                        true,
                        Visibility.PRIVATE,
                        "K-0",
                        new SourceRef(file, 1),
                        null,
                        null,
                        null));

        assertThat(rejection(results.get(1)))
                .isEqualTo(new Rejection(new SourceRef(file, 2), "recordng_url", "unknown field 'recordng_url'"));
        assertThat(rejection(results.get(2)))
                .isEqualTo(new Rejection(new SourceRef(file, 3), "ended_at", "required field missing"));
        assertThat(rejection(results.get(3)))
                .isEqualTo(new Rejection(
                        new SourceRef(file, 4),
                        "ended_at",
                        "before started_at (2026-06-02T10:59:00Z < 2026-06-02T11:00:00Z)"));
        assertThat(rejection(results.get(4)))
                .isEqualTo(new Rejection(new SourceRef(file, 5), "started_at", "not an RFC 3339 timestamp: 'abc'"));
        assertThat(rejection(results.get(5)))
                .isEqualTo(new Rejection(
                        new SourceRef(file, 6), "recording_channels", "not one of mono | dual: 'stereo'"));
        assertThat(rejection(results.get(6)))
                .isEqualTo(new Rejection(new SourceRef(file, 7), "talk_seconds", "must not be negative: -1"));

        CallRecord lenient = call(results.get(7));
        assertThat(lenient.startedAt()).isEqualTo(Instant.parse("2026-06-02T14:00:00Z"));
        assertThat(lenient.talkSeconds()).isEqualTo(12.5);
        assertThat(lenient.paused()).isFalse();
        assertThat(lenient.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(lenient.status()).isNull();
    }

    @Test
    void quotedCellsSpanningLinesAndBlankLinesKeepPhysicalLineNumbers() {
        List<ReadResult> results = readStdin("""
                id,started_at,ended_at,user_email
                A,2026-06-01T09:00:00Z,2026-06-01T09:01:00Z,"ana@acme.example"
                "B
                continued",2026-06-01T09:00:00Z,2026-06-01T09:01:00Z,

                C,2026-06-01T09:00:00Z,2026-06-01T09:01:00Z,x@acme.example,extra
                D,2026-06-01T09:00:00Z,2026-06-01T09:01:00Z,""", null);

        assertThat(results).hasSize(4);
        assertThat(call(results.get(0)).source()).isEqualTo(new SourceRef("-", 2));
        assertThat(call(results.get(1)).id()).isEqualTo("B\ncontinued");
        assertThat(call(results.get(1)).source()).isEqualTo(new SourceRef("-", 3));
        assertThat(rejection(results.get(2)))
                .isEqualTo(new Rejection(new SourceRef("-", 6), null, "expected 4 columns, found 5"));
        assertThat(call(results.get(3)).source()).isEqualTo(new SourceRef("-", 7));
        assertThat(call(results.get(3)).userEmail()).isNull();
    }

    @Test
    void unknownCsvColumnIsAFileProblem() {
        assertThatThrownBy(() -> readStdin("id,started_at,ended_at,recordng_url\n", InputFormat.CANONICAL))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cannot read '-' line 1: unknown column 'recordng_url'");
    }

    @Test
    void csvWithoutARequiredColumnIsAFileProblem() {
        assertThatThrownBy(() -> readStdin("id,started_at\nA,2026-06-01T09:00:00Z\n", null))
                .isInstanceOf(InputException.class)
                .hasMessage("cannot read '-' line 1: required column 'ended_at' missing");
    }

    @Test
    void unclosedQuoteOnTheLastRowCostsThatRowAlone() {
        List<ReadResult> results = readStdin("""
                id,started_at,ended_at
                A,2026-06-01T09:00:00Z,2026-06-01T09:01:00Z
                "B,2026-06-01T09:00:00Z,2026-06-01T09:01:00Z
                """, null);

        assertThat(results).hasSize(2);
        assertThat(call(results.get(0)).id()).isEqualTo("A");
        assertThat(rejection(results.get(1)).source()).isEqualTo(new SourceRef("-", 3));
        assertThat(rejection(results.get(1)).reason()).startsWith("unclosed quote");
    }

    @Test
    void unclosedQuoteInTheMiddleIsRejectedWhereItOpenedAndTheNextLinesAreRead() {
        List<ReadResult> results = readStdin("""
                id,started_at,ended_at,recording_url
                A,2026-06-01T09:00:00Z,2026-06-01T09:01:00Z,
                B,2026-06-01T09:00:00Z,2026-06-01T09:01:00Z,"https://rec.example/b
                C,2026-06-01T09:00:00Z,2026-06-01T09:01:00Z,
                "D
                E,2026-06-01T09:00:00Z,2026-06-01T09:01:00Z,"https://rec.example/e, with a comma"
                """, null);

        assertThat(results).hasSize(5);
        assertThat(call(results.get(0)).id()).isEqualTo("A");
        assertThat(rejection(results.get(1)).source()).isEqualTo(new SourceRef("-", 3));
        assertThat(rejection(results.get(1)).reason()).startsWith("unclosed quote");
        assertThat(call(results.get(2)).id()).isEqualTo("C");
        assertThat(call(results.get(2)).source().line()).isEqualTo(4);
        assertThat(rejection(results.get(3)).source()).isEqualTo(new SourceRef("-", 5));
        assertThat(call(results.get(4)).recordingUrl()).isEqualTo("https://rec.example/e, with a comma");
    }

    @Test
    void quotedCellSpanningLinesIsOneRowAtTheLineItStarts() {
        List<ReadResult> results = readStdin("""
                id,started_at,ended_at,user_email
                "A
                B",2026-06-01T09:00:00Z,2026-06-01T09:01:00Z,"ana""x""@example.com"
                C,2026-06-01T09:00:00Z,2026-06-01T09:01:00Z,
                """, null);

        assertThat(results).hasSize(2);
        assertThat(call(results.get(0)).id()).isEqualTo("A\nB");
        assertThat(call(results.get(0)).source().line()).isEqualTo(2);
        assertThat(call(results.get(1)).source().line()).isEqualTo(4);
    }

    @Test
    void rowLongerThanTheBoundIsRejectedNotFatal() {
        String longCell = "x".repeat(CsvReader.MAX_ROW + 1);
        List<ReadResult> results = readStdin(
                "id,started_at,ended_at\n" + longCell + ",a,b\n" + "C,2026-06-01T09:00:00Z,2026-06-01T09:01:00Z\n",
                null);

        assertThat(results).hasSize(2);
        assertThat(rejection(results.get(0)).reason()).contains("longer than");
        assertThat(call(results.get(1)).id()).isEqualTo("C");
    }
}
