package io.callaudit.ingest;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * One named input, opened, decompressed and ready to be peeked at. Gzip is recognised by its magic bytes, not
 * by the file name, because exports and S3 objects are often compressed without saying so. The process's
 * stdin is passed in rather than taken from {@code System.in} so callers and tests can supply any stream.
 */
public final class InputSource implements Closeable {

    /** The name that means standard input. */
    public static final String STDIN = "-";

    private static final int BUFFER = 1 << 16;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String name;
    private final boolean gzipped;
    private final BufferedInputStream in;
    private final ByteCount count;

    private InputSource(String name, boolean gzipped, BufferedInputStream in, ByteCount count) {
        this.name = name;
        this.gzipped = gzipped;
        this.in = in;
        this.count = count;
    }

    /**
     * Opens a file, or stdin when {@code name} is {@value #STDIN}.
     *
     * @param stdin the process's standard input; left open on close, since the process owns it
     * @throws InputException when the file is missing or unreadable, or its gzip stream is broken
     */
    public static InputSource open(String name, InputStream stdin) {
        Objects.requireNonNull(name, "name");
        if (STDIN.equals(name)) {
            Objects.requireNonNull(stdin, "stdin");
            return of(name, new FilterInputStream(stdin) {
                @Override
                public void close() {
                    // stdin belongs to the process, not to this input.
                }
            });
        }
        return of(name, openFile(name));
    }

    /**
     * Wraps an already open stream (an S3 object body, a test fixture) under the name reports will show.
     * Closing the source closes {@code raw}.
     *
     * @throws InputException when the stream is gzip and its header is truncated or corrupt
     */
    public static InputSource of(String name, InputStream raw) {
        ByteCount count = new ByteCount(raw);
        BufferedInputStream buffered = new BufferedInputStream(count, BUFFER);
        try {
            boolean gzip = startsWith(buffered, new byte[] {(byte) 0x1f, (byte) 0x8b});
            BufferedInputStream text = gzip
                    ? new BufferedInputStream(new InflaterThread(new GzipGuard(name, buffered), name), BUFFER)
                    : buffered;
            if (startsWith(text, UTF8_BOM)) {
                text.skipNBytes(UTF8_BOM.length);
            }
            return new InputSource(name, gzip, text, count);
        } catch (IOException e) {
            closeQuietly(buffered);
            throw new InputException(name, 0, "read error: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(buffered);
            throw e;
        }
    }

    /** The input as the user named it ({@code -} for stdin): what rejections and findings point at. */
    public String name() {
        return name;
    }

    /** Whether the bytes were gzip: worth saying when a report shows odd line numbers for a compressed file. */
    public boolean gzipped() {
        return gzipped;
    }

    /** Bytes taken from the underlying file or stream so far, compressed as they are stored: for progress. */
    public long bytesRead() {
        return count.bytes;
    }

    /** Counts what passes through, for {@link #bytesRead()}; read by a progress thread, hence volatile. */
    private static final class ByteCount extends FilterInputStream {
        volatile long bytes;

        ByteCount(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                bytes += n;
            }
            return n;
        }
    }

    /** The decompressed bytes, BOM removed; supports mark/reset for peeking. */
    InputStream stream() {
        return in;
    }

    /**
     * Up to {@code limit} first bytes, left unread: format detection looks before the reader is chosen.
     */
    byte[] peek(int limit) throws IOException {
        in.mark(limit);
        try {
            return in.readNBytes(limit);
        } finally {
            in.reset();
        }
    }

    /** Closing never fails the run: every byte wanted has been read by then. */
    @Override
    public void close() {
        closeQuietly(in);
    }

    private static InputStream openFile(String name) {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new InputException(name, "not a valid path");
        }
        if (Files.isDirectory(path)) {
            throw new InputException(name, "is a directory");
        }
        try {
            return new StreamOnly(Files.newInputStream(path));
        } catch (NoSuchFileException e) {
            throw new InputException(name, "no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(name, "permission denied");
        } catch (IOException e) {
            throw new InputException(name, 0, e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /**
     * A file read strictly front to back, never asked its size or position: a named pipe, a process
     * substitution ({@code <(zcat calls.json.gz)}) or {@code /dev/stdin} has neither, and the channel stream
     * behind {@link Files#newInputStream} fails ("Illegal seek") when {@code available} or {@code skip} asks.
     */
    private static final class StreamOnly extends FilterInputStream {

        StreamOnly(InputStream in) {
            super(in);
        }

        @Override
        public int available() {
            return 0;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            byte[] discard = new byte[(int) Math.min(Math.max(n, 0), 8192)];
            while (skipped < n) {
                int r = in.read(discard, 0, (int) Math.min(discard.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }
    }

    private static boolean startsWith(BufferedInputStream in, byte[] magic) throws IOException {
        in.mark(magic.length);
        byte[] head = in.readNBytes(magic.length);
        in.reset();
        return Arrays.equals(head, magic);
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            // Nothing useful to do: the data is read or the run is already failing for a better reason.
        }
    }

    /**
     * Gunzips, and turns a broken stream into an {@link InputException} wherever it surfaces (detection,
     * JSON, CSV), because a truncated gzip is a broken file, not a bad record.
     */
    private static final class GzipGuard extends FilterInputStream {

        private final String name;

        GzipGuard(String name, InputStream compressed) {
            super(null);
            this.name = name;
            try {
                this.in = new GZIPInputStream(compressed, BUFFER);
            } catch (IOException e) {
                throw broken(e);
            }
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                throw broken(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw broken(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return in.skip(n);
            } catch (IOException e) {
                throw broken(e);
            }
        }

        private InputException broken(IOException e) {
            return new InputException(
                    name,
                    0,
                    e instanceof EOFException
                            ? "truncated gzip (unexpected end of compressed data)"
                            : "corrupt gzip (" + e.getMessage() + ")",
                    e);
        }
    }
}
