package io.callaudit.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.callaudit.model.ReadResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads one JSON value per line. Each line is parsed on its own so that a broken line (a webhook log cut
 * mid-write, a stray debug print) is rejected with its line number and the next line reads normally. A line
 * holding a page or an array yields each of its records, all located at that line.
 */
final class NdjsonReader extends StreamingReader {

    private final BufferedReader lines;
    private final Deque<ReadResult> pending = new ArrayDeque<>();
    private long line;

    NdjsonReader(InputSource source, InputFormat format, ZoneId zone) {
        super(source, format, zone);
        this.lines = new BufferedReader(new InputStreamReader(source.stream(), StandardCharsets.UTF_8));
    }

    @Override
    ReadResult readNext() throws IOException {
        while (pending.isEmpty()) {
            String text = lines.readLine();
            if (text == null) {
                return null;
            }
            line++;
            if (!text.isBlank()) {
                pending.addAll(records(text));
            }
        }
        return pending.poll();
    }

    /** The line's records, or one rejection for the whole line when it is not valid JSON. */
    private List<ReadResult> records(String text) throws IOException {
        List<ReadResult> out = new ArrayList<>();
        try (JsonParser parser = JsonRecordStream.MAPPER.createParser(text)) {
            JsonRecordStream stream = new JsonRecordStream(parser, line - 1);
            try {
                JsonRecordStream.Item item;
                while ((item = stream.next()) != null) {
                    out.add(map(item.node(), item.line()));
                }
            } catch (JsonProcessingException e) {
                return List.of(reject(line, null, "not valid JSON: " + stream.describe(e)));
            }
        }
        return out;
    }

    @Override
    long line() {
        return line;
    }
}
