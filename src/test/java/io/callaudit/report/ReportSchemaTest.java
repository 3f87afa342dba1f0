package io.callaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.DisallowSchemaLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published JSON Schema of the report ({@code docs/report.schema.json}) holds for every golden JSON report,
 * and rejects documents that break the contract, so the schema is checked as much as the reports.
 */
class ReportSchemaTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonSchema SCHEMA = load();

    static JsonSchema load() {
        try {
            JsonNode document =
                    MAPPER.readTree(Path.of(System.getProperty("basedir", "."), "docs", "report.schema.json")
                            .toFile());
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                    SpecVersion.VersionFlag.V7,
                    builder -> builder.schemaLoaders(loaders -> loaders.values(list -> {
                        list.clear();
                        list.add(DisallowSchemaLoader.getInstance());
                    })));
            JsonSchema schema = factory.getSchema(
                    document,
                    SchemaValidatorsConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build());
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> validate(JsonNode document) {
        Set<String> out = new TreeSet<>();
        for (ValidationMessage m : SCHEMA.validate(document)) {
            out.add(m.getMessage());
        }
        return out;
    }

    static Stream<Path> goldenJsonReports() throws IOException {
        List<Path> files;
        try (Stream<Path> all =
                Files.list(Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "report"))) {
            files = all.filter(p -> p.getFileName().toString().endsWith(".golden.json"))
                    .sorted()
                    .toList();
        }
        assertThat(files).as("golden JSON reports").hasSizeGreaterThanOrEqualTo(4);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("goldenJsonReports")
    void everyGoldenReportFollowsThePublishedSchema(Path golden) throws IOException {
        assertThat(validate(MAPPER.readTree(golden.toFile()))).isEmpty();
    }

    @Test
    void rejectsAReportThatBreaksTheContract() throws IOException {
        JsonNode report = MAPPER.readTree(Path.of(
                        System.getProperty("basedir", "."),
                        "src",
                        "test",
                        "resources",
                        "report",
                        "aircall-defaults.golden.json")
                .toFile());

        ObjectNode noVersion = report.deepCopy();
        noVersion.remove("schema_version");
        assertThat(validate(noVersion)).isNotEmpty();

        ObjectNode fileNamedSource = report.deepCopy();
        ((ObjectNode) fileNamedSource.get("calls").get(0)).putObject("source").put("file", "calls.json");
        assertThat(validate(fileNamedSource))
                .as("a call names its input by index")
                .isNotEmpty();

        ObjectNode findingWithoutSubject = report.deepCopy();
        ((ObjectNode) findingWithoutSubject.get("findings").get(0)).remove(List.of("call_id", "location", "source"));
        assertThat(validate(findingWithoutSubject)).isNotEmpty();

        ObjectNode badRule = report.deepCopy();
        ((ObjectNode) badRule.get("rules")).putObject("gap.made-up").put("title", "no family");
        assertThat(validate(badRule)).isNotEmpty();
    }
}
