package io.callaudit.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Cuts a JSON document into its records at the byte level, before any parser sees them, so that one bad record
 * costs that record alone. A parser that meets a bad byte (invalid UTF-8, a raw NUL in a string, a string over
 * its size limit) or a wrong token has lost its place in the document; this scanner tracks only what decides
 * where a value ends (strings, their escapes, brackets), which such damage leaves intact, and so finds the next
 * record wherever the last one broke.
 *
 * <p>The records are those {@link JsonRecordStream} reads: the elements of a root array, the elements of a
 * page's {@code calls} or {@code Calls} array, and any other root value whole. Each comes out as its own bytes,
 * with the line and byte offset it starts at. Memory is one record: a record larger than
 * {@value #MAX_RECORD} bytes is skipped, not buffered, and comes out marked too large.
 *
 * <p>What it cannot get past is the end of the input inside a value: an unterminated string or an unclosed
 * bracket swallows the rest of the document. That is {@link Unsynced}, saying where and how much was lost.
 */
final class JsonElements {

    /** A record larger than this is rejected unread: no call is anywhere near, and memory must stay bounded. */
    static final int MAX_RECORD = 16 << 20;

    /** One record's bytes ({@code bytes[0..length)}, valid until the next call), or a record too large to keep. */
    record Element(byte[] bytes, int length, long line, long offset, boolean tooLarge) {}

    /** The document ends inside a value: everything from {@link #offset} on is lost. */
    static final class Unsynced extends IOException {

        private static final long serialVersionUID = 1L;

        final long line;
        final long offset;
        final long bytesLost;
        final long recordsLost;

        Unsynced(long line, long offset, long bytesLost, long recordsLost) {
            super("the document ends inside a value that starts at byte " + offset);
            this.line = line;
            this.offset = offset;
            this.bytesLost = bytesLost;
            this.recordsLost = recordsLost;
        }
    }

    private enum Mode {
        /** Between root values. */
        ROOT,
        /** Inside a root array, or a page's array of calls: each element is a record. */
        RECORDS,
        /** Past a page's array of calls, in the rest of the page object. */
        AFTER_PAGE
    }

    private static final Set<String> PAGE_KEYS = JsonRecordStream.PAGE_KEYS;

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private int pushback = -1;

    /** Bytes consumed so far. */
    private long offset;
    /** The line of the next byte, 1-based. */
    private long line = 1;
    /** Whether the byte just read ended a line, and whether it (and the one before it) was a {@code \r}. */
    private boolean lastNewline;

    private boolean lastWasCr;
    private boolean previousWasCr;

    private byte[] record = new byte[1 << 12];
    private int length;
    private boolean capturing;
    private boolean tooLarge;

    private Mode mode = Mode.ROOT;
    private boolean inPage;
    private boolean firstInArray;
    private long records;
    private long recordBytes;

    JsonElements(InputStream in) {
        this.in = in;
    }

    /**
     * The next record, or null at the end of the document.
     *
     * @throws Unsynced when the input ends inside a value
     */
    Element next() throws IOException {
        while (true) {
            switch (mode) {
                case ROOT -> {
                    int b = skipWhitespace();
                    if (b < 0) {
                        return null;
                    }
                    if (b == '[') {
                        enterArray(false);
                        continue;
                    }
                    long startLine = lineOf();
                    long start = offset - 1;
                    begin(b);
                    if (b == '{') {
                        if (rootObject(startLine, start)) {
                            continue;
                        }
                    } else {
                        value(b, startLine, start);
                    }
                    return element(startLine, start);
                }
                case RECORDS -> {
                    int b = skipWhitespace();
                    long startLine = lineOf();
                    if (b < 0) {
                        throw unsynced(startLine, offset);
                    }
                    if (b == ']') {
                        mode = inPage ? Mode.AFTER_PAGE : Mode.ROOT;
                        continue;
                    }
                    if (b == ',') {
                        // Between elements; a doubled or leading comma is no record, and the next value is.
                        continue;
                    }
                    firstInArray = false;
                    long start = offset - 1;
                    begin(b);
                    value(b, startLine, start);
                    return element(startLine, start);
                }
                case AFTER_PAGE -> {
                    int b = skipWhitespace();
                    if (b < 0) {
                        throw unsynced(lineOf(), offset);
                    }
                    if (b == '}') {
                        mode = Mode.ROOT;
                        inPage = false;
                    } else if (b != ',' && b != ':') {
                        // A key or a value of the page's meta: skipped, as the page's meta is not a record.
                        value(b, lineOf(), offset - 1);
                    }
                }
                default -> throw new IllegalStateException(mode.name());
            }
        }
    }

    private void enterArray(boolean page) {
        mode = Mode.RECORDS;
        inPage = page;
        firstInArray = true;
    }

    /**
     * Reads a root object after its brace: a page, whose array of calls is entered (true), or any other object,
     * read whole as one record (false).
     */
    private boolean rootObject(long startLine, long start) throws IOException {
        while (true) {
            int b = skipWhitespace();
            if (b < 0) {
                throw unsynced(startLine, start);
            }
            append(b);
            if (b == '}') {
                return false;
            }
            if (b == ',' || b == ':') {
                continue;
            }
            if (b != '"') {
                value(b, startLine, start);
                continue;
            }
            int keyStart = length;
            string(startLine, start);
            String key = tooLarge ? "" : new String(record, keyStart, length - 1 - keyStart, StandardCharsets.UTF_8);
            int c = skipWhitespace();
            if (c < 0) {
                throw unsynced(startLine, start);
            }
            if (c != ':') {
                append(c);
                value(c, startLine, start);
                continue;
            }
            append(c);
            int v = skipWhitespace();
            if (v < 0) {
                throw unsynced(startLine, start);
            }
            if (v == '[' && PAGE_KEYS.contains(key)) {
                // A page: what was read so far is its meta, not a record; its calls are the records.
                capturing = false;
                enterArray(true);
                return true;
            }
            append(v);
            value(v, startLine, start);
        }
    }

    /** Consumes the rest of a value whose first byte {@code b} was read (and captured). */
    private void value(int b, long startLine, long start) throws IOException {
        if (b == '"') {
            string(startLine, start);
        } else if (b == '{' || b == '[') {
            nested(startLine, start);
        } else {
            scalar();
        }
    }

    /** The rest of a string after its opening quote, escapes included. */
    private void string(long startLine, long start) throws IOException {
        while (true) {
            int b = read();
            if (b < 0) {
                throw unsynced(startLine, start);
            }
            append(b);
            if (b == '\\') {
                int e = read();
                if (e < 0) {
                    throw unsynced(startLine, start);
                }
                append(e);
            } else if (b == '"') {
                return;
            }
        }
    }

    /** The rest of an object or array after its opening bracket, to the bracket that closes it. */
    private void nested(long startLine, long start) throws IOException {
        int depth = 1;
        while (depth > 0) {
            int b = read();
            if (b < 0) {
                throw unsynced(startLine, start);
            }
            append(b);
            if (b == '"') {
                string(startLine, start);
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
    }

    /** The rest of a number, literal or stray token: up to whitespace or structure, which is left unread. */
    private void scalar() throws IOException {
        while (true) {
            int b = read();
            if (b < 0) {
                return;
            }
            if (b == ',' || b == ']' || b == '}' || b == '[' || b == '{' || b == '"' || isWhitespace(b)) {
                unread(b);
                return;
            }
            append(b);
        }
    }

    private void begin(int first) {
        length = 0;
        tooLarge = false;
        capturing = true;
        append(first);
    }

    private Element element(long startLine, long start) {
        capturing = false;
        records++;
        recordBytes += offset - start;
        return new Element(record, length, startLine, start, tooLarge);
    }

    private Unsynced unsynced(long startLine, long start) throws IOException {
        // Count what is left, reading it to the end: a pipe cannot say its size.
        long lost = offset - start;
        while (read() >= 0) {
            lost++;
        }
        long perRecord = records == 0 ? 0 : Math.max(1, recordBytes / records);
        long estimate = perRecord == 0 ? 1 : Math.max(1, (lost + perRecord - 1) / perRecord);
        capturing = false;
        mode = Mode.ROOT;
        return new Unsynced(startLine, start, lost, estimate);
    }

    private void append(int b) {
        if (!capturing || tooLarge) {
            return;
        }
        if (length == record.length) {
            if (length >= MAX_RECORD) {
                tooLarge = true;
                return;
            }
            record = Arrays.copyOf(record, Math.min(MAX_RECORD, length * 2));
        }
        record[length++] = (byte) b;
    }

    private int skipWhitespace() throws IOException {
        int b;
        do {
            b = read();
        } while (b >= 0 && isWhitespace(b));
        return b;
    }

    private static boolean isWhitespace(int b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** The line of the byte just read. */
    private long lineOf() {
        return lastNewline ? line - 1 : line;
    }

    private int read() throws IOException {
        int b;
        if (pushback >= 0) {
            b = pushback;
            pushback = -1;
        } else {
            if (pos == limit) {
                if (eof) {
                    return -1;
                }
                int n = in.read(buf, 0, buf.length);
                if (n <= 0) {
                    eof = n < 0;
                    if (eof) {
                        return -1;
                    }
                    n = 0;
                }
                pos = 0;
                limit = n;
                if (n == 0) {
                    return read();
                }
            }
            b = buf[pos++] & 0xFF;
        }
        offset++;
        // Lines end at \n, \r\n or a lone \r, as the parser counts them.
        lastNewline = b == '\n' && !lastWasCr || b == '\r';
        if (lastNewline) {
            line++;
        }
        previousWasCr = lastWasCr;
        lastWasCr = b == '\r';
        return b;
    }

    private void unread(int b) {
        pushback = b;
        offset--;
        if (lastNewline) {
            line--;
        }
        lastNewline = false;
        lastWasCr = previousWasCr;
    }
}
