package io.callaudit.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Lambda face end to end: event JSON posted to Quarkus's mock event server, the handler reading and
 * writing a real S3-compatible server (S3Proxy), the response, the reports and the metrics line checked.
 * One Quarkus app and one S3Proxy serve every case; each case uses its own keys.
 */
@QuarkusTest
@QuarkusTestResource(S3ProxyResource.class)
class S3AuditHandlerTest {

    static final Path EXAMPLE_CALLS = Path.of("examples/aircall/calls.json");
    static final Path EXAMPLE_PROFILE = Path.of("examples/aircall/profile.yaml");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    S3Client s3;

    @Inject
    S3Store store;

    /** The CLI exactly as the program wires it (CliWiring's producer), for the same-report comparison. */
    @Inject
    CommandLine cli;

    TestBucket bucket;

    @BeforeEach
    void bucket() {
        bucket = TestBucket.create(s3, "callaudit-test");
    }

    /** Uploads the example profile beside {@code folder}'s batches. */
    void exampleProfileIn(String folder) {
        bucket.put(folder + ProfileLocator.FILE_NAME, EXAMPLE_PROFILE);
    }

    JsonNode invoke(String event) throws IOException {
        String body = given().contentType("application/json")
                .body(event)
                .when()
                .post()
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return JSON.readTree(body);
    }

    /** Posts an event that must fail the invocation; returns Lambda's error document. */
    JsonNode invokeFailing(String event) throws IOException {
        String body = given().contentType("application/json")
                .body(event)
                .when()
                .post()
                .then()
                .statusCode(500)
                .extract()
                .asString();
        return JSON.readTree(body);
    }

    String putEvent(String key, String eTag) {
        return bucket.event("s3-put.json", Map.of("key", key, "eTag", eTag, "size", "1024"));
    }

    @Test
    void should_write_the_same_report_as_the_cli_for_the_example() throws IOException {
        exampleProfileIn("incoming/acme/");
        String key = "incoming/acme/calls.json";
        String eTag = bucket.put(key, EXAMPLE_CALLS);

        JsonNode response = invoke(putEvent(key, eTag));

        assertThat(response.get("status").asText()).isEqualTo("findings");
        assertThat(response.get("exit_code").asInt()).isEqualTo(1);
        assertThat(response.get("object").asText()).isEqualTo("s3://callaudit-test/" + key);
        assertThat(response.get("calls").asLong()).isEqualTo(18);
        assertThat(response.get("by_outcome").get("unexplained-gap").asLong()).isPositive();
        assertThat(response.get("by_severity").get("error").asLong()).isPositive();
        String reportKey = bucket.keyOf(response.get("report").asText());
        assertThat(reportKey).matches("reports/acme/calls\\.json\\.[0-9a-f]{12}\\.json");
        assertThat(bucket.keyOf(response.get("summary").asText())).isEqualTo(reportKey.replaceAll("\\.json$", ".md"));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(
                "audit", "--config", EXAMPLE_PROFILE.toString(), "--format", "json", EXAMPLE_CALLS.toString());
        assertThat(exit).as(err.toString()).isEqualTo(response.get("exit_code").asInt());
        JsonNode fromCli = renamed(
                JSON.readTree(out.toString()),
                Map.of(
                        EXAMPLE_CALLS.toString(),
                        key,
                        EXAMPLE_PROFILE.toString(),
                        "incoming/acme/" + ProfileLocator.FILE_NAME));
        assertThat(JSON.readTree(bucket.read(reportKey))).isEqualTo(fromCli);
        assertThat(bucket.read(bucket.keyOf(response.get("summary").asText())))
                .startsWith("## ")
                .contains("7014");
    }

