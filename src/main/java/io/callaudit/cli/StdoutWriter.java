package io.callaudit.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard output as the command line's writer that also hands out its bytes: a report of
 * hundreds of megabytes piped to {@code jq} goes out as the writer produced it, not decoded to characters
 * and encoded again (which took over twice as long as the audit). Commands still print text through
 * {@code commandLine.getOut()}, so tests that swap in their own writer see everything.
 */
final class StdoutWriter extends PrintWriter {

    private final OutputStream bytes;

    private StdoutWriter(OutputStream bytes) {
        super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
        this.bytes = bytes;
    }

    /** UTF-8 on file descriptor 1, whatever the platform's default charset. */
    static StdoutWriter open() {
        return new StdoutWriter(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    }

    /**
     * The underlying bytes, after any text printed so far; closing what it returns flushes and leaves
     * standard output open.
     */
    OutputStream bytes() {
        flush();
        return new FilterOutputStream(bytes) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    /** Report bytes for {@code out}: straight through for standard output, decoded onto any other writer. */
    static OutputStream reportStream(PrintWriter out) {
        return out instanceof StdoutWriter stdout ? stdout.bytes() : new PrintWriterOutput(out);
    }
}
