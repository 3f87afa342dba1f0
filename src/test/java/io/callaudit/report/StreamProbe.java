package io.callaudit.report;

import java.io.ByteArrayOutputStream;

/** An output stream that remembers whether the writer flushed or closed it: the caller owns the stream. */
final class StreamProbe extends ByteArrayOutputStream {

    boolean closed;
    boolean flushedAfterLastWrite;

    @Override
    public synchronized void write(int b) {
        super.write(b);
        flushedAfterLastWrite = false;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        super.write(b, off, len);
        flushedAfterLastWrite = false;
    }

    @Override
    public void flush() {
        flushedAfterLastWrite = true;
    }

    @Override
    public void close() {
        closed = true;
    }
}
