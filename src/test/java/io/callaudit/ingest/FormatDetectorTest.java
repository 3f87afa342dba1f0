package io.callaudit.ingest;

import static io.callaudit.ingest.Fixtures.call;
import static io.callaudit.ingest.Fixtures.path;
import static io.callaudit.ingest.Fixtures.readStdin;
import static io.callaudit.ingest.Fixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callaudit.model.CallStatus;
import io.callaudit.model.ReadResult;
import io.callaudit.model.Rejection;
import io.callaudit.model.SourceRef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatDetectorTest {

    @ParameterizedTest
    @CsvSource({
        "aircall-page.json, JSON, AIRCALL",
        "aircall-array.json, JSON, AIRCALL",
        "aircall-single-call.json, JSON, AIRCALL",
        "aircall-malformed.json, JSON, AIRCALL",
        "aircall-variants.ndjson, NDJSON, AIRCALL",
        "aircall-webhooks.ndjson, NDJSON, AIRCALL",
        "aircall-broken.ndjson, NDJSON, AIRCALL",
        "canonical.ndjson, NDJSON, CANONICAL",
        "canonical.csv, CSV, CANONICAL",
        "exotel-v1-call.json, JSON, EXOTEL",
        "exotel-bulk.json, JSON, EXOTEL",
        "exotel-calls.ndjson, NDJSON, EXOTEL",
        "exotel-calls.csv, CSV, EXOTEL",
        "ctm-page.json, JSON, CTM",
        "ctm-calls.ndjson, NDJSON, CTM",
        "ctm-calls.csv, CSV, CTM",
    })
    void fixturesAreRecognisedByContent(String fixture, Shape shape, InputFormat format) {
        try (InputSource source = InputSource.open(path(fixture), Fixtures.NO_STDIN)) {
            assertThat(FormatDetector.detect(source, null)).isEqualTo(new Detection(shape, format));
        }
    }

    @Test
    void prettyPrintedCanonicalObjectIsADocument() {
        assertThat(detect("""
                {
                  "id": "A",
                  "status": "missed",
                  "started_at": "2026-06-01T09:00:00Z",
                  "ended_at": "2026-06-01T09:01:00Z"
                }
                """, null)).isEqualTo(new Detection(Shape.JSON, InputFormat.CANONICAL));
    }

    @Test
    void ndjsonWithABrokenFirstLineIsStillNdjson() {
        String content = """
                {"id": 1, "started_at": 17
                {"id": 2, "started_at": 1700000000, "ended_at": 1700000001}
                """;
        assertThat(detect(content, null)).isEqualTo(new Detection(Shape.NDJSON, InputFormat.AIRCALL));

        List<ReadResult> results = readStdin(content, null);
        assertThat(rejection(results.get(0)).source()).isEqualTo(new SourceRef("-", 1));
        assertThat(call(results.get(1)).id()).isEqualTo("2");
    }

    @Test
    void emptyPageIsAircallAndYieldsNothing() {
        assertThat(detect("{\"calls\": [], \"meta\": {\"count\": 0}}", null))
                .isEqualTo(new Detection(Shape.JSON, InputFormat.AIRCALL));
        assertThat(readStdin("{\"calls\": [], \"meta\": {\"count\": 0}}", null)).isEmpty();
    }

    @Test
    void emptyPagesAreTheirVendorsAndYieldNothing() {
        assertThat(detect("{\"Metadata\": {\"Total\": 0}, \"Calls\": []}", null))
                .isEqualTo(new Detection(Shape.JSON, InputFormat.EXOTEL));
        assertThat(detect("{\"calls\": [], \"page\": 1, \"total_entries\": 0}", null))
                .isEqualTo(new Detection(Shape.JSON, InputFormat.CTM));
        assertThat(detect("{\"total_entries\": 0, \"calls\": []}", null))
                .isEqualTo(new Detection(Shape.JSON, InputFormat.CTM));
        assertThat(readStdin("{\"calls\": [], \"page\": 1, \"total_entries\": 0}", null))
                .isEmpty();
    }

    @Test
    void oneLineVendorObjectsAreNdjsonAndOneLinePagesAreDocuments() {
        assertThat(detect("{\"Call\": {\"Sid\": \"a\", \"Status\": \"busy\"}}\n", null))
                .isEqualTo(new Detection(Shape.NDJSON, InputFormat.EXOTEL));
        assertThat(detect("{\"Metadata\": {}, \"Calls\": [{\"Sid\": \"a\", \"StartTime\": \"x\"}]}\n", null))
                .isEqualTo(new Detection(Shape.JSON, InputFormat.EXOTEL));
        assertThat(detect("{\"id\": 1, \"duration\": 36, \"called_at\": \"2012-08-17 10:24 AM\"}\n", null))
                .isEqualTo(new Detection(Shape.NDJSON, InputFormat.CTM));
    }

    @Test
    void csvHeadersAreRecognisedByTheirVendorsColumns() {
        assertThat(detect("Sid,Status,StartTime,EndTime\n", null))
                .isEqualTo(new Detection(Shape.CSV, InputFormat.EXOTEL));
        assertThat(detect("\"id\",\"unix_time\",\"duration\",\"tracking_number\"\n", null))
                .isEqualTo(new Detection(Shape.CSV, InputFormat.CTM));
        assertThat(detect("id,called_at,duration,tracking_number\n", null))
                .isEqualTo(new Detection(Shape.CSV, InputFormat.CTM));
        assertThat(detect("id,called_at,duration\n", InputFormat.CTM))
                .isEqualTo(new Detection(Shape.CSV, InputFormat.CTM));
        assertThatThrownBy(() -> detect("id,called_at,duration\n", null))
                .isInstanceOf(InputException.class)
                .hasMessage("cannot read '-': not JSON, NDJSON or CSV call records");
    }

    @Test
    void emptyInputYieldsNothing() {
        assertThat(readStdin("", null)).isEmpty();
        assertThat(readStdin("\n  \n", null)).isEmpty();
    }

    @Test
    void forcedFormatOverridesTheContentButNotTheLayout() {
        String canonicalLooking = "{\"id\":\"A\",\"status\":\"missed\",\"started_at\":\"2026-06-01T09:00:00Z\","
                + "\"ended_at\":\"2026-06-01T09:01:00Z\"}\n";
        assertThat(detect(canonicalLooking, InputFormat.AIRCALL))
                .isEqualTo(new Detection(Shape.NDJSON, InputFormat.AIRCALL));

        List<ReadResult> results = readStdin(canonicalLooking, InputFormat.AIRCALL);
        assertThat(results).hasSize(1);
        assertThat(call(results.get(0)).id()).isEqualTo("A");
        // read as Aircall: the canonical status is ignored and derived from answered_at instead
        assertThat(call(results.get(0)).status()).isEqualTo(CallStatus.MISSED);
    }

    @Test
    void forcingAircallOnCsvOfApiFieldsIsAnInputError() {
        // Aircall's CSV is the dashboard's export, whose columns are not the API's field names
        assertThatThrownBy(() -> readStdin("id,started_at,ended_at\n", InputFormat.AIRCALL))
                .isInstanceOf(InputException.class)
                .hasMessage("cannot read '-' line 1: required column 'Call ID (internal)' missing");
    }

    @Test
    void textThatIsNoneOfTheLayoutsIsAnInputError() {
        assertThatThrownBy(() -> readStdin("hello world\n", null))
                .isInstanceOf(InputException.class)
                .hasMessage("cannot read '-': not JSON, NDJSON or CSV call records");
    }

    @Test
    void jsonThatIsNotCallRecordsIsAnInputError() {
        assertThatThrownBy(() -> readStdin("{\"name\": \"callaudit\", \"version\": 1}\n", null))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cannot read '-': not JSON, NDJSON or CSV call records (");
    }

    @Test
    void csvWithoutCallColumnsIsAnInputError() {
        assertThatThrownBy(() -> readStdin("name,email\nana,ana@acme.example\n", null))
                .isInstanceOf(InputException.class)
                .hasMessage("cannot read '-': not JSON, NDJSON or CSV call records");
    }

    @Test
    void truncatedDocumentBeforeItsFirstRecordIsAnInputError() {
        assertThatThrownBy(() -> readStdin("[\n  {\"id\": 1, \"started_at\": 1700000000,\n", null))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cannot read '-' line 3: truncated JSON");
    }

    @Test
    void classifiesEachKnownRecordShape() {
        assertThat(FormatDetector.classify(
                        Fixtures.json("{\"resource\":\"call\",\"event\":\"call.ended\",\"timestamp\":1,\"data\":{}}")))
                .isEqualTo(InputFormat.AIRCALL);
        assertThat(FormatDetector.classify(Fixtures.json("{\"call\":{\"id\":1,\"started_at\":1700000000}}")))
                .isEqualTo(InputFormat.AIRCALL);
        assertThat(FormatDetector.classify(Fixtures.json("{\"id\":1,\"started_at\":\"x\",\"raw_digits\":\"+33\"}")))
                .isEqualTo(InputFormat.AIRCALL);
        assertThat(FormatDetector.classify(Fixtures.json("{\"id\":\"1\",\"started_at\":\"2026-06-01T09:00:00Z\"}")))
                .isEqualTo(InputFormat.CANONICAL);
        assertThat(FormatDetector.classify(Fixtures.json("{\"id\":\"1\",\"started_at\":\"2026\",\"foo\":1}")))
                .isNull();
        assertThat(FormatDetector.classify(Fixtures.json("{\"Call\":{\"Sid\":\"a\"}}")))
                .isEqualTo(InputFormat.EXOTEL);
        assertThat(FormatDetector.classify(Fixtures.json("{\"Sid\":\"a\",\"StartTime\":\"2017-03-03 10:48:33\"}")))
                .isEqualTo(InputFormat.EXOTEL);
        // duration and sid are Aircall keys too: CTM's own keys decide first
        assertThat(FormatDetector.classify(Fixtures.json("{\"id\":1,\"sid\":\"CA1\",\"duration\":36,\"audio\":null}")))
                .isEqualTo(InputFormat.CTM);
        assertThat(FormatDetector.classify(Fixtures.json("{\"id\":1,\"unix_time\":1345199040,\"duration\":36}")))
                .isEqualTo(InputFormat.CTM);
        assertThat(FormatDetector.classify(Fixtures.json("{\"id\":1,\"duration\":36}")))
                .isEqualTo(InputFormat.AIRCALL);
    }

    @Test
    void xmlResponsesAreExotels() {
        assertThat(detect("<?xml version=\"1.0\"?>\n<TwilioResponse><Call><Sid>a</Sid></Call></TwilioResponse>", null))
                .isEqualTo(new Detection(Shape.XML, InputFormat.EXOTEL));
        assertThatThrownBy(() -> detect("<html><body>502 Bad Gateway</body></html>", null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("XML without <Call> elements, root element <html>")
                .message()
                .doesNotContain("Bad Gateway");
        // What the file holds is data, and a CR in it would split the one-line message (found by FuzzTest).
        assertThatThrownBy(() -> detect("<\r +15557654321 \u0000<x>", null))
                .isInstanceOf(InputException.class)
                .message()
                .doesNotContain("\r")
                .doesNotContain("5557654321");
    }

    @Test
    void requestLogsAreFormShapedAndTheirParametersDecideTheFormat() {
        assertThat(detect("CallSid=abc&Status=completed&DateUpdated=2026-10-09+12%3A05%3A40\n", null))
                .isEqualTo(new Detection(Shape.FORM, InputFormat.EXOTEL));
        assertThat(detect(
                        "GET /hook?CallSid=abc&CallType=completed&Created=Wed%2C+14+Oct+2026+12%3A31%3A59 HTTP/1.1\n",
                        null))
                .isEqualTo(new Detection(Shape.FORM, InputFormat.EXOTEL));
        assertThat(detect("https://example.test/hook?CallSid=abc&DialCallStatus=completed\n", null))
                .isEqualTo(new Detection(Shape.FORM, InputFormat.EXOTEL));
    }

    @Test
    void ctmWebhookBodyIsNotTakenForAircallsWrapper() {
        assertThat(
                        FormatDetector.classify(
                                Fixtures.json(
                                        "{\"event\":\"call.completed\",\"call\":{\"id\":7,\"sid\":\"CA7\",\"duration\":30,"
                                                + "\"called_at\":\"2026-10-07 10:26 AM -04:00\",\"tracking_number\":\"+15550100000\"}}")))
                .isEqualTo(InputFormat.CTM);
        // Aircall's own wrapper stays Aircall's
        assertThat(FormatDetector.classify(
                        Fixtures.json("{\"call\":{\"id\":7,\"sid\":\"CA7\",\"duration\":30,\"started_at\":1700000000,"
                                + "\"direct_link\":\"https://api.aircall.io/v1/calls/7\"}}")))
                .isEqualTo(InputFormat.AIRCALL);
    }

    @Test
    void aShapeTwoVendorsShareEquallyStopsNamingTheCandidates() {
        // sid and duration are both Aircall's and CTM's words; audio marks CTM, recording Aircall: one each
        String tie = "{\"id\":1,\"sid\":\"x\",\"duration\":3,\"audio\":null,\"recording\":null}\n";
        assertThat(FormatDetector.candidates(Fixtures.json(tie)))
                .containsExactlyInAnyOrder(InputFormat.CTM, InputFormat.AIRCALL);
        assertThatThrownBy(() -> detect(tie, null))
                .isInstanceOf(InputException.class)
                .hasMessage("cannot read '-': records that fit more than one format (aircall, ctm): give "
                        + "--input-format aircall or --input-format ctm");
        assertThat(detect(tie, InputFormat.CTM).format()).isEqualTo(InputFormat.CTM);
    }

    @Test
    void csvHeadersOfTheDashboardsAreRecognised() {
        assertThat(detect("Id,StartTime,EndTime,Status,Leg1Status,Leg2Status,RecordingUrls\n", null))
                .isEqualTo(new Detection(Shape.CSV, InputFormat.EXOTEL));
        assertThat(detect("Call ID (internal),Call direction,Call type,Start time (UTC),End time (UTC)\n", null))
                .isEqualTo(new Detection(Shape.CSV, InputFormat.AIRCALL));
    }

    private static Detection detect(String content, InputFormat forced) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new FormatDetector("-", bytes, true, forced).detect();
    }

    @Test
    void rejectionDescribesWhereWhichFieldAndWhat() {
        Rejection r = rejection(readStdin(
                        "{\"id\":1,\"raw_digits\":\"+33612345678\",\"started_at\":\"abc\",\"ended_at\":1700000000}\n",
                        null)
                .get(0));
        assertThat(r.describe()).isEqualTo("-:1 field 'started_at': not a UNIX timestamp or RFC 3339 timestamp: 'abc'");
    }
}
