package io.callaudit.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.TextNode;
import io.callaudit.model.CallRecord;
import io.callaudit.model.ReadResult;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads one JSON value per line. Each line is parsed on its own so that a broken line (a webhook log cut
 * mid-write, a stray debug print) is rejected with its line number and the next line reads normally. One line
 * is one record; only a line holding a page yields each of its calls, all located at that line.
 *
 * <p>A format with a line scanner ({@link InputFormat#lineScanner()}: Aircall's, for the bare call object) has
 * each line read from its bytes first; whatever the scanner declines is decoded and read through the JSON tree
 * like any other line.
 */
final class NdjsonReader extends StreamingReader {

    private final ByteLines lines;
    /** The format's byte-level reader of its usual line, or null when it has none. */
    private final AircallLineScanner scanner;

    private final Deque<ReadResult> pending = new ArrayDeque<>();
    private long line;

    NdjsonReader(InputSource source, InputFormat format, ZoneId zone) {
        super(source, format, zone);
        this.lines = new ByteLines(source.stream());
        this.scanner = format.lineScanner();
    }

    @Override
    ReadResult readNext() throws IOException {
        while (pending.isEmpty()) {
            if (!lines.next()) {
                return null;
            }
            line++;
            if (scanner != null) {
                CallRecord call = scanner.scan(lines.buffer(), lines.start(), lines.end(), name(), line);
                if (call != null) {
                    return new ReadResult.Call(call);
                }
            }
            String text = lines.text();
            if (!text.isBlank()) {
                pending.addAll(records(text));
            }
        }
        return pending.poll();
    }

    /**
     * The line's records: one line is one record, whatever it holds, so that {@code records_read} counts lines.
     * The exception is a page ({@code {"calls":[...]}}), a documented way to write several calls on a line,
     * which yields its calls. An array, several values on one line, or a line that is not valid JSON is one
     * rejection.
     */
    private List<ReadResult> records(String text) throws IOException {
        char first = text.strip().charAt(0);
        if (first == '[') {
            return List.of(reject(
                    line,
                    null,
                    "a JSON array, not a call object: one line holds one record",
                    ObjectFields.quote(TextNode.valueOf(text.strip()))));
        }
        List<ReadResult> out = new ArrayList<>();
        try (JsonParser parser = JsonRecordStream.MAPPER.createParser(text)) {
            JsonRecordStream stream = new JsonRecordStream(parser, line - 1);
            try {
                JsonRecordStream.Item item;
                while ((item = stream.next()) != null) {
                    out.add(map(item.node(), item.line()));
                }
            } catch (JsonProcessingException e) {
                return List.of(reject(line, null, "not valid JSON", stream.describe(e)));
            }
            if (stream.pageKey() == null && out.size() > 1) {
                return List.of(
                        reject(line, null, out.size() + " JSON values on one line: one line holds one " + "record"));
            }
        }
        return out;
    }

    @Override
    long line() {
        return line;
    }
}
