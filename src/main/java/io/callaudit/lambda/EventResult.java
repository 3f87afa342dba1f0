package io.callaudit.lambda;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The response to an event that named several objects (or none): the worst status and exit code first, so
 * a caller that reads only {@code exit_code} gets the same answer as from a one-object response, then one
 * {@link ObjectResult} per object in event order. S3 sends one record per event in practice; a one-object
 * invocation is answered with the bare {@link ObjectResult}.
 */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"status", "exit_code", "results"})
public record EventResult(String status, int exitCode, List<ObjectResult> results) {

    public EventResult {
        results = List.copyOf(results);
    }

    /** Findings beat pass beats skipped; the exit code is the highest. */
    static EventResult of(List<ObjectResult> results) {
        String status = "skipped";
        int exit = 0;
        for (ObjectResult r : results) {
            exit = Math.max(exit, r.exitCode());
            if (r.status().equals("findings") || r.status().equals("pass") && status.equals("skipped")) {
                status = r.status();
            }
        }
        return new EventResult(status, exit, results);
    }
}