    /**
     * With {@code CALLAUDIT_LAMBDA_HTML_REPORT=true} the function writes the HTML page beside the JSON report
     * and names it in the response; by default it writes none (the response above has no {@code html}). The
     * service is built here with that setting over the app's own S3 store, so no second app has to start.
     */
    @Test
    void should_write_the_html_report_beside_the_json_one_when_asked() throws IOException {
        assertThat(invokeExample("incoming/plain/").has("html")).isFalse();

        S3AuditService withHtml = new S3AuditService(store, JSON, htmlConfig());
        exampleProfileIn("incoming/html/");
        String key = "incoming/html/calls.json";
        bucket.put(key, EXAMPLE_CALLS);
        ObjectResult result =
                (ObjectResult) withHtml.handle(JSON.readTree(bucket.event("direct.json", Map.of("key", key))), null);

        String reportKey = bucket.keyOf(result.report());
        String htmlKey = bucket.keyOf(result.html());
        assertThat(htmlKey).isEqualTo(reportKey.replaceAll("\\.json$", ".html"));
        String page = bucket.read(htmlKey);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("data-summary=\"calls\">18<");
        assertThat(s3.headObject(b -> b.bucket(bucket.name()).key(htmlKey)).contentType())
                .startsWith("text/html;")
                .containsIgnoringCase("charset=utf-8");
        JsonNode report = JSON.readTree(bucket.read(reportKey));
        assertThat(page)
                .contains("data-value=\""
                        + report.get("summary").get("recording_rate").asDouble() + "\"");
    }

    JsonNode invokeExample(String folder) throws IOException {
        exampleProfileIn(folder);
        String key = folder + "calls.json";
        return invoke(putEvent(key, bucket.put(key, EXAMPLE_CALLS)));
    }

    static FunctionConfig htmlConfig() {
        return new FunctionConfig() {
            @Override
            public String inputPrefix() {
                return "incoming/";
            }

            @Override
            public String outputPrefix() {
                return "reports/";
            }

            @Override
            public java.util.Optional<String> profileKey() {
                return java.util.Optional.empty();
            }

            @Override
            public String failOn() {
                return "error";
            }

            @Override
            public boolean redact() {
                return false;
            }

            @Override
            public boolean htmlReport() {
                return true;
            }
        };
    }

    @Test
    void should_audit_every_record_of_a_multi_record_event() throws IOException {
        exampleProfileIn("incoming/multi/");
        String eTag1 = bucket.put("incoming/multi/monday.json", EXAMPLE_CALLS);
        String eTag2 = bucket.put("incoming/multi/tuesday.json", EXAMPLE_CALLS);

        JsonNode response = invoke(bucket.event(
                "s3-put-two-records.json",
                Map.of(
                        "key1",
                        "incoming/multi/monday.json",
                        "eTag1",
                        eTag1,
                        "key2",
                        "incoming/multi/tuesday.json",
                        "eTag2",
                        eTag2)));

        assertThat(response.get("status").asText()).isEqualTo("findings");
        assertThat(response.get("exit_code").asInt()).isEqualTo(1);
        assertThat(response.get("results")).hasSize(2);
        assertThat(response.get("results").get(0).get("object").asText()).endsWith("/monday.json");
        assertThat(response.get("results").get(1).get("object").asText()).endsWith("/tuesday.json");
        for (JsonNode result : response.get("results")) {
            assertThat(bucket.exists(bucket.keyOf(result.get("report").asText())))
                    .isTrue();
        }
    }

    @Test
    void should_decode_a_key_with_spaces_and_a_plus() throws IOException {
        exampleProfileIn("incoming/acme/");
        String key = "incoming/acme/Aircall export 2026-11-20 +0100.json";
        String eTag = bucket.put(key, EXAMPLE_CALLS);

        JsonNode response = invoke(bucket.event("s3-put-encoded-key.json", Map.of("eTag", eTag)));

        assertThat(response.get("object").asText()).isEqualTo("s3://callaudit-test/" + key);
        assertThat(response.get("calls").asLong()).isEqualTo(18);
        assertThat(bucket.keyOf(response.get("report").asText()))
                .startsWith("reports/acme/Aircall export 2026-11-20 +0100.json.");
    }

    @Test
    void should_stream_a_gzip_object() throws IOException {
        exampleProfileIn("incoming/gzip/");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(Files.readAllBytes(EXAMPLE_CALLS));
        }
        String key = "incoming/gzip/calls.json.gz";
        String eTag = bucket.put(key, gz.toByteArray());

