package io.callaudit.nativetests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/** Golden cases against the packaged artifact: every exit code, stdin, gzip, a broken record, Spanish. */
class PackagedCliIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    Path profile() {
        return Artifact.examples().resolve("aircall/profile.yaml");
    }

    Path calls() {
        return Artifact.examples().resolve("aircall/calls.json");
    }

    @Test
    void should_exit_1_with_the_example_findings() throws Exception {
        Artifact.Run run =
                Artifact.run("audit", "--config", profile().toString(), "--format", "json", calls().toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("summary").get("calls").asInt()).isEqualTo(18);
        assertThat(report.get("summary")
                        .get("by_outcome")
                        .get("unexplained-gap")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void should_exit_0_when_nothing_reaches_the_threshold() throws Exception {
        Artifact.Run run =
                Artifact.run("audit", "--config", profile().toString(), "--fail-on", "never", calls().toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("7014");
    }

    @Test
    void should_exit_2_on_usage_errors() throws Exception {
        Artifact.Run run = Artifact.run("audit", "--no-such-option", calls().toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--no-such-option");
    }

    @Test
    void should_exit_3_on_a_missing_file() throws Exception {
        Artifact.Run run = Artifact.run("audit", tmp.resolve("missing.json").toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains("missing.json");
    }

    @Test
    void should_read_gzip_from_stdin() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(Files.readAllBytes(calls()));
        }
        Artifact.Run run =
                Artifact.run(gz.toByteArray(), "audit", "--config", profile().toString(), "--format", "json", "-");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(JSON.readTree(run.out()).get("calls")).hasSize(18);
    }

    @Test
    void should_reject_a_broken_record_and_audit_the_rest() throws Exception {
        Path ndjson = tmp.resolve("calls.ndjson");
        Files.writeString(
                ndjson,
                "{\"id\":\"a\",\"direction\":\"inbound\",\"status\":\"missed\","
                        + "\"started_at\":\"2026-11-01T10:00:00Z\",\"ended_at\":\"2026-11-01T10:00:30Z\"}\n{broken\n");
        Artifact.Run run = Artifact.run("audit", "--format", "json", ndjson.toString());
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("records_read").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void should_speak_spanish() throws Exception {
        Artifact.Run run = Artifact.run("audit", "--config", profile().toString(), "--lang", "es", calls().toString());
        assertThat(run.out()).contains("Sin grabación");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aircall", "exotel", "ctm"})
    void should_audit_every_example_with_its_profile(String provider) throws Exception {
        Path dir = Artifact.examples().resolve(provider);
        Artifact.Run run = Artifact.run(
                "audit",
                "--config",
                dir.resolve("profile.yaml").toString(),
                "--format",
                "json",
                "--fail-on",
                "never",
                dir.resolve("calls.json").toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode report = JSON.readTree(run.out());
        JsonNode summary = report.get("summary");
        assertThat(summary.get("calls").asInt()).isPositive();
        assertThat(report.get("records_read").asInt())
                .isEqualTo(summary.get("calls").asInt()
                        + summary.get("rejected").asInt()
                        + summary.get("superseded").asInt());
    }

    @Test
    void should_write_every_format_in_one_run() throws Exception {
        Path out = tmp.resolve("reports");
        String[] formats = {"text", "json", "ndjson", "csv", "markdown", "sarif", "junit"};
        List<String> args =
                new ArrayList<>(List.of("audit", "--config", profile().toString(), "--fail-on", "never"));
        for (String f : formats) {
            args.addAll(List.of(
                    "--format", f, "--output", out.resolve("report." + f).toString()));
        }
        args.add(calls().toString());
        Artifact.Run run = Artifact.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readString(out.resolve("report.text"))).contains("7014");
        assertThat(JSON.readTree(out.resolve("report.json").toFile()).get("calls"))
                .hasSize(18);
        for (String line : Files.readAllLines(out.resolve("report.ndjson"))) {
            assertThat(JSON.readTree(line).has("type")).isTrue();
        }
        assertThat(Files.readAllLines(out.resolve("report.csv")).get(0)).startsWith("rule,severity");
        assertThat(Files.readString(out.resolve("report.markdown"))).startsWith("## ");
        JsonNode sarif = JSON.readTree(out.resolve("report.sarif").toFile());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("runs").get(0).get("results")).isNotEmpty();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document junit =
                factory.newDocumentBuilder().parse(out.resolve("report.junit").toFile());
        assertThat(junit.getDocumentElement().getTagName()).isEqualTo("testsuites");
    }

    @Test
    void should_gate_a_profile_with_check_config() throws Exception {
        Artifact.Run run =
                Artifact.run("check-config", "--format", "sarif", profile().toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(JSON.readTree(run.out()).get("version").asText()).isEqualTo("2.1.0");
    }

    @Test
    void should_explain_a_call_in_spanish() throws Exception {
        Artifact.Run run = Artifact.run(
                "explain", "7008", "--lang", "es", "--config", profile().toString(), calls().toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("Llamada 7008")
                .contains("[aplica] gap.parallel-leg")
                .contains("Resultado: falta explicada");
    }

    @Test
    void should_name_the_rules_version() throws Exception {
        Artifact.Run run = Artifact.run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("callaudit \\S+").containsPattern("rules \\S+ \\(\\d+ rules\\)");
    }
}
