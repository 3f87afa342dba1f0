package io.callaudit.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged Lambda artifact, checked after {@code package}: {@code target/function.zip} is what the
 * managed Java runtime unpacks, so it must hold each class once (an unpacker picks one of two same-named
 * entries, not necessarily Java's), the handler's configuration, and both faces; the runner jar beside it
 * stays the CLI. A native build's zip holds {@code bootstrap} instead.
 */
class FunctionZipIT {

    static final Path ZIP = Path.of("target/function.zip");
    static final Path RUNNER = Path.of("target/callaudit-runner.jar");

    @Test
    void should_hold_each_entry_once_with_the_handler_and_both_faces() throws IOException {
        assertThat(ZIP).exists();
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            assumeTrue(zip.getEntry("bootstrap") == null, "a native build: the executable is the whole function");
            Set<String> seen = new HashSet<>();
            List<String> duplicates = new ArrayList<>();
            List<String> libs = new ArrayList<>();
            zip.stream().filter(e -> !e.isDirectory()).forEach(e -> {
                if (!seen.add(e.getName())) {
                    duplicates.add(e.getName());
                }
                if (e.getName().startsWith("lib/")) {
                    libs.add(e.getName());
                }
            });
            assertThat(duplicates).isEmpty();
            assertThat(seen)
                    .contains(
                            "io/callaudit/lambda/S3AuditHandler.class",
                            "io/callaudit/lambda/S3AuditService.class",
                            "io/callaudit/cli/CallauditCommand.class");
            assertThat(libs).anyMatch(name -> name.contains("quarkus-amazon-lambda-"));
            ZipEntry config = zip.getEntry("META-INF/microprofile-config.properties");
            assertThat(config).isNotNull();
            Properties p = new Properties();
            try (InputStream in = zip.getInputStream(config)) {
                p.load(in);
            }
            assertThat(p.getProperty("quarkus.lambda.handler")).isEqualTo("callaudit");
        }
    }

    /**
     * The start-up check in the packaged artifact: Quarkus start-up is the same whether the Lambda runtime
     * (QuarkusStreamHandler) or the command line starts it, and it must fail on prefixes that overlap.
     */
    @Test
    void should_refuse_to_start_with_overlapping_prefixes() throws IOException, InterruptedException {
        assumeTrue(Files.exists(RUNNER), "a native build has no runner jar");
        ProcessBuilder java = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        RUNNER.toString(),
                        "--version")
                .redirectErrorStream(true);
        java.environment().put("CALLAUDIT_LAMBDA_INPUT_PREFIX", "incoming/");
        java.environment().put("CALLAUDIT_LAMBDA_OUTPUT_PREFIX", "incoming/reports/");
        Process process = java.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains("overlap").doesNotContain("rules 20");
    }

    @Test
    void should_keep_the_runner_jar_a_cli() throws IOException {
        assumeTrue(Files.exists(RUNNER), "a native build has no runner jar");
        try (JarFile jar = new JarFile(RUNNER.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("io.quarkus.runner.GeneratedMain");
        }
    }
}
