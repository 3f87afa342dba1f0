package io.callaudit.ingest;

import static io.callaudit.ingest.Fixtures.NO_STDIN;
import static io.callaudit.ingest.Fixtures.call;
import static io.callaudit.ingest.Fixtures.path;
import static io.callaudit.ingest.Fixtures.readAll;
import static io.callaudit.ingest.Fixtures.readFixture;
import static io.callaudit.ingest.Fixtures.readStdin;
import static io.callaudit.ingest.Fixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callaudit.model.ReadResult;
import io.callaudit.model.SourceRef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {

    @TempDir
    Path tmp;

    @Test
    void gzipIsRecognisedByItsMagicBytesWhateverTheName() throws IOException {
        Path gz = tmp.resolve("calls.json");
        Files.write(gz, gzip(Files.readAllBytes(Path.of(path("aircall-page.json")))));

        try (CallReader reader = CallReaders.open(gz.toString(), NO_STDIN, null)) {
            assertThat(reader.format()).isEqualTo(InputFormat.AIRCALL);
            List<ReadResult> results = new ArrayList<>();
            reader.forEach(results::add);
            assertThat(results).extracting(r -> call(r).id()).containsExactly("3916681", "3916690");
            assertThat(call(results.get(1)).source()).isEqualTo(new SourceRef(gz.toString(), 14));
        }
    }

    @Test
    void stdinIsReadFromTheGivenStreamAndLeftOpen() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        byte[] body = gzip(Files.readAllBytes(Path.of(path("aircall-webhooks.ndjson"))));
        InputStream stdin = new ByteArrayInputStream(body) {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        List<ReadResult> results = readAll(CallReaders.open("-", stdin, null));

        assertThat(results).hasSize(3);
        assertThat(call(results.get(2)).source()).isEqualTo(new SourceRef("-", 3));
        assertThat(closed).isFalse();
    }

    @Test
    void truncatedGzipCannotBeRead() throws IOException {
        byte[] whole = gzip(Files.readAllBytes(Path.of(path("aircall-page.json"))));
        Path cut = tmp.resolve("cut.json.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> CallReaders.open(cut.toString(), NO_STDIN, null))
                .isInstanceOf(InputException.class)
                .hasMessage("cannot read '" + cut + "': truncated gzip (unexpected end of compressed data)");
    }

    @Test
    void gzipTruncatedAfterTheFirstRecordsFailsWhenReachedAfterYieldingThem() throws IOException {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            ndjson.append("{\"id\":")
                    .append(i)
                    .append(",\"started_at\":")
                    .append(1_700_000_000 + i)
                    .append(",\"ended_at\":")
                    .append(1_700_000_060 + i)
                    .append(",\"raw_digits\":\"+336")
                    .append(i * 7919L % 100_000_000)
                    .append("\"}\n");
        }
        byte[] whole = gzip(ndjson.toString().getBytes(StandardCharsets.UTF_8));
        byte[] cut = Arrays.copyOf(whole, whole.length - 100);

        CallReader reader = CallReaders.open("-", new ByteArrayInputStream(cut), null);
        Iterator<ReadResult> it = reader.iterator();
        assertThat(call(it.next()).id()).isEqualTo("0");
        assertThatThrownBy(() -> {
                    while (it.hasNext()) {
                        it.next();
                    }
                })
                .isInstanceOf(InputException.class)
                .hasMessageContaining("truncated gzip");
        reader.close();
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> CallReaders.open("x", NO_STDIN, null))
                .isInstanceOf(InputException.class)
                .hasMessage("cannot read 'x': no such file")
                .satisfies(e -> assertThat(((InputException) e).file()).isEqualTo("x"));
    }

    @Test
    void directoryIsNotAnInput() {
        assertThatThrownBy(() -> CallReaders.open(tmp.toString(), NO_STDIN, null))
                .isInstanceOf(InputException.class)
                .hasMessage("cannot read '" + tmp + "': is a directory");
    }

    @Test
    void openEachReadsFilesInOrderAndOpensLazily() {
        List<String> names = List.of(path("aircall-single-call.json"), "missing.ndjson");
        Iterator<CallReader> readers =
                CallReaders.openEach(names, NO_STDIN, null).iterator();

        List<ReadResult> first = readAll(readers.next());
        assertThat(first).extracting(r -> call(r).id()).containsExactly("9001");
        assertThat(readers.hasNext()).isTrue();
        assertThatThrownBy(readers::next)
                .isInstanceOf(InputException.class)
                .hasMessage("cannot read 'missing.ndjson': no such file");
    }

    @Test
    void openEachReadsZonelessTimesInTheGivenZone() {
        List<String> names = List.of(path("exotel-v1-call.json"), path("ctm-page.json"));
        Iterator<CallReader> readers = CallReaders.openEach(names, NO_STDIN, null, ZoneId.of("Asia/Kolkata"))
                .iterator();

        assertThat(call(readAll(readers.next()).get(0)).startedAt()).isEqualTo(Instant.parse("2017-03-03T05:18:33Z"));
        assertThat(call(readAll(readers.next()).get(0)).startedAt()).isEqualTo(Instant.parse("2012-08-17T04:54:00Z"));
    }

    @Test
    void aReaderIsIteratedOnce() {
        CallReader reader = CallReaders.open(path("aircall-single-call.json"), NO_STDIN, null);
        reader.iterator();
        assertThatThrownBy(reader::iterator).isInstanceOf(IllegalStateException.class);
        reader.close();
    }

    @Test
    void byteOrderMarkIsIgnored() {
        List<ReadResult> results =
                readStdin("\uFEFFid,started_at,ended_at\nA,2026-06-01T09:00:00Z,2026-06-01T09:01:00Z\n", null);
        assertThat(call(results.get(0)).id()).isEqualTo("A");
    }

    @Test
    void readingDoesNotHoldTheWholeInput() {
        // An endless page and an endless NDJSON stream: reading must hand out records as they come.
        assertThat(firstIds(endless("{\"calls\":[", ","), null)).containsExactly("0", "1", "2");
        assertThat(firstIds(endless("", "\n"), null)).containsExactly("0", "1", "2");
    }

    @Test
    void recordsAfterARejectionKeepComing() {
        List<ReadResult> results = readFixture("aircall-broken.ndjson");
        assertThat(results.stream()
                        .filter(r -> r instanceof ReadResult.Rejected)
                        .count())
                .isEqualTo(3);
        assertThat(rejection(results.get(1)).source().line()).isEqualTo(2);
    }

    private static List<String> firstIds(InputStream in, InputFormat forced) {
        List<String> ids = new ArrayList<>();
        try (CallReader reader = CallReaders.open("-", in, forced)) {
            for (ReadResult r : reader) {
                ids.add(call(r).id());
                if (ids.size() == 3) {
                    break;
                }
            }
        }
        return ids;
    }

    /** A stream of call objects that never ends, so reading it whole would never return. */
    private static InputStream endless(String prefix, String separator) {
        return new InputStream() {
            private byte[] chunk = prefix.getBytes(StandardCharsets.UTF_8);
            private int pos;
            private long n;

            @Override
            public int read() {
                if (pos == chunk.length) {
                    String sep = n == 0 ? "" : separator;
                    chunk = (sep + "{\"id\":" + n + ",\"started_at\":1700000000,\"ended_at\":1700000060,"
                                    + "\"raw_digits\":\"+33612345678\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    pos = 0;
                    n++;
                }
                return chunk[pos++] & 0xff;
            }
        };
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
}
