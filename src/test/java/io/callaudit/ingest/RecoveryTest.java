package io.callaudit.ingest;

import static io.callaudit.ingest.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callaudit.model.ReadResult;
import io.callaudit.model.Rejection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One bad record costs one record, in every JSON document shape: a 16-record Aircall page, Exotel bulk response
 * and CTM page, record 3 broken in each of the ways that used to end the read (a Latin-1 byte, invalid UTF-8, a
 * raw NUL in a string, a wrong type, a value out of range), read as 15 calls and 1 rejection located at record
 * 3's line, never as 2 calls and "the rest of the file was not read".
 */
class RecoveryTest {

    static final int RECORDS = 16;
    static final int BROKEN = 3;

    /** A document shape, and one good record of it on one line, numbered. */
    enum Document {
        AIRCALL_PAGE(
                "{\"calls\": [\n",
                "\n], \"meta\": {\"count\": 16, \"next_page_link\": null}}\n",
                n -> "{\"id\": " + n + ", \"direction\": \"inbound\", \"started_at\": 1700000000, "
                        + "\"ended_at\": 1700000060, \"answered_at\": 1700000005, \"raw_digits\": \"+14155550100\", "
                        + "\"recording\": \"https://rec.example/" + n + ".mp3\"}"),
        EXOTEL_BULK(
                "{\"Metadata\": {\"Total\": 16, \"PageSize\": 50},\n\"Calls\": [\n",
                "\n]}\n",
                n -> "{\"Sid\": \"sid" + n + "\", \"Status\": \"completed\", \"Direction\": \"inbound\", "
                        + "\"StartTime\": \"2026-11-18 09:15:02\", \"EndTime\": \"2026-11-18 09:19:47\", "
                        + "\"From\": \"09812345678\", \"To\": \"08047112233\", "
                        + "\"RecordingUrl\": \"https://rec.example/" + n + ".mp3\"}"),
        CTM_PAGE(
                "{\"calls\": [\n",
                "\n], \"page\": 1, \"total_entries\": 16, \"total_pages\": 1}\n",
                n -> "{\"id\": " + n + ", \"name\": \"Ana\", \"caller_number\": \"+14155550100\", "
                        + "\"duration\": 36, \"called_at\": \"2026-11-18 10:24 AM\", \"direction\": \"inbound\", "
                        + "\"audio\": \"https://rec.example/" + n + ".mp3\"}");

        final String head;
        final String tail;
        final IntFunction<String> record;

        Document(String head, String tail, IntFunction<String> record) {
            this.head = head;
            this.tail = tail;
            this.record = record;
        }

        /** The document with record {@link #BROKEN} replaced by {@code broken}'s bytes. */
        byte[] with(byte[] broken) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            for (int n = 1; n <= RECORDS; n++) {
                out.writeBytes(n == BROKEN ? broken : record.apply(n).getBytes(StandardCharsets.UTF_8));
                out.writeBytes((n < RECORDS ? ",\n" : "").getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }

        /** The line record {@code n} is on. */
        long lineOf(int n) {
            return head.chars().filter(c -> c == '\n').count() + n;
        }
    }

    /** The ways record 3 is broken: each replaces its recording URL's text (or its start) with bad bytes. */
    enum Damage {
        LATIN_1(new byte[] {'"', 'J', 'o', 's', (byte) 0xE9, '"'}),
        INVALID_UTF_8(new byte[] {'"', (byte) 0xC3, '(', (byte) 0xFF, '"'}),
        RAW_NUL(new byte[] {'"', 'a', 0, 'b', '"'}),
        WRONG_TYPE("{\"nested\": [1, {\"deep\": \"}\"}]}".getBytes(StandardCharsets.UTF_8)),
        UNQUOTED_TOKEN("https://rec.example/3.mp3".getBytes(StandardCharsets.UTF_8));

        final byte[] value;

        Damage(byte[] value) {
            this.value = value;
        }
    }

