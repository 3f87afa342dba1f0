package io.callaudit.audit;

import io.callaudit.ingest.InputFormat;
import java.time.Instant;
import java.util.List;

/**
 * One audit as a face asks for it.
 *
 * @param profile path of the profile YAML, or null to audit against the provider's defaults
 * @param inputs file names in order; {@code -} is standard input
 * @param inputFormat forced input format, or null to detect it
 * @param asOf audit clock; null means the profile's {@code as_of}, else now
 * @param progress told how far reading has got; {@link Progress#NONE} shows nothing
 */
public record AuditRequest(
        String profile, List<String> inputs, InputFormat inputFormat, Instant asOf, Progress progress) {

    public AuditRequest {
        inputs = List.copyOf(inputs);
        progress = progress == null ? Progress.NONE : progress;
    }

    public AuditRequest(String profile, List<String> inputs, InputFormat inputFormat, Instant asOf) {
        this(profile, inputs, inputFormat, asOf, Progress.NONE);
    }
}
