package io.callaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callaudit.engine.AuditResult;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleInfo;
import io.callaudit.rules.RuleSet;
import io.callaudit.rules.Severity;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SarifReportWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final SarifReportWriter writer = new SarifReportWriter();

    static Stream<Arguments> samples() {
        return SampleAudits.named(
                "aircall-defaults",
                "aircall-configured",
                "suppressed",
                "awkward",
                "file-less profile",
                "all-recorded",
                "empty");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void validAgainstTheOasisSchema(String name, Supplier<AuditResult> sample) throws IOException {
        for (ReportContext ctx : List.of(Reports.english(), Reports.context(Reports.SPANISH, true, null))) {
            JsonNode sarif = MAPPER.readTree(Reports.render(writer, sample.get(), ctx));
            assertThat(SarifSchema.validate(sarif)).as(name).isEmpty();
        }
    }

    /** Proves the validator is live: documents that break the schema in different ways are all caught. */
    @Test
    void theValidatorRejectsInvalidDocuments() throws IOException {
        assertThat(SarifSchema.validate(MAPPER.readTree("{\"version\": \"2.1.0\"}")))
                .as("runs is required")
                .anyMatch(m -> m.contains("'runs'"));

        JsonNode good = MAPPER.readTree(Reports.render(writer, SampleAudits.aircallDefaults(), Reports.english()));
        assertThat(SarifSchema.validate(good)).isEmpty();

        ObjectNode zeroLine = good.deepCopy();
        region(zeroLine).put("startLine", 0);
        assertThat(SarifSchema.validate(zeroLine))
                .as("startLine must be >= 1")
                .anyMatch(m -> m.contains("/region/startLine"));

        ObjectNode badLevel = good.deepCopy();
        ((ObjectNode) badLevel.get("runs").get(0).get("results").get(0)).put("level", "info");
        assertThat(SarifSchema.validate(badLevel))
                .as("'info' is not a SARIF level")
                .anyMatch(m -> m.contains("/results/0/level"));

        ObjectNode badVersion = good.deepCopy();
        badVersion.put("version", "2.0.0");
        assertThat(SarifSchema.validate(badVersion)).anyMatch(m -> m.contains("/version"));

        ObjectNode unknownProperty = good.deepCopy();
        ((ObjectNode) unknownProperty.get("runs").get(0)).put("verdict", "pass");
        assertThat(SarifSchema.validate(unknownProperty))
                .as("run has additionalProperties: false")
                .anyMatch(m -> m.contains("verdict"));

        ObjectNode badUri = good.deepCopy();
        ((ObjectNode) physical(badUri).get("artifactLocation")).put("uri", "a b|c");
        assertThat(SarifSchema.validate(badUri))
                .as("uri-reference format is asserted")
                .anyMatch(m -> m.contains("/artifactLocation/uri"));

        ObjectNode badSuppression = good.deepCopy();
        ((ObjectNode) badSuppression.get("runs").get(0).get("results").get(0))
                .putArray("suppressions")
                .addObject()
                .put("kind", "waived");
        assertThat(SarifSchema.validate(badSuppression)).anyMatch(m -> m.contains("/suppressions/0/kind"));
    }

    @Test
    void theSchemaIsTheOasisFileAsPublished() {
        JsonNode schema = SarifSchema.schemaDocument();
        assertThat(schema.get("id").asText()).isEqualTo(SarifReportWriter.SCHEMA);
        assertThat(schema.get("$schema").asText()).isEqualTo("http://json-schema.org/draft-04/schema#");
    }

    @Test
    void oneRunWithEveryRuleInPrecedenceOrder() throws IOException {
        JsonNode sarif = MAPPER.readTree(Reports.render(writer, SampleAudits.aircallDefaults(), Reports.english()));
        assertThat(sarif.get("$schema").asText()).isEqualTo(SarifReportWriter.SCHEMA);
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("runs")).hasSize(1);
        JsonNode driver = sarif.get("runs").get(0).get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("callaudit");
        assertThat(driver.get("version").asText()).isEqualTo(Reports.VERSION);
        assertThat(driver.get("informationUri").asText()).isEqualTo("https://github.com/callaudit/callaudit");

        List<RuleInfo> all = RuleSet.builtIn().all();
        JsonNode rules = driver.get("rules");
        assertThat(rules).hasSize(all.size());
        for (int i = 0; i < all.size(); i++) {
            RuleInfo info = all.get(i);
            JsonNode rule = rules.get(i);
            assertThat(rule.get("id").asText()).isEqualTo(info.id());
            assertThat(rule.get("name").asText()).matches("[A-Z][A-Za-z0-9]*");
            assertThat(rule.get("shortDescription").get("text").asText())
                    .isEqualTo(Reports.english().messages().summary(info.id()));
            assertThat(rule.get("fullDescription").get("text").asText()).isNotBlank();
            assertThat(rule.get("help").get("text").asText())
                    .doesNotContain("{0}")
                    .endsWith(
                            "Source: " + info.seed().file() + " (" + info.seed().title() + ")");
            assertThat(rule.get("defaultConfiguration").get("level").asText())
                    .isEqualTo(SarifReportWriter.level(info.severity()));
            assertThat(rule.get("properties").get("tags").get(0).asText())
                    .isEqualTo(info.family().wire());
        }
        assertThat(SarifReportWriter.name("gap.recording-disabled")).isEqualTo("GapRecordingDisabled");
        assertThat(SarifReportWriter.name("link.url-expired")).isEqualTo("LinkUrlExpired");
    }

    @Test
    void levelsFollowSeverity() {
        assertThat(SarifReportWriter.level(Severity.ERROR)).isEqualTo("error");
        assertThat(SarifReportWriter.level(Severity.WARNING)).isEqualTo("warning");
        assertThat(SarifReportWriter.level(Severity.INFO)).isEqualTo("note");
    }

    /**
     * What GitHub code scanning needs of every result, or it rejects the whole upload: a rule it knows, a
     * physical location with a URI and a start line of at least 1, and a stable fingerprint.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyResultIsAcceptableToCodeScanning(String name, Supplier<AuditResult> sample) throws IOException {
        AuditResult result = sample.get();
        JsonNode run = MAPPER.readTree(Reports.render(writer, result, Reports.english()))
                .get("runs")
                .get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        JsonNode results = run.get("results");
        List<Finding> findings = result.findings();
        assertThat(results).hasSize(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            JsonNode r = results.get(i);
            assertThat(r.get("ruleId").asText()).isEqualTo(f.ruleId());
            assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(f.ruleId());
            assertThat(r.get("level").asText()).isEqualTo(SarifReportWriter.level(f.severity()));
            assertThat(r.get("message").get("text").asText()).isNotBlank();
            assertThat(r.get("properties").get("remediation").asText()).isNotBlank();
            assertThat(r.get("locations")).hasSize(1);
            JsonNode physical = r.get("locations").get(0).get("physicalLocation");
            assertThat(physical.get("artifactLocation").get("uri").asText()).isNotBlank();
            assertThat(physical.get("region").get("startLine").asInt()).isPositive();
            assertThat(r.get("partialFingerprints")
                            .get(SarifReportWriter.FINGERPRINT)
                            .asText())
                    .isEqualTo(
                            f.callId() != null
                                    ? f.ruleId() + "|"
                                            + result.profile().provider().wire() + "|" + f.callId() + "|"
                                    : f.ruleId() + "||" + f.entity() + "|" + (f.file() == null ? "" : f.file()));
        }
    }

    @Test
    void locationsNameTheFileLineAndEntity() throws IOException {
        JsonNode results = results(SampleAudits.aircallDefaults());
        JsonNode unanswered = results.get(0);
        JsonNode location = unanswered.get("locations").get(0);
        assertThat(location.get("physicalLocation")
                        .get("artifactLocation")
                        .get("uri")
                        .asText())
                .isEqualTo("calls.ndjson");
        assertThat(location.get("physicalLocation")
                        .get("artifactLocation")
                        .get("uriBaseId")
                        .asText())
                .isEqualTo("%SRCROOT%");
        assertThat(location.get("physicalLocation")
                        .get("region")
                        .get("startLine")
                        .asInt())
                .isEqualTo(10);
        assertThat(location.get("logicalLocations").get(0).get("name").asText()).isEqualTo("1002");
        assertThat(location.get("logicalLocations").get(0).get("kind").asText()).isEqualTo("object");

        JsonNode consent = results(SampleAudits.aircallConfigured()).get(0);
        assertThat(consent.get("ruleId").asText()).isEqualTo("config.consent-missing");
        JsonNode at = consent.get("locations").get(0);
        assertThat(at.get("physicalLocation").get("artifactLocation").get("uri").asText())
                .isEqualTo("profile.yaml");
        assertThat(at.get("physicalLocation").get("region").get("startLine").asInt())
                .isEqualTo(5);
        assertThat(at.get("logicalLocations").get(0).get("name").asText()).isEqualTo("recording.consent_greeting");
    }

    @Test
    void findingsWithoutAFileAreAnchoredToTheBatch() throws IOException {
        JsonNode results = results(SampleAudits.fileLessProfile());
        JsonNode profile = results.get(0);
        assertThat(profile.get("ruleId").asText()).startsWith("config.");
        JsonNode physical = profile.get("locations").get(0).get("physicalLocation");
        assertThat(physical.get("artifactLocation").get("uri").asText()).isEqualTo(SampleAudits.CALLS);
        assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(1);
        assertThat(profile.get("partialFingerprints")
                        .get(SarifReportWriter.FINGERPRINT)
                        .asText())
                .as("the fingerprint keeps the finding's own (empty) file, as the baseline does")
                .endsWith("|");
    }

    @Test
    void suppressedFindingsCarryAnAcceptedExternalSuppression() throws IOException {
        JsonNode results = results(SampleAudits.suppressed());
        int suppressed = 0;
        for (JsonNode r : results) {
            String status = r.get("properties").get("status").asText();
            if (status.equals("open")) {
                assertThat(r.has("suppressions")).isFalse();
                continue;
            }
            suppressed++;
            JsonNode s = r.get("suppressions").get(0);
            assertThat(s.get("kind").asText()).isEqualTo("external");
            assertThat(s.get("status").asText()).isEqualTo("accepted");
            assertThat(s.get("justification").asText()).startsWith(status + ": ");
        }
        assertThat(suppressed).isEqualTo(2);
        JsonNode run = MAPPER.readTree(Reports.render(writer, SampleAudits.suppressed(), Reports.english()))
                .get("runs")
                .get(0);
        assertThat(run.get("invocations")
                        .get(0)
                        .get("toolExecutionNotifications")
                        .get(0)
                        .get("message")
                        .get("text")
                        .asText())
                .endsWith("gap.unexplained 1999 calls.ndjson");
    }

    @Test
    void fingerprintsAreStableAcrossRunsAndLanguages() throws IOException {
        JsonNode english = results(SampleAudits.aircallConfigured());
        JsonNode spanish = MAPPER.readTree(Reports.render(
                        writer,
                        SampleAudits.aircallConfigured(),
                        Reports.context(Reports.SPANISH, true, Severity.ERROR)))
                .get("runs")
                .get(0)
                .get("results");
        for (int i = 0; i < english.size(); i++) {
            assertThat(spanish.get(i).get("partialFingerprints"))
                    .isEqualTo(english.get(i).get("partialFingerprints"));
        }
    }

    @Test
    void anEmptyBatchIsAnUnsuccessfulExecution() throws IOException {
        JsonNode run = MAPPER.readTree(Reports.render(writer, SampleAudits.empty(), Reports.english()))
                .get("runs")
                .get(0);
        JsonNode invocation = run.get("invocations").get(0);
        assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
        assertThat(invocation
                        .get("toolExecutionNotifications")
                        .get(0)
                        .get("level")
                        .asText())
                .isEqualTo("error");
        JsonNode clean = MAPPER.readTree(Reports.render(writer, SampleAudits.allRecorded(), Reports.english()))
                .get("runs")
                .get(0);
        assertThat(clean.get("invocations").get(0).get("executionSuccessful").asBoolean())
                .isTrue();
        assertThat(clean.get("results")).isEmpty();
    }

    @Test
    void fileNamesBecomeUriReferences() {
        assertThat(SarifReportWriter.Artifact.of("calls.ndjson"))
                .isEqualTo(new SarifReportWriter.Artifact("calls.ndjson", "%SRCROOT%"));
        assertThat(SarifReportWriter.Artifact.of("./exports/nov calls.csv"))
                .isEqualTo(new SarifReportWriter.Artifact("exports/nov%20calls.csv", "%SRCROOT%"));
        assertThat(SarifReportWriter.Artifact.of("a:b.json").uri()).isEqualTo("a%3Ab.json");
        assertThat(SarifReportWriter.Artifact.of("exports\\ñ.json").uri()).isEqualTo("exports/%C3%B1.json");
        assertThat(SarifReportWriter.Artifact.of("/srv/data/calls.json"))
                .isEqualTo(new SarifReportWriter.Artifact("file:///srv/data/calls.json", null));
        assertThat(SarifReportWriter.Artifact.of("C:\\data\\calls.json"))
                .isEqualTo(new SarifReportWriter.Artifact("file:///C:/data/calls.json", null));
        assertThat(SarifReportWriter.Artifact.of("s3://bucket/calls.json"))
                .isEqualTo(new SarifReportWriter.Artifact("s3://bucket/calls.json", null));
        assertThat(SarifReportWriter.Artifact.of("-")).isEqualTo(new SarifReportWriter.Artifact("-", "%SRCROOT%"));
    }

    @Test
    void writesInTheContextLanguageWithoutAVersionWhenUnknown() throws IOException {
        ReportContext ctx = new ReportContext(
                RuleSet.builtIn(),
                Reports.context(Reports.SPANISH, false, Severity.ERROR).messages(),
                false,
                Severity.ERROR,
                null);
        JsonNode sarif = MAPPER.readTree(Reports.render(writer, SampleAudits.aircallDefaults(), ctx));
        JsonNode driver = sarif.get("runs").get(0).get("tool").get("driver");
        assertThat(driver.has("version")).isFalse();
        assertThat(sarif.get("runs")
                        .get(0)
                        .get("results")
                        .get(0)
                        .get("message")
                        .get("text")
                        .asText())
                .startsWith("No contestada");
        assertThat(driver.get("rules").get(0).get("help").get("text").asText()).contains("Fuente: ");
        assertThat(SarifSchema.validate(sarif)).isEmpty();
    }

    @Test
    void flushesAndLeavesTheStreamOpen() throws IOException {
        StreamProbe out = new StreamProbe();
        writer.write(SampleAudits.aircallConfigured(), Reports.context(Locale.ROOT, false, Severity.ERROR), out);
        assertThat(out.closed).isFalse();
        assertThat(out.flushedAfterLastWrite).isTrue();
    }

    private JsonNode results(AuditResult result) throws IOException {
        return MAPPER.readTree(Reports.render(writer, result, Reports.english()))
                .get("runs")
                .get(0)
                .get("results");
    }

    /** The first result's physical location, to break. */
    private static ObjectNode physical(JsonNode sarif) {
        return (ObjectNode) sarif.get("runs")
                .get(0)
                .get("results")
                .get(0)
                .get("locations")
                .get(0)
                .get("physicalLocation");
    }

    private static ObjectNode region(JsonNode sarif) {
        return (ObjectNode) physical(sarif).get("region");
    }
}
