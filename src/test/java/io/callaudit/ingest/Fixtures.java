package io.callaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callaudit.model.CallRecord;
import io.callaudit.model.ReadResult;
import io.callaudit.model.Rejection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures under src/test/resources/ingest/ and shorthands for reading them. */
final class Fixtures {

    static final InputStream NO_STDIN = InputStream.nullInputStream();

    private Fixtures() {}

    /** The fixture's absolute path: the name readers put in every SourceRef. */
    static String path(String fixture) {
        URL url = Fixtures.class.getResource("/ingest/" + fixture);
        assertThat(url).as("fixture %s", fixture).isNotNull();
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a fixture whose offset-less times are UTC. */
    static List<ReadResult> readFixture(String fixture) {
        return readAll(CallReaders.open(path(fixture), NO_STDIN, null, ZoneOffset.UTC));
    }

    /** Reads a fixture whose offset-less times are local to {@code zone}. */
    static List<ReadResult> readFixture(String fixture, ZoneId zone) {
        return readAll(CallReaders.open(path(fixture), NO_STDIN, null, zone));
    }

    static List<ReadResult> readStdin(String content, InputFormat forced) {
        return readAll(CallReaders.open("-", stdin(content), forced));
    }

    static InputStream stdin(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    static List<ReadResult> readAll(CallReader reader) {
        List<ReadResult> out = new ArrayList<>();
        try (reader) {
            for (ReadResult r : reader) {
                out.add(r);
            }
        }
        return out;
    }

    static JsonNode json(String text) {
        try {
            return JsonRecordStream.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CallRecord call(ReadResult r) {
        assertThat(r).isInstanceOf(ReadResult.Call.class);
        return ((ReadResult.Call) r).call();
    }

    static Rejection rejection(ReadResult r) {
        assertThat(r).isInstanceOf(ReadResult.Rejected.class);
        return ((ReadResult.Rejected) r).rejection();
    }
}
