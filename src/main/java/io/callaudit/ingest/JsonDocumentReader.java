package io.callaudit.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.callaudit.model.ReadResult;
import java.io.IOException;
import java.time.ZoneId;

/**
 * Reads a JSON array, a page of calls (Aircall's and CTM's {@code {"calls":[...]}}, Exotel's
 * {@code {"Calls":[...]}}) or a pretty-printed object, one record at a time. The document is cut into records at
 * the byte level first ({@link JsonElements}) and each record is parsed on its own, so a record the parser
 * cannot read (a bad byte, a wrong token, a string over the parser's limits) is rejected with its line and the
 * next record reads normally, as in NDJSON. Only a document that ends inside a value cannot be read on; that
 * is a truncated file, reported with the bytes and the records it lost.
 */
final class JsonDocumentReader extends StreamingReader {

    private final JsonElements elements;
    private long line;
    private boolean ended;

    JsonDocumentReader(InputSource source, InputFormat format, ZoneId zone) {
        super(source, format, zone);
        this.elements = new JsonElements(source.stream());
    }

    @Override
    ReadResult readNext() throws IOException {
        if (ended) {
            return null;
        }
        JsonElements.Element element;
        try {
            element = elements.next();
        } catch (JsonElements.Unsynced e) {
            ended = true;
            throw new InputException(
                    name(),
                    e.line,
                    "truncated JSON: the document ends inside the record that "
                            + "starts at byte " + e.offset + "; " + e.bytesLost + " bytes from there were not read "
                            + "(about " + e.recordsLost + (e.recordsLost == 1 ? " record)" : " records)"),
                    e);
        }
        if (element == null) {
            ended = true;
            return null;
        }
        line = element.line();
        if (element.tooLarge()) {
            return reject(line, null, "record larger than " + (JsonElements.MAX_RECORD >> 20) + " MiB, not read");
        }
        JsonNode node;
        try {
            node = JsonRecordStream.MAPPER.readTree(element.bytes(), 0, element.length());
        } catch (JsonProcessingException e) {
            // The parser's words may quote the record's bytes: kept as the value, which --redact masks.
            return reject(line, null, "malformed JSON", JsonRecordStream.describe(e, line - 1));
        }
        return map(node == null ? NullNode.getInstance() : node, line);
    }

    @Override
    long line() {
        return line;
    }
}
