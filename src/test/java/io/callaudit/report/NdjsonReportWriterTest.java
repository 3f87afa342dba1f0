package io.callaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callaudit.engine.AuditResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NdjsonReportWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final NdjsonReportWriter writer = new NdjsonReportWriter();

    static Stream<Arguments> samples() {
        return SampleAudits.named("aircall-defaults", "aircall-configured", "suppressed", "awkward", "empty");
    }

    /** Every line on its own is a complete JSON object, typed, in the order summary, calls, findings, rejected. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyLineIsOneTypedObjectInOrder(String name, Supplier<AuditResult> sample) throws IOException {
        AuditResult result = sample.get();
        List<JsonNode> lines = parse(Reports.render(writer, result, Reports.english()));

        assertThat(lines).allMatch(JsonNode::isObject);
        assertThat(lines).allMatch(l -> l.get("type") != null && keys(l).get(0).equals("type"));
        List<String> types = lines.stream().map(l -> l.get("type").asText()).toList();
        List<String> expected = new ArrayList<>();
        expected.add("summary");
        expected.add("rules");
        result.calls().forEach(c -> expected.add("call"));
        result.findings().forEach(f -> expected.add("finding"));
        result.rejected().forEach(r -> expected.add("rejected"));
        assertThat(types).containsExactlyElementsOf(expected);

        JsonNode summary = lines.get(0);
        assertThat(summary.get("records_read").asLong()).isEqualTo(result.recordsRead());
        assertThat(summary.get("calls").asLong()).isEqualTo(result.calls().size());
        assertThat(summary.get("rejected").asLong()).isEqualTo(result.rejected().size());
        assertThat(summary.has("waived")).isTrue();
        assertThat(summary.has("baselined")).isTrue();
        assertThat(summary.get("stale_baseline").size())
                .isEqualTo(result.staleBaseline().size());
    }

    /** The same objects as the json report, so a consumer needs one schema for both. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void linesCarryTheJsonReportsObjects(String name, Supplier<AuditResult> sample) throws IOException {
        AuditResult result = sample.get();
        JsonNode json = MAPPER.readTree(Reports.render(new JsonReportWriter(), result, Reports.english()));
        List<JsonNode> lines = parse(Reports.render(writer, result, Reports.english()));

        List<JsonNode> calls = new ArrayList<>();
        for (JsonNode call : json.get("calls")) {
            // The json report names each call's file once in "inputs"; a line stands alone and names it.
            ObjectNode named = call.deepCopy();
            named.remove(List.of("input", "line"));
            ObjectNode source = MAPPER.createObjectNode();
            source.set("file", json.get("inputs").get(call.get("input").asInt()));
            source.set("line", call.get("line"));
            named.set("source", source);
            calls.add(named);
        }
        assertThat(ofType(lines, "call")).containsExactlyElementsOf(calls);
        assertThat(ofType(lines, "rules").get(0).get("rules")).isEqualTo(json.get("rules"));
        assertThat(ofType(lines, "finding")).containsExactlyElementsOf(list(json.get("findings")));
        assertThat(ofType(lines, "rejected")).containsExactlyElementsOf(list(json.get("rejected")));

        ObjectNode summary = (ObjectNode) ofType(lines, "summary").get(0);
        ObjectNode expected = ((ObjectNode) json.get("summary")).deepCopy();
        expected.set("records_read", json.get("records_read"));
        expected.set("as_of", json.get("as_of"));
        expected.set("profile_applied", json.get("profile_applied"));
        expected.set("rules_not_run", json.get("rules_not_run"));
        expected.set("stale_baseline", json.get("stale_baseline"));
        assertThat(summary).isEqualTo(expected);
    }

    @Test
    void findingsCarryRuleSeverityStatusProseAndWhere() throws IOException {
        List<JsonNode> lines = parse(Reports.render(writer, SampleAudits.suppressed(), Reports.english()));
        List<JsonNode> findings = ofType(lines, "finding");
        JsonNode rules = ofType(lines, "rules").get(0).get("rules");
        for (JsonNode f : findings) {
            assertThat(f.get("rule").asText()).isNotBlank();
            assertThat(f.get("severity").asText()).isIn("error", "warning", "info");
            assertThat(f.path("status").asText("open")).isIn("open", "waived", "baselined");
            assertThat(f.get("message").asText()).isNotBlank();
            assertThat(f.has("remediation")).isFalse();
            assertThat(rules.get(f.get("rule").asText()).get("remediation").asText())
                    .isNotBlank();
            assertThat(f.has("call_id") || f.has("location")).isTrue();
        }
        assertThat(findings)
                .anyMatch(f -> f.path("status").asText().equals("waived")
                        && f.get("waiver").get("owner").asText().equals("qa-lead"));
    }

    @Test
    void lineBreaksInDataStayInsideTheirLine() throws IOException {
        String out = Reports.render(writer, SampleAudits.awkward(), Reports.english());
        List<JsonNode> rejected = ofType(parse(out), "rejected");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).get("reason").asText()).contains("pipe\nsecond line \u0001");
    }

    @Test
    void emptyAuditIsASummaryAndAnEmptyRulesLine() throws IOException {
        String out = Reports.render(writer, SampleAudits.empty(), Reports.english());
        assertThat(out.lines()).hasSize(2);
        assertThat(MAPPER.readTree(out.lines().toList().get(1)).get("rules").isEmpty())
                .isTrue();
        assertThat(MAPPER.readTree(out).get("records_read").asLong()).isZero();
    }

    @Test
    void flushesAndLeavesTheStreamOpen() throws IOException {
        StreamProbe out = new StreamProbe();
        writer.write(SampleAudits.aircallConfigured(), Reports.english(), out);
        assertThat(out.closed).isFalse();
        assertThat(out.flushedAfterLastWrite).isTrue();
    }

    /** Parses line by line, as a streaming consumer would; no blank lines, a final line break. */
    private static List<JsonNode> parse(String out) throws IOException {
        assertThat(out).endsWith("\n").doesNotContain("\r");
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.substring(0, out.length() - 1).split("\n", -1)) {
            assertThat(line).isNotBlank().startsWith("{\"type\":").endsWith("}");
            nodes.add(MAPPER.readTree(line));
        }
        return nodes;
    }

    /** Lines of one type, without their {@code type} field. */
    private static List<JsonNode> ofType(List<JsonNode> lines, String type) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode line : lines) {
            if (line.get("type").asText().equals(type)) {
                ObjectNode copy = ((ObjectNode) line).deepCopy();
                copy.remove("type");
                out.add(copy);
            }
        }
        return out;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
