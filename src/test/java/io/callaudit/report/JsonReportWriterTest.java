package io.callaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callaudit.engine.AuditResult;
import io.callaudit.rules.Finding;
import io.callaudit.rules.Messages;
import io.callaudit.rules.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonReportWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonReportWriter writer = new JsonReportWriter();

    static Stream<Arguments> samples() {
        return SampleAudits.named("aircall-defaults", "aircall-configured", "all-recorded", "empty");
    }

    @Test
    void waivedFindingsAreReportedWithTheirWaiverNeverDropped() throws IOException {
        AuditResult result = SampleAudits.suppressed();
        JsonNode root = MAPPER.readTree(Reports.render(writer, result, Reports.english()));
        JsonNode findings = root.get("findings");
        assertThat(findings).hasSize(result.findings().size());

        JsonNode waived = only(findings, "link.number-deleted");
        assertThat(waived.get("status").asText()).isEqualTo("waived");
        assertThat(keys(waived)).endsWith("waiver");
        assertThat(keys(waived.get("waiver"))).containsExactly("reason", "owner", "expires");
        assertThat(waived.get("waiver").get("reason").asText())
                .isEqualTo("number 900 retired, recordings exported first");
        assertThat(waived.get("waiver").get("owner").asText()).isEqualTo("qa-lead");
        assertThat(waived.get("waiver").get("expires").asText()).isEqualTo("2026-12-31");

        JsonNode baselined = only(findings, "config.consent-missing");
        assertThat(baselined.get("status").asText()).isEqualTo("baselined");
        assertThat(baselined.has("waiver")).isFalse();

        JsonNode expired = only(findings, "waiver.expired");
        assertThat(expired.has("status")).as("open").isFalse();
        assertThat(expired.get("location").get("file").asText()).isEqualTo("waivers.yaml");

        JsonNode summary = root.get("summary");
        assertThat(summary.get("waived").asLong()).isEqualTo(1);
        assertThat(summary.get("baselined").asLong()).isEqualTo(1);
        assertThat(summary.get("by_rule").get("link.number-deleted").asLong())
                .as("suppressed findings are still counted per rule")
                .isEqualTo(1);
        assertThat(texts(root.get("stale_baseline"))).containsExactly("gap.unexplained 1999 calls.ndjson");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void countsAddUp(String name, Supplier<AuditResult> sample) throws IOException {
        AuditResult result = sample.get();
        JsonNode root = MAPPER.readTree(Reports.render(writer, result, Reports.english()));
        JsonNode summary = root.get("summary");

        long calls = summary.get("calls").asLong();
        long rejected = summary.get("rejected").asLong();
        long superseded = summary.get("superseded").asLong();
        assertThat(root.get("records_read").asLong()).isEqualTo(calls + rejected + superseded);
        assertThat(root.get("calls")).hasSize((int) calls);
        assertThat(root.get("rejected")).hasSize((int) rejected);

        int findings = root.get("findings").size();
        assertThat(sum(summary.get("by_severity"))).isEqualTo(findings);
        assertThat(sum(summary.get("by_rule"))).isEqualTo(findings);
        assertThat(sum(summary.get("by_outcome"))).isEqualTo(calls);
        assertThat(findings).isEqualTo(result.findings().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void keysAreStableAndComplete(String name, Supplier<AuditResult> sample) throws IOException {
        AuditResult result = sample.get();
        JsonNode root = MAPPER.readTree(Reports.render(writer, result, Reports.english()));

        assertThat(keys(root))
                .containsExactly(
                        "schema_version",
                        "records_read",
                        "as_of",
                        "assumed_time_zone",
                        "provider",
                        "profile_applied",
                        "rules_not_run",
                        "summary",
                        "rules",
                        "calls",
                        "inputs",
                        "findings",
                        "rejected",
                        "stale_baseline");
        assertThat(root.get("schema_version").asInt()).isEqualTo(2);
        assertThat(keys(root.get("summary")))
                .containsExactly(
                        "calls",
                        "rejected",
                        "superseded",
                        "skipped",
                        "skipped_by_kind",
                        "by_outcome",
                        "recording_rate",
                        "by_rule",
                        "by_severity",
                        "waived",
                        "baselined");
        assertThat(root.get("stale_baseline").isArray()).isTrue();
        assertThat(keys(root.get("summary").get("by_outcome")))
                .containsExactly("recorded", "explained-gap", "unexplained-gap", "lost", "pending");
        assertThat(keys(root.get("summary").get("by_severity"))).containsExactly("error", "warning", "info");
        assertThat(root.get("records_read").isIntegralNumber()).isTrue();

        for (JsonNode call : root.get("calls")) {
            List<String> expected = new ArrayList<>(List.of("id", "outcome"));
            if (!call.path("reasons").isEmpty()) {
                expected.add("reasons");
            }
            if (result.profile().ingestionConfigured()) {
                expected.add("ingest");
                assertThat(keys(call.get("ingest"))).containsExactly("verdict", "reasons");
            }
            expected.add("input");
            expected.add("line");
            assertThat(keys(call)).containsExactlyElementsOf(expected);
            assertThat(root.get("inputs").get(call.get("input").asInt()).isTextual())
                    .isTrue();
        }
        for (JsonNode finding : root.get("findings")) {
            List<String> k = keys(finding);
            assertThat(k).startsWith("rule", "severity", "message");
            JsonNode rule = root.get("rules").get(finding.get("rule").asText());
            assertThat(rule)
                    .as("the finding's rule is described once in 'rules'")
                    .isNotNull();
            assertThat(rule.path("remediation").asText())
                    .as("remediation, once per rule")
                    .isNotBlank()
                    .doesNotContain("{0}");
            assertThat(k.subList(3, k.size())).isIn(List.of("call_id"), List.of("source"), List.of("location"));
            assertThat(finding.has("status"))
                    .as("open: the common case, not written")
                    .isFalse();
            assertThat(finding.get("message").asText()).isNotBlank();
            assertThat(finding.has("waiver")).isFalse();
        }
        for (Map.Entry<String, JsonNode> rule : root.get("rules").properties()) {
            assertThat(keys(rule.getValue()))
                    .containsExactly("title", "family", "severity", "remediation", "article", "seed", "help");
        }
        for (JsonNode rejection : root.get("rejected")) {
            assertThat(keys(rejection)).containsExactly("source", "line", "field", "reason");
        }
    }

    @Test
    void callsCarryReasonsPrimaryFirstAndIngestOnlyWhenConfigured() throws IOException {
        JsonNode defaults = MAPPER.readTree(Reports.render(writer, SampleAudits.aircallDefaults(), Reports.english()));
        JsonNode parallel = call(defaults, "1006");
        assertThat(parallel.get("outcome").asText()).isEqualTo("explained-gap");
        assertThat(parallel.get("reasons").get(0).asText()).isEqualTo("gap.parallel-leg");
        assertThat(parallel.has("ingest")).isFalse();
        assertThat(call(defaults, "1002").get("line").asInt())
                .as("the duplicate wins, so the call points at its last record")
                .isEqualTo(10);

        JsonNode configured =
                MAPPER.readTree(Reports.render(writer, SampleAudits.aircallConfigured(), Reports.english()));
        JsonNode lost = call(configured, "2003");
        assertThat(lost.get("outcome").asText()).isEqualTo("lost");
        assertThat(texts(lost.get("reasons"))).containsExactly("link.number-deleted");
        JsonNode skipped = call(configured, "2006").get("ingest");
        assertThat(skipped.get("verdict").asText()).isEqualTo("skipped");
        assertThat(texts(skipped.get("reasons"))).containsExactly("ingest.no-recording-seat");
        JsonNode privateCall = call(configured, "2005").get("ingest");
        assertThat(privateCall.get("verdict").asText()).isEqualTo("ingested");
        assertThat(texts(privateCall.get("reasons"))).containsExactly("ingest.private");
    }

    @Test
    void findingsFollowResultOrderWithRenderedProse() throws IOException {
        AuditResult result = SampleAudits.aircallConfigured();
        Messages messages = Messages.english();
        JsonNode root = MAPPER.readTree(Reports.render(writer, result, Reports.english()));
        List<Finding> expected = result.findings();
        JsonNode findings = root.get("findings");
        assertThat(findings).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Finding f = expected.get(i);
            JsonNode node = findings.get(i);
            assertThat(node.get("rule").asText()).isEqualTo(f.ruleId());
            assertThat(node.get("severity").asText()).isEqualTo(f.severity().wire());
            assertThat(node.get("message").asText()).isEqualTo(messages.message(f, false));
            if (f.location() != null) {
                assertThat(node.get("location").get("key").asText())
                        .isEqualTo(f.location().key());
                assertThat(node.get("location").get("line").asInt())
                        .isEqualTo(f.location().line());
            } else {
                assertThat(
                                node.get("call_id").isNull()
                                        ? null
                                        : node.get("call_id").asText())
                        .isEqualTo(f.callId());
            }
        }
        assertThat(findings.get(0).get("location").get("file").asText()).isEqualTo("profile.yaml");
    }

    @Test
    void theRuleCarriesTheRemediationOnceAndTheFindingsMessageNamesWhatItFillsIn() throws IOException {
        JsonNode root = MAPPER.readTree(Reports.render(writer, SampleAudits.aircallDefaults(), Reports.english()));
        JsonNode parallel = null;
        for (JsonNode f : root.get("findings")) {
            if (f.get("rule").asText().equals("gap.parallel-leg")) {
                parallel = f;
            }
        }
        assertThat(parallel).isNotNull();
        assertThat(parallel.has("remediation")).isFalse();
        assertThat(parallel.get("message").asText()).contains("call 1005");
        assertThat(root.get("rules").get("gap.parallel-leg").get("remediation").asText())
                .startsWith("Listen to call \u2026:");
    }

    @Test
    void rejectedRecordsKeepTheirSourceAndField() throws IOException {
        JsonNode root = MAPPER.readTree(Reports.render(writer, SampleAudits.aircallDefaults(), Reports.english()));
        JsonNode rejection = root.get("rejected").get(0);
        assertThat(rejection.get("source").asText()).isEqualTo(SampleAudits.CALLS);
        assertThat(rejection.get("line").asInt()).isEqualTo(9);
        assertThat(rejection.get("field").asText()).isEqualTo("started_at");
    }

    @Test
    void personalDataIsPrintedUnlessRedacted() {
        AuditResult result = SampleAudits.aircallConfigured();
        String clear = Reports.render(writer, result, Reports.context(Locale.ROOT, false, Severity.ERROR));
        String redacted = Reports.render(writer, result, Reports.context(Locale.ROOT, true, Severity.ERROR));
        assertThat(clear).contains("Ana@Acme.example", "+44 20 7946 0958");
        assertThat(redacted).doesNotContain("Ana@Acme.example", "ana@acme.example", "+44 20 7946 0958", "7946");
    }

    @Test
    void writesInTheContextLanguage() throws IOException {
        JsonNode root = MAPPER.readTree(Reports.render(
                writer, SampleAudits.aircallDefaults(), Reports.context(Reports.SPANISH, false, Severity.ERROR)));
        JsonNode unanswered = root.get("findings").get(0);
        assertThat(unanswered.get("rule").asText()).isEqualTo("gap.unanswered");
        assertThat(unanswered.get("message").asText()).startsWith("No contestada");
    }

    private static JsonNode only(JsonNode findings, String rule) {
        JsonNode found = null;
        for (JsonNode f : findings) {
            if (f.get("rule").asText().equals(rule)) {
                assertThat(found).as("one " + rule).isNull();
                found = f;
            }
        }
        assertThat(found).as(rule).isNotNull();
        return found;
    }

    @Test
    void flushesAndLeavesTheStreamOpen() throws IOException {
        StreamProbe out = new StreamProbe();
        writer.write(SampleAudits.aircallDefaults(), Reports.english(), out);
        assertThat(out.closed).isFalse();
        assertThat(out.flushedAfterLastWrite).isTrue();
        assertThat(out.size()).isPositive();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("}\n").doesNotContain("\r");
    }

    private static JsonNode call(JsonNode root, String id) {
        for (JsonNode c : root.get("calls")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no call " + id);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static long sum(JsonNode counts) {
        long total = 0;
        for (JsonNode n : counts) {
            assertThat(n.isIntegralNumber()).isTrue();
            total += n.asLong();
        }
        return total;
    }

    /**
     * A large report writes its findings on a second thread and splices them in: the bytes must be the ones the
     * single-threaded writer produces, in every language and with suppressions, rejections and empty sections.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everySample")
    void writesTheSameBytesWithTheFindingsWrittenAhead(String name, Supplier<AuditResult> sample) throws IOException {
        for (ReportContext ctx : List.of(Reports.english(), Reports.context(Reports.SPANISH, true, Severity.WARNING))) {
            AuditResult result = sample.get();
            java.io.ByteArrayOutputStream inline = new java.io.ByteArrayOutputStream();
            new JsonReportWriter().write(result, ctx, inline, false);
            java.io.ByteArrayOutputStream ahead = new java.io.ByteArrayOutputStream();
            new JsonReportWriter().write(result, ctx, ahead, true);
            assertThat(ahead.toString(StandardCharsets.UTF_8)).isEqualTo(inline.toString(StandardCharsets.UTF_8));
        }
    }

    static Stream<Arguments> everySample() {
        return SampleAudits.named(
                "aircall-defaults",
                "aircall-configured",
                "suppressed",
                "awkward",
                "all-recorded",
                "file-less profile",
                "many",
                "empty");
    }
}
