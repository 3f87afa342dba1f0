package io.callaudit.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.callaudit.model.ReadResult;
import java.io.IOException;
import java.time.ZoneId;

/**
 * Reads a JSON array, a page of calls (Aircall's and CTM's {@code {"calls":[...]}}, Exotel's
 * {@code {"Calls":[...]}}) or a pretty-printed object, one record at a time.
 * Unlike NDJSON, a document has no point to resume after a syntax error, so the error is rejected with its
 * line and ends the file (records before it stay read); a document that simply stops is a truncated file.
 */
final class JsonDocumentReader extends StreamingReader {

    private final JsonParser parser;
    private final JsonRecordStream records;
    private long line;
    private boolean ended;

    JsonDocumentReader(InputSource source, InputFormat format, ZoneId zone) throws IOException {
        super(source, format, zone);
        this.parser = JsonRecordStream.MAPPER.createParser(source.stream());
        this.records = new JsonRecordStream(parser, 0);
    }

    @Override
    ReadResult readNext() throws IOException {
        if (ended) {
            return null;
        }
        JsonRecordStream.Item item;
        try {
            item = records.next();
        } catch (JsonProcessingException e) {
            long at = records.lineOf(e) > 0 ? records.lineOf(e) : line;
            if (JsonRecordStream.isTruncation(e)) {
                throw new InputException(name(), at, "truncated JSON (" + records.describe(e) + ")", e);
            }
            ended = true;
            return reject(at, null, "malformed JSON, the rest of the file was not read: " + records.describe(e));
        }
        if (item == null) {
            ended = true;
            return null;
        }
        line = item.line();
        return map(item.node(), item.line());
    }

    @Override
    long line() {
        return line;
    }

    @Override
    public void close() {
        try {
            // Hands the parser's buffers back to Jackson's pool before the stream goes.
            parser.close();
        } catch (IOException e) {
            // The source is closed next either way.
        }
        super.close();
    }
}
