package io.callaudit.audit;

import java.io.IOException;
import java.io.OutputStream;

/** A write buffer without {@code BufferedOutputStream}'s per-call lock, for the one thread that spills. */
final class UnsyncBufferedOutput extends OutputStream {

    private final OutputStream out;
    private final byte[] buf;
    private int count;

    UnsyncBufferedOutput(OutputStream out, int size) {
        this.out = out;
        this.buf = new byte[size];
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buf.length) {
            flushBuffer();
        }
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len >= buf.length) {
            flushBuffer();
            out.write(b, off, len);
            return;
        }
        if (len > buf.length - count) {
            flushBuffer();
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    private void flushBuffer() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
