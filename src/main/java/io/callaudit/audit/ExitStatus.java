package io.callaudit.audit;

import io.callaudit.gate.GateFileException;
import io.callaudit.ingest.InputException;
import io.callaudit.profile.ProfileException;
import java.util.Locale;

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
    /** A bug in callaudit, or a resource exhausted (memory, stack); the message says what to try. */
    INTERNAL(4);

    /** The environment variable that asks for the stack trace of an internal error, for a bug report. */
    public static final String DEBUG_ENV = "CALLAUDIT_DEBUG";

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * A failure a face defines itself (a report it cannot write, a payload it refuses) and already knows the
     * status of; the core's own failures are recognised by {@link #of(Throwable)} without it.
     */
    public interface Known {
        ExitStatus exitStatus();
    }

    /**
     * The one mapping from a failure to the contract, for the CLI and the Lambda alike: a malformed profile,
     * waiver file or baseline is a usage error, an input that cannot be read is 3, and everything else,
     * whether a bug or an exhausted resource, is 4; never 1, which a CI job reads as "findings".
     */
    public static ExitStatus of(Throwable failure) {
        if (failure instanceof Known k) {
            return k.exitStatus();
        }
        if (failure instanceof ProfileException || failure instanceof GateFileException) {
            return USAGE;
        }
        if (failure instanceof InputException) {
            return INPUT;
        }
        return INTERNAL;
    }

    /**
     * The one plain line a user reads for a failure. A known failure's own message names file, line and key;
     * an internal one names what failed and what to try, and never the exception's message, which may quote
     * a value of the batch (a phone number, an e-mail) that must not reach a terminal or a log.
     */
    public static String describe(Throwable failure) {
        if (of(failure) != INTERNAL) {
            return failure.getMessage();
        }
        String what;
        String tryThis;
        if (failure instanceof OutOfMemoryError) {
            what = "out of memory";
            tryThis = "give the JVM more heap (JAVA_OPTS=-Xmx2g) or audit the batch in smaller files";
        } else if (failure instanceof StackOverflowError) {
            what = "stack exhausted";
            tryThis = "an input may be nested too deeply; give the JVM a larger stack (JAVA_OPTS=-Xss8m)";
        } else if (failure instanceof VirtualMachineError) {
            what = "the Java runtime failed";
            tryThis = "run again; if it recurs, report it with the stack trace";
        } else {
            what = "a bug in callaudit";
            tryThis = "please report it with the stack trace";
        }
        return "internal error: " + what + " (" + where(failure) + "); " + tryThis + "; set " + DEBUG_ENV
                + "=1 or pass --debug to print the stack trace";
    }

    /** The exception's type and the first frame, which is what a maintainer needs from one line. */
    private static String where(Throwable failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        String type = failure.getClass().getSimpleName();
        if (trace.length == 0) {
            return type;
        }
        StackTraceElement top = trace[0];
        String cls = top.getClassName().substring(top.getClassName().lastIndexOf('.') + 1);
        return type + " at " + cls + "." + top.getMethodName()
                + (top.getLineNumber() > 0 ? ":" + top.getLineNumber() : "");
    }

    /** Whether the environment asks for stack traces ({@value #DEBUG_ENV} set to anything but 0 or false). */
    public static boolean debugRequested(String envValue) {
        if (envValue == null || envValue.isBlank()) {
            return false;
        }
        String v = envValue.trim().toLowerCase(Locale.ROOT);
        return !v.equals("0") && !v.equals("false") && !v.equals("no");
    }
}
