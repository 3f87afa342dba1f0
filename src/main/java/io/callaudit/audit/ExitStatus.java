package io.callaudit.audit;

/**
 * The exit-code contract, the same for the CLI's process status and the Lambda's response, so a CI job
 * never has to guess whether "1" meant findings or a crash.
 */
public enum ExitStatus {
    /** Nothing at or above the {@code --fail-on} threshold. */
    PASS(0),
    /** At least one finding at or above the threshold. */
    FINDINGS(1),
    /** Bad command line, or a profile (or waiver file) that is malformed. */
    USAGE(2),
    /** Input that could not be read at all: missing file, not JSON/CSV, truncated gzip, nothing in it. */
    INPUT(3),
    /** A bug in callaudit; the message says what to report. */
    INTERNAL(4);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
