package io.callaudit.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a line against the CloudWatch Embedded Metric Format specification: {@code _aws} with an integer
 * {@code Timestamp} and {@code CloudWatchMetrics} directives, each with a namespace, dimension sets whose
 * names are top-level string members, and metrics whose names are top-level numbers with a valid unit.
 */
final class EmfAssert {

    static final List<String> UNITS = List.of(
            "Seconds",
            "Microseconds",
            "Milliseconds",
            "Bytes",
            "Kilobytes",
            "Megabytes",
            "Gigabytes",
            "Terabytes",
            "Bits",
            "Kilobits",
            "Megabits",
            "Gigabits",
            "Terabits",
            "Percent",
            "Count",
            "Bytes/Second",
            "Kilobytes/Second",
            "Megabytes/Second",
            "Gigabytes/Second",
            "Terabytes/Second",
            "Bits/Second",
            "Kilobits/Second",
            "Megabits/Second",
            "Gigabits/Second",
            "Terabits/Second",
            "Count/Second",
            "None");

    private EmfAssert() {}

    static void assertValidEmf(JsonNode line) {
        assertThat(line.isObject()).isTrue();
        JsonNode aws = line.get("_aws");
        assertThat(aws).as("_aws").isNotNull();
        assertThat(aws.get("Timestamp").isIntegralNumber())
                .as("Timestamp in epoch ms")
                .isTrue();
        JsonNode directives = aws.get("CloudWatchMetrics");
        assertThat(directives.isArray()).isTrue();
        assertThat(directives).hasSize(1);
        JsonNode directive = directives.get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo("callaudit");
        List<String> dimensions = new ArrayList<>();
        directive.get("Dimensions").forEach(set -> set.forEach(d -> dimensions.add(d.asText())));
        assertThat(dimensions).containsExactly("Function");
        for (String d : dimensions) {
            assertThat(line.get(d).isTextual())
                    .as("dimension %s is a top-level string", d)
                    .isTrue();
        }
        List<String> names = new ArrayList<>();
        for (JsonNode metric : directive.get("Metrics")) {
            String name = metric.get("Name").asText();
            names.add(name);
            assertThat(UNITS).as("unit of %s", name).contains(metric.get("Unit").asText());
            assertThat(line.get(name)).as("value of %s", name).isNotNull();
            assertThat(line.get(name).isNumber()).as("%s is a number", name).isTrue();
        }
        assertThat(names)
                .containsExactly(
                        "Calls", "Recorded", "ExplainedGap", "UnexplainedGap", "Lost", "Rejected", "DurationMs");
    }
}
