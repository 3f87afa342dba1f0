package io.callaudit.profile;

import io.callaudit.model.ProfileLocation;

/**
 * A profile that cannot be used. Unchecked because nothing upstream can recover from it except by telling
 * the user, who gets exit status 2 and a message naming the file, line and key to fix.
 *
 * <p>{@link #line()} is 0 when the problem concerns the whole file (it cannot be read, or is too large).
 * {@link #key()} is null when no key is involved (the file is empty, is not a mapping, or is not YAML).
 */
public final class ProfileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String key;
    private final String problem;

    public ProfileException(String file, int line, String key, String problem) {
        this(file, line, key, problem, null);
    }

    public ProfileException(String file, int line, String key, String problem, Throwable cause) {
        super(format(file, line, key, problem), cause);
        this.file = file;
        this.line = line;
        this.key = key;
        this.problem = problem;
    }

    /** The profile's path as the user gave it. */
    public String file() {
        return file;
    }

    /** 1-based line, or 0 for a problem with the file as a whole. */
    public int line() {
        return line;
    }

    /** Dotted key path such as {@code numbers[2].id}, or null. */
    public String key() {
        return key;
    }

    /** The problem alone, without the location prefix, for reports that print the location separately. */
    public String problem() {
        return problem;
    }

    /** Where the problem is, in the shape configuration findings use. */
    public ProfileLocation location() {
        return new ProfileLocation(file, line, key);
    }

    private static String format(String file, int line, String key, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (key != null && !key.isEmpty()) {
            sb.append(key).append(": ");
        }
        return sb.append(problem).toString();
    }
}
