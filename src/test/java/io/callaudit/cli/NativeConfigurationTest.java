package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callaudit.rules.RuleInfo;
import io.callaudit.rules.RuleSet;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads what the Quarkus native build steps generated for the CLI ({@code -Dcli -Dnative
 * -Dquarkus.native.sources-only=true}, run by {@code .ci/run}) and checks it holds what the code needs at run
 * time: both languages of every bundle, the rules' specs and the wire enums for reflection, libphonenumber's
 * metadata. Without GraalVM this is as close to the binary as a build here gets. Skipped unless
 * {@code -Dcallaudit.native-sources=target/native-sources} names the generated folder.
 */
class NativeConfigurationTest {

    static Path sources;
    static String args;
    static Set<String> reflected = new HashSet<>();
    static String resources;

    @BeforeAll
    static void read() throws Exception {
        String dir = System.getProperty("callaudit.native-sources");
        assumeTrue(dir != null, "native sources not built in this run");
        sources = Path.of(dir);
        args = Files.readString(sources.resolve("native-image.args"));
        try (ZipFile jar = new ZipFile(sources.resolve("callaudit-runner.jar").toFile())) {
            JsonNode reflect = read(jar, "META-INF/native-image/reflect-config.json");
            for (JsonNode entry : reflect) {
                reflected.add(entry.get("name").asText());
            }
            resources = read(jar, "META-INF/native-image/resource-config.json").toString();
        }
    }

    private static JsonNode read(ZipFile jar, String name) throws Exception {
        ZipEntry entry = jar.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = jar.getInputStream(entry)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void should_include_every_bundle_in_both_languages() {
        for (String bundle : new String[] {
            "io.callaudit.rules.messages",
            "io.callaudit.report.text",
            "io.callaudit.report.explain",
            "io.callaudit.report.diff",
            "io.callaudit.cli.usage"
        }) {
            assertThat(args).contains("-H:IncludeResourceBundles=" + bundle);
        }
        assertThat(args).containsPattern("-H:IncludeLocales=[^ \\n]*es");
        assertThat(resources).contains("io/callaudit/").contains("properties");
    }

    @Test
    void should_register_the_rules_and_wire_enums_for_reflection() {
        for (RuleInfo rule : RuleSet.builtIn().all()) {
            assertThat(reflected).contains(rule.rule().getClass().getName());
        }
        assertThat(reflected)
                .contains(
                        "io.callaudit.model.CallStatus",
                        "io.callaudit.rules.Severity",
                        "io.callaudit.ingest.InputFormat",
                        "io.callaudit.report.ReportFormat",
                        "io.callaudit.cli.AuditCommand");
    }

    @Test
    void should_ship_the_phone_number_metadata() {
        assertThat(resources).contains("com/google/i18n/phonenumbers/data");
    }

    @Test
    void should_bound_the_native_heap_by_default() {
        assertThat(args).contains("-R:MaxHeapSize=256m").contains("-R:MaxNewSize=96m");
    }

    @Test
    void should_build_the_cli_without_the_lambda_poll_loop() {
        assertThat(reflected).noneMatch(name -> name.startsWith("io.callaudit.lambda."));
        assertThat(args).doesNotContain("amazon.lambda");
    }
}
