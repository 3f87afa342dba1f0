package io.callaudit.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a byte stream into lines without decoding it, so a line the fast path reads never becomes a
 * {@code String}. Lines end as {@link java.io.BufferedReader#readLine()} has them end ({@code \n}, {@code \r} or
 * {@code \r\n}, a last line without a terminator included), so both ways of reading number lines alike. The
 * current line stays valid until the next call to {@link #next()}.
 */
final class ByteLines {

    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private ByteBuffer words = Words.view(buf);
    private int pos;
    private int limit;
    private int start;
    private int end;
    private boolean skipLf;
    private boolean eof;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the input. */
    boolean next() throws IOException {
        if (skipLf) {
            if (pos == limit && !fill()) {
                return false;
            }
            if (buf[pos] == '\n') {
                pos++;
            }
            skipLf = false;
        }
        int scan = pos;
        while (true) {
            scan = skipPlain(scan);
            for (int i = scan; i < limit; i++) {
                byte c = buf[i];
                if (c == '\n' || c == '\r') {
                    start = pos;
                    end = i;
                    pos = i + 1;
                    skipLf = c == '\r';
                    return true;
                }
            }
            scan = limit - pos;
            if (!fill()) {
                if (pos == limit) {
                    return false;
                }
                start = pos;
                end = limit;
                pos = limit;
                return true;
            }
            scan += pos;
        }
    }

    /**
     * The position of the first line terminator from {@code i}, or where the last full word of eight bytes
     * ends: lines are a kilobyte long, and finding their ends byte by byte was a tenth of reading.
     */
    private int skipPlain(int i) {
        while (i + 8 <= limit) {
            long w = words.getLong(i);
            long found = Words.equal(w, (byte) '\n') | Words.equal(w, (byte) '\r');
            if (found != 0) {
                return i + Words.firstIndex(found);
            }
            i += 8;
        }
        return i;
    }

    /** The buffer holding the current line; valid until {@link #next()}. */
    byte[] buffer() {
        return buf;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** The current line decoded, as {@code InputStreamReader} would have decoded it. */
    String text() {
        return new String(buf, start, end - start, StandardCharsets.UTF_8);
    }

    /**
     * Reads more input after the unread bytes, moving them to the front or growing the buffer for a long line.
     * False at the end of the input.
     */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
            words = Words.view(buf);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }
}
