package io.callaudit.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callaudit.engine.Outcome;
import io.callaudit.engine.Summary;
import io.callaudit.rules.Severity;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Embedded Metric Format line, checked against the specification's structure. */
class MetricsLineTest {

    @Test
    void should_render_one_valid_emf_object_per_batch() throws IOException {
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        outcomes.put(Outcome.RECORDED, 7L);
        outcomes.put(Outcome.EXPLAINED_GAP, 9L);
        outcomes.put(Outcome.UNEXPLAINED_GAP, 1L);
        outcomes.put(Outcome.LOST, 1L);
        Summary summary =
                new Summary(19, 18, 1, 0, 0, Map.of(), outcomes, Map.of(), new EnumMap<>(Severity.class), 0, 0, null);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("requestId", "r-1");
        properties.put("key", "incoming/acme/calls.json");
        properties.put("exitCode", 1);

        String line = MetricsLine.render(
                Instant.ofEpochMilli(1795319036345L), "callaudit-prod", MetricsLine.metrics(summary, 594), properties);

        assertThat(line).doesNotContain("\n");
        JsonNode emf = new ObjectMapper().readTree(line);
        EmfAssert.assertValidEmf(emf);
        assertThat(emf.get("_aws").get("Timestamp").asLong()).isEqualTo(1795319036345L);
        assertThat(emf.get("Function").asText()).isEqualTo("callaudit-prod");
        assertThat(emf.get("Calls").asLong()).isEqualTo(18);
        assertThat(emf.get("UnexplainedGap").asLong()).isEqualTo(1);
        assertThat(emf.get("Rejected").asLong()).isEqualTo(1);
        assertThat(emf.get("DurationMs").asLong()).isEqualTo(594);
        assertThat(emf.get("exitCode").asInt()).isEqualTo(1);
    }
}
