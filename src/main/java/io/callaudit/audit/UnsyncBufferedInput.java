package io.callaudit.audit;

import java.io.IOException;
import java.io.InputStream;

/**
 * A read buffer without the lock {@code BufferedInputStream} takes on every call: reading spilled results
 * back is one thread making millions of small reads, and the lock was a tenth of that time.
 */
final class UnsyncBufferedInput extends InputStream {

    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int limit;

    UnsyncBufferedInput(InputStream in, int size) {
        this.in = in;
        this.buf = new byte[size];
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos == limit) {
            if (len >= buf.length) {
                return in.read(b, off, len);
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
