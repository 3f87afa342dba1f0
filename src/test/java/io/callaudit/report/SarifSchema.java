package io.callaudit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.DisallowSchemaLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OASIS SARIF 2.1.0 schema ({@code src/test/resources/report/sarif-schema-2.1.0.json}, the errata01 file
 * as published), loaded once from the class path with every network fetch refused, so validation is
 * offline and reproducible.
 *
 * <p>The file declares {@code "$schema": "http://json-schema.org/draft-04/schema#"} (and {@code id}, not
 * {@code $id}), so it is read with the draft-04 dialect it was written for; its keywords mean the same in
 * draft-07, but the dialect decides how {@code id} sets the base of its {@code #/definitions} references.
 * Format assertions ({@code uri}, {@code uri-reference}, {@code date-time}) are on.
 */
final class SarifSchema {

    static final String RESOURCE = "/report/sarif-schema-2.1.0.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private SarifSchema() {}

    /** Validation messages for {@code document}, sorted for readable assertions; empty when valid. */
    static Set<String> validate(JsonNode document) {
        Set<String> out = new TreeSet<>();
        for (ValidationMessage m : SCHEMA.validate(document)) {
            out.add(m.getMessage());
        }
        return out;
    }

    static JsonNode schemaDocument() {
        try (InputStream in = SarifSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema load() {
        JsonNode document = schemaDocument();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V4,
                builder -> builder.schemaLoaders(loaders -> loaders.values(list -> {
                    list.clear();
                    list.add(DisallowSchemaLoader.getInstance());
                })));
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema =
                factory.getSchema(SchemaLocation.of(document.get("id").asText()), document, config);
        // Resolve every $ref now, so a reference the document cannot satisfy fails here, not mid-test.
        schema.initializeValidators();
        return schema;
    }
}
