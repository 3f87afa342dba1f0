package io.callaudit.lambda;

import io.callaudit.audit.ExitStatus;
import java.util.List;

/**
 * A failed invocation: thrown out of the handler so that Lambda records an error, retries an asynchronous
 * event and finally hands it to the on-failure destination, instead of reporting a success that audited
 * nothing. The message carries the CLI's exit status for each object, and never personal data from the
 * batch (see {@link LogSafe}); it ends up in logs and in the failure queue.
 */
public final class AuditFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Failure> failures;

    /** One object that could not be audited. */
    public record Failure(String uri, ExitStatus status, String problem) {

        String describe() {
            return uri + ": " + problem + " (exit " + status.code() + ")";
        }
    }

    AuditFailedException(List<Failure> failures, int audited) {
        super(message(failures, audited));
        this.failures = List.copyOf(failures);
    }

    /** A payload that is neither an S3 event nor a direct invocation: the caller's mistake (exit 2). */
    static AuditFailedException invalidPayload(String problem) {
        return new AuditFailedException(List.of(new Failure("invocation payload", ExitStatus.USAGE, problem)), 0);
    }

    public List<Failure> failures() {
        return failures;
    }

    /** The worst exit status among the failures. */
    public ExitStatus status() {
        ExitStatus worst = ExitStatus.PASS;
        for (Failure f : failures) {
            worst = f.status().code() > worst.code() ? f.status() : worst;
        }
        return worst;
    }

    private static String message(List<Failure> failures, int audited) {
        StringBuilder sb = new StringBuilder("callaudit: ");
        if (failures.size() > 1 || audited > 0) {
            sb.append(failures.size())
                    .append(" of ")
                    .append(failures.size() + audited)
                    .append(" objects failed: ");
        }
        for (int i = 0; i < failures.size(); i++) {
            sb.append(i == 0 ? "" : "; ").append(failures.get(i).describe());
        }
        return sb.toString();
    }
}
