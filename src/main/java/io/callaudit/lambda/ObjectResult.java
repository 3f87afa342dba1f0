package io.callaudit.lambda;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.callaudit.audit.ExitStatus;
import io.callaudit.engine.Summary;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The response for one object: small enough for a CI log, with the same exit-code meaning as the CLI, and
 * where the full reports are. Serialised in snake_case like the JSON report.
 *
 * @param status {@code pass}, {@code findings} or {@code skipped} (failures are failed invocations, not a
 *        status)
 * @param exitCode the CLI's exit status: 0 pass, 1 findings at or above the fail-on threshold; 0 when skipped
 * @param reason why the object was skipped; null otherwise
 */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "status",
    "exit_code",
    "object",
    "records_read",
    "calls",
    "rejected",
    "by_outcome",
    "by_severity",
    "report",
    "summary",
    "html",
    "reason"
})
public record ObjectResult(
        String status,
        int exitCode,
        String object,
        Long recordsRead,
        Long calls,
        Long rejected,
        Map<String, Long> byOutcome,
        Map<String, Long> bySeverity,
        String report,
        String summary,
        String html,
        String reason) {

    /** @param html the HTML report's URI, or null when the settings do not ask for one */
    static ObjectResult audited(
            ExitStatus exit, String object, Summary summary, String report, String markdown, String html) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        summary.byOutcome().forEach((o, n) -> outcomes.put(o.wire(), n));
        Map<String, Long> severities = new LinkedHashMap<>();
        summary.bySeverity().forEach((s, n) -> severities.put(s.wire(), n));
        return new ObjectResult(
                exit == ExitStatus.PASS ? "pass" : "findings",
                exit.code(),
                object,
                summary.recordsRead(),
                summary.calls(),
                summary.rejected(),
                outcomes,
                severities,
                report,
                markdown,
                html,
                null);
    }

    static ObjectResult skipped(String object, String reason) {
        return new ObjectResult(
                "skipped", ExitStatus.PASS.code(), object, null, null, null, null, null, null, null, null, reason);
    }
}
