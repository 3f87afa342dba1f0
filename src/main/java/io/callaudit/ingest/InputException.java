package io.callaudit.ingest;

/**
 * Input that cannot be read at all: a missing file, content that is neither JSON, NDJSON nor CSV call records,
 * a truncated document or gzip stream. A bad record is not one of these (it becomes a rejection and the batch
 * goes on); this one stops the run, and the CLI maps it to exit status 3.
 */
public final class InputException extends RuntimeException {

    private final String file;
    private final long line;

    /** A problem with the input as a whole, tied to no line (missing file, broken gzip). */
    public InputException(String file, String detail) {
        this(file, 0, detail, null);
    }

    public InputException(String file, long line, String detail) {
        this(file, line, detail, null);
    }

    public InputException(String file, long line, String detail, Throwable cause) {
        super(message(file, line, detail), cause);
        this.file = file;
        this.line = line;
    }

    /** The input as the user named it ({@code -} for stdin). */
    public String file() {
        return file;
    }

    /** The 1-based line where reading stopped, or 0 when the problem is not tied to a line. */
    public long line() {
        return line;
    }

    private static String message(String file, long line, String detail) {
        return "cannot read '" + file + "'" + (line > 0 ? " line " + line : "") + ": " + detail;
    }
}
