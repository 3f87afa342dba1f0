package io.callaudit.gate;

/**
 * A waivers or baseline file that cannot be used at all: missing, not YAML or JSON, or not the expected shape
 * at the top level. Unchecked because nothing upstream can recover except by telling the user, who gets the
 * usage-error exit status (2) and a message naming the file and line to fix.
 *
 * <p>A single bad waiver entry is not this: it becomes a {@code waiver.malformed} finding and the run goes on,
 * so one typo cannot hide every other finding.
 */
public final class GateFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    public GateFileException(String file, int line, String problem) {
        this(file, line, problem, null);
    }

    public GateFileException(String file, int line, String problem, Throwable cause) {
        super(format(file, line, problem), cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The file as the user named it. */
    public String file() {
        return file;
    }

    /** 1-based line, or 0 when the problem concerns the whole file (it cannot be read). */
    public int line() {
        return line;
    }

    /** The problem without the location prefix, for reports that print the location separately. */
    public String problem() {
        return problem;
    }

    private static String format(String file, int line, String problem) {
        return file + (line > 0 ? ":" + line : "") + ": " + problem;
    }
}
