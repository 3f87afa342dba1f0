package io.callaudit.cli;

import io.callaudit.audit.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One self-rewriting line on standard error while a large batch is read: records, calls per second, bytes
 * and, for files, how far through they are. Shown only on a terminal and for inputs worth waiting for; a
 * pipe or a CI log gets nothing.
 */
final class ProgressBar implements Progress {

    /** Below this much input the audit is over before a bar would help. */
    static final long LARGE = 32L << 20;

    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final long total;
    private final long started = System.nanoTime();
    private long shown;
    private int width;

    private ProgressBar(PrintWriter err, long total) {
        this.err = err;
        this.total = total;
    }

    /** A bar when {@code terminal} and the inputs are large (stdin counts as large: its size is unknown). */
    static Progress forInputs(List<String> inputs, boolean terminal, PrintWriter err) {
        if (!terminal) {
            return Progress.NONE;
        }
        long total = 0;
        for (String name : inputs) {
            if (name.equals("-")) {
                return new ProgressBar(err, 0);
            }
            try {
                total += Files.size(Path.of(name));
            } catch (IOException e) {
                return Progress.NONE;
            }
        }
        return total >= LARGE ? new ProgressBar(err, total) : Progress.NONE;
    }

    @Override
    public synchronized void update(long records, long bytes) {
        long now = System.nanoTime();
        if (now - shown < EVERY_NANOS) {
            return;
        }
        shown = now;
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        String line = String.format(
                Locale.ROOT,
                "callaudit: %,d records  %,.0f calls/s  %s read%s",
                records,
                records / seconds,
                megabytes(bytes),
                total > 0 ? String.format(Locale.ROOT, " of %s (%d%%)", megabytes(total), bytes * 100 / total) : "");
        width = Math.max(width, line.length());
        err.print("\r" + line + " ".repeat(width - line.length()));
        err.flush();
    }

    @Override
    public synchronized void done() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }
}
