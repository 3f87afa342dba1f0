package io.callaudit.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Report bytes streamed onto the command's {@link PrintWriter} (standard output, or a test's writer), so a
 * report to standard output takes the same bounded memory as one to a file. Report writers produce UTF-8;
 * a character split across two writes is held back until its last byte arrives.
 */
final class PrintWriterOutput extends OutputStream {

    private final PrintWriter out;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(64 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024);

    PrintWriterOutput(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        int end = offset + length;
        while (offset < end) {
            int n = Math.min(pending.remaining(), end - offset);
            pending.put(bytes, offset, n);
            offset += n;
            decode(false);
        }
    }

    private void decode(boolean endOfInput) {
        pending.flip();
        while (true) {
            boolean overflow = decoder.decode(pending, chars, endOfInput).isOverflow();
            drain();
            if (!overflow) {
                break;
            }
        }
        if (endOfInput) {
            decoder.flush(chars);
            drain();
        }
        pending.compact();
    }

    private void drain() {
        chars.flip();
        out.append(chars);
        chars.clear();
    }

    @Override
    public void flush() {
        out.flush();
    }

    /** Ends the stream: a dangling partial character becomes U+FFFD rather than vanishing. */
    @Override
    public void close() {
        decode(true);
        decoder.reset();
        out.flush();
    }
}