    static byte[] damaged(Document document, Damage damage) {
        String good = document.record.apply(BROKEN);
        String url = "\"https://rec.example/" + BROKEN + ".mp3\"";
        int at = good.indexOf(url);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(good.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(damage.value);
        out.writeBytes(good.substring(at + url.length()).getBytes(StandardCharsets.UTF_8));
        return document.with(out.toByteArray());
    }

    static List<ReadResult> read(byte[] bytes) {
        return readAll(CallReaders.open(InputSource.of("batch.json", new ByteArrayInputStream(bytes)), null));
    }

    @ParameterizedTest
    @EnumSource(Document.class)
    void should_read_every_record_of_an_intact_document(Document document) {
        List<ReadResult> results =
                read(document.with(document.record.apply(BROKEN).getBytes(StandardCharsets.UTF_8)));

        assertThat(results).hasSize(RECORDS).allMatch(r -> r instanceof ReadResult.Call, "is a call");
    }

    @ParameterizedTest
    @EnumSource(Document.class)
    void should_cost_one_record_for_each_kind_of_damage(Document document) {
        for (Damage damage : Damage.values()) {
            List<ReadResult> results = read(damaged(document, damage));

            assertThat(results).as("%s in %s", damage, document).hasSize(RECORDS);
            assertThat(results.stream().filter(r -> r instanceof ReadResult.Rejected))
                    .as("%s", damage)
                    .hasSize(1);
            Rejection rejection = ((ReadResult.Rejected) results.get(BROKEN - 1)).rejection();
            assertThat(rejection.source().line()).as("%s", damage).isEqualTo(document.lineOf(BROKEN));
            assertThat(results.get(BROKEN))
                    .as("%s: the record after the broken one", damage)
                    .isInstanceOf(ReadResult.Call.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Document.class)
    void should_cost_one_record_for_a_string_over_the_parsers_limit(Document document) {
        byte[] huge = ("\"" + "x".repeat(JsonElements.MAX_RECORD + 1) + "\"").getBytes(StandardCharsets.US_ASCII);
        String good = document.record.apply(BROKEN);
        String url = "\"https://rec.example/" + BROKEN + ".mp3\"";
        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        broken.writeBytes(good.substring(0, good.indexOf(url)).getBytes(StandardCharsets.UTF_8));
        broken.writeBytes(huge);
        broken.writeBytes(good.substring(good.indexOf(url) + url.length()).getBytes(StandardCharsets.UTF_8));

        List<ReadResult> results = read(document.with(broken.toByteArray()));

        assertThat(results).hasSize(RECORDS);
        assertThat(((ReadResult.Rejected) results.get(BROKEN - 1)).rejection().reason())
                .contains("larger than");
    }

    @ParameterizedTest
    @EnumSource(Document.class)
    void should_reject_values_out_of_range_with_their_field(Document document) {
        String good = document.record.apply(BROKEN);
        String out = switch (document) {
            case AIRCALL_PAGE -> good.replace("\"ended_at\": 1700000060", "\"ended_at\": 1e30");
            case EXOTEL_BULK ->
                good.replace("\"EndTime\": \"2026-11-18 09:19:47\"", "\"EndTime\": \"+999999999-01-01T00:00:00Z\"");
            case CTM_PAGE -> good.replace("\"duration\": 36", "\"duration\": 1000000000000000000000000000000");
        };

        List<ReadResult> results = read(document.with(out.getBytes(StandardCharsets.UTF_8)));

        assertThat(results).hasSize(RECORDS);
        Rejection rejection = ((ReadResult.Rejected) results.get(BROKEN - 1)).rejection();
        assertThat(rejection.field()).isIn("ended_at", "EndTime", "duration");
        assertThat(rejection.reason()).contains("out of range");
    }

    @ParameterizedTest
    @EnumSource(Document.class)
    void should_report_what_an_unterminated_document_lost(Document document) {
        byte[] whole = document.with(document.record.apply(BROKEN).getBytes(StandardCharsets.UTF_8));
        String text = new String(whole, StandardCharsets.UTF_8);
        // An unterminated string in record 3: nothing after it can be told apart from the string.
        int cut = text.indexOf("https://rec.example/" + BROKEN + ".mp3\"")
                + ("https://rec.example/" + BROKEN + ".mp3").length();
        byte[] broken = (text.substring(0, cut) + text.substring(cut + 1)).getBytes(StandardCharsets.UTF_8);
        // The string now runs to the next quote and the brackets never balance again... or they do: either
        // way, no exception but InputException escapes and no record is invented.
        CallReader reader = CallReaders.open(InputSource.of("batch.json", new ByteArrayInputStream(broken)), null);
        try (reader) {
            int read = 0;
            try {
                for (ReadResult r : reader) {
                    read++;
                }
                assertThat(read).isLessThanOrEqualTo(RECORDS);
            } catch (InputException e) {
                assertThat(e.getMessage()).contains("truncated JSON").contains("bytes from there were not read");
                assertThat(read).isGreaterThanOrEqualTo(BROKEN - 1);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void should_name_offset_bytes_and_records_lost_when_the_document_stops_inside_a_record() {
        byte[] whole = Document.AIRCALL_PAGE.with(
                Document.AIRCALL_PAGE.record.apply(BROKEN).getBytes(StandardCharsets.UTF_8));
        String text = new String(whole, StandardCharsets.UTF_8);
        int cut = text.indexOf("{\"id\": 10,") + 20;
        CallReader reader = CallReaders.open(
                InputSource.of(
                        "batch.json",
                        new ByteArrayInputStream(text.substring(0, cut).getBytes(StandardCharsets.UTF_8))),
                null);

        assertThatThrownBy(() -> readAll(reader))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("line 11")
                .hasMessageContaining("starts at byte " + text.indexOf("{\"id\": 10,"))
                .hasMessageContaining("20 bytes from there were not read (about 1 record)");
    }
}
