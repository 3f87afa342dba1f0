package io.callaudit.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Inflates a gzip stream on a thread of its own, a few chunks ahead of the parser: java.util.zip alone caps a
 * thread near 150k calls/s, so decompression and parsing each get a core instead of taking turns on one. A
 * failure (a truncated file) surfaces where the parser reads, as it would without the thread.
 */
final class InflaterThread extends InputStream {

    private static final int CHUNK = 1 << 16;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(8);
    private final Thread thread;
    private final InputStream compressed;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    InflaterThread(InputStream inflating, String name) {
        this.compressed = inflating;
        this.thread = new Thread(() -> pump(inflating), "callaudit-inflate-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void pump(InputStream in) {
        try {
            while (true) {
                byte[] buf = in.readNBytes(CHUNK);
                if (buf.length == 0) {
                    chunks.put(END);
                    return;
                }
                chunks.put(buf);
            }
        } catch (IOException e) {
            offer(e);
        } catch (UncheckedIOException e) {
            offer(e.getCause());
        } catch (RuntimeException e) {
            offer(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void offer(Exception e) {
        try {
            chunks.put(e);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        Object next;
        try {
            next = chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while inflating", e);
        }
        if (next instanceof IOException io) {
            ended = true;
            throw io;
        }
        if (next instanceof RuntimeException re) {
            ended = true;
            throw re;
        }
        byte[] buf = (byte[]) next;
        if (buf.length == 0) {
            ended = true;
            return false;
        }
        current = buf;
        pos = 0;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (pos == current.length && !fill()) {
            return -1;
        }
        return current[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos == current.length && !fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        Arrays.fill(current, (byte) 0);
        compressed.close();
    }
}