        JsonNode response = invoke(putEvent(key, eTag));

        assertThat(response.get("calls").asLong()).isEqualTo(18);
        assertThat(response.get("exit_code").asInt()).isEqualTo(1);
    }

    @Test
    void should_put_a_malformed_record_in_rejected_and_audit_the_rest() throws IOException {
        exampleProfileIn("incoming/broken/");
        JsonNode calls = JSON.readTree(EXAMPLE_CALLS.toFile()).get("calls");
        StringBuilder ndjson = new StringBuilder();
        ndjson.append(JSON.writeValueAsString(calls.get(0))).append('\n');
        ndjson.append("{\"id\": 9999, \"started_at\": \n");
        ndjson.append(JSON.writeValueAsString(calls.get(1))).append('\n');
        String key = "incoming/broken/calls.ndjson";
        String eTag = bucket.put(key, ndjson.toString().getBytes(StandardCharsets.UTF_8));

        JsonNode response = invoke(putEvent(key, eTag));

        assertThat(response.get("rejected").asLong()).isEqualTo(1);
        assertThat(response.get("calls").asLong()).isEqualTo(2);
        JsonNode report =
                JSON.readTree(bucket.read(bucket.keyOf(response.get("report").asText())));
        assertThat(report.get("rejected")).hasSize(1);
        assertThat(report.get("rejected").get(0).get("source").asText()).isEqualTo(key);
        assertThat(report.get("rejected").get(0).get("line").asLong()).isEqualTo(2);
    }

    @Test
    void should_fail_the_invocation_for_a_missing_object() throws IOException {
        exampleProfileIn("incoming/missing/");
        String key = "incoming/missing/never-uploaded.json";

        JsonNode error = invokeFailing(putEvent(key, "d41d8cd98f00b204e9800998ecf8427e"));

        assertThat(error.get("errorType").asText()).isEqualTo(AuditFailedException.class.getName());
        assertThat(error.get("errorMessage").asText())
                .contains("s3://callaudit-test/" + key)
                .contains("no such object")
                .contains("(exit 3)");
        assertThat(bucket.keys("reports/missing/")).isEmpty();
    }

    @Test
    void should_fail_the_invocation_without_a_profile() throws IOException {
        String key = "incoming/orphan/team/calls.json";
        String eTag = bucket.put(key, EXAMPLE_CALLS);

        JsonNode error = invokeFailing(putEvent(key, eTag));

        assertThat(error.get("errorMessage").asText())
                .contains("no profile")
                .contains("incoming/orphan/team/callaudit-profile.yaml")
                .contains("incoming/orphan/callaudit-profile.yaml")
                .contains("incoming/callaudit-profile.yaml")
                .contains("(exit 2)");
        assertThat(bucket.keys("reports/orphan/")).isEmpty();
    }

    @Test
    void should_fail_an_invocation_that_is_neither_an_event_nor_a_direct_call() throws IOException {
        JsonNode error = invokeFailing("{\"Bucket\": \"callaudit-test\", \"Key\": \"incoming/calls.json\"}");

        assertThat(error.get("errorMessage").asText())
                .contains("direct invocation")
                .contains("(exit 2)");
    }

    @Test
    void should_log_with_correlation_fields_and_without_personal_data() throws IOException {
        bucket.put(
                "incoming/pii/" + ProfileLocator.FILE_NAME,
                "provider: aircall\ndefault_region: \"+33612345678\"\n".getBytes(StandardCharsets.UTF_8));
        String key = "incoming/pii/calls.json";
        String eTag = bucket.put(key, EXAMPLE_CALLS);
        List<ExtLogRecord> records = new ArrayList<>();
        ExtHandler capture = new ExtHandler() {
            @Override
            protected void doPublish(ExtLogRecord record) {
                record.copyMdc();
                records.add(record);
            }
        };
        Logger logger = Logger.getLogger("io.callaudit.lambda");
        logger.addHandler(capture);
        JsonNode error;
        try {
            error = invokeFailing(putEvent(key, eTag));
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(error.get("errorMessage").asText())
                .contains("(exit 2)")
                .contains("•••78")
                .doesNotContain("612345678");
        assertThat(records).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getFormattedMessage()).doesNotContain("612345678");
            assertThat(r.getMdc("requestId")).isNotBlank();
            assertThat(r.getMdc("bucket")).isEqualTo("callaudit-test");
            assertThat(r.getMdc("key")).isEqualTo(key);
        });
    }

    @Test
    void should_overwrite_the_same_reports_when_an_event_is_delivered_twice() throws IOException {
        exampleProfileIn("incoming/redelivery/");
        String key = "incoming/redelivery/calls.json";
        String eTag = bucket.put(key, EXAMPLE_CALLS);
        String event = putEvent(key, eTag);

        JsonNode first = invoke(event);
        JsonNode second = invoke(event);

        assertThat(second.get("report")).isEqualTo(first.get("report"));
        assertThat(second.get("summary")).isEqualTo(first.get("summary"));
        assertThat(bucket.keys("reports/redelivery/"))
                .containsExactlyInAnyOrder(
                        bucket.keyOf(first.get("report").asText()),
                        bucket.keyOf(first.get("summary").asText()));
    }

    @Test
    void should_skip_an_event_for_the_output_prefix_and_write_nothing() throws IOException {
        exampleProfileIn("incoming/loop/");
        String eTag = bucket.put("incoming/loop/calls.json", EXAMPLE_CALLS);
        JsonNode audited = invoke(putEvent("incoming/loop/calls.json", eTag));
        String reportKey = bucket.keyOf(audited.get("report").asText());
        List<String> before = bucket.keys("");

        JsonNode response = invoke(putEvent(reportKey, "0123456789abcdef0123456789abcdef"));

        assertThat(response.get("status").asText()).isEqualTo("skipped");
        assertThat(response.get("exit_code").asInt()).isZero();
        assertThat(response.get("reason").asText()).contains("output prefix");
        assertThat(response.has("report")).isFalse();
        assertThat(bucket.keys("")).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void should_answer_a_direct_invocation_like_an_event() throws IOException {
        exampleProfileIn("incoming/direct/");
        String key = "incoming/direct/calls.json";
        String eTag = bucket.put(key, EXAMPLE_CALLS);
        JsonNode fromEvent = invoke(putEvent(key, eTag));

        JsonNode direct = invoke(bucket.event("direct.json", Map.of("key", key)));

        assertThat(direct).isEqualTo(fromEvent);
    }

    @Test
    void should_print_one_emf_line_per_batch() throws IOException {
        exampleProfileIn("incoming/metrics/");
        String eTag = bucket.put("incoming/metrics/calls.json", EXAMPLE_CALLS);
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        JsonNode response;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            response = invoke(putEvent("incoming/metrics/calls.json", eTag));
        } finally {
            System.setOut(stdout);
        }

        List<JsonNode> emf = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{") && line.contains("\"_aws\"")) {
                emf.add(JSON.readTree(line));
            }
        }
        assertThat(emf).hasSize(1);
        JsonNode line = emf.get(0);
        EmfAssert.assertValidEmf(line);
        assertThat(line.get("Calls").asLong()).isEqualTo(response.get("calls").asLong());
        assertThat(line.get("UnexplainedGap").asLong())
                .isEqualTo(response.get("by_outcome").get("unexplained-gap").asLong());
        assertThat(line.get("Rejected").asLong())
                .isEqualTo(response.get("rejected").asLong());
        assertThat(line.get("key").asText()).isEqualTo("incoming/metrics/calls.json");
    }

    /** The CLI's report with file names swapped for the S3 keys the Lambda names them by. */
    static JsonNode renamed(JsonNode node, Map<String, String> names) {
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            copy.properties().forEach(e -> {
                JsonNode value = e.getValue();
                if (value.isTextual() && names.containsKey(value.asText())) {
                    e.setValue(TextNode.valueOf(names.get(value.asText())));
                } else {
                    e.setValue(renamed(value, names));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(renamed(element, names)));
            return copy;
        }
        if (node.isTextual() && names.containsKey(node.asText())) {
            return TextNode.valueOf(names.get(node.asText()));
        }
        return node;
    }
}
