package io.callaudit.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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
 * mid-write, a stray debug print) is rejected with its line number and the next line reads normally. A line
 * holding a page or an array yields each of its records, all located at that line.
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
