package io.callaudit.nativetests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.callaudit.bench.CallGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report far larger than the heap, written to standard output: it must stream. With the heap the
 * {@code ./callaudit} launcher gives an audit (128 MB), 200 000 Aircall calls make an indented report of about
 * 39 MB; a report held whole in memory before printing (bytes, then a string of them) ran out of heap here.
 */
class LargeReportIT {

    static final int CALLS = 200_000;

    @Test
    void should_stream_a_report_larger_than_the_heap_to_standard_output(@TempDir Path dir) throws Exception {
        Path calls = dir.resolve("calls.ndjson");
        Path profile = dir.resolve("profile.yaml");
        CallGenerator.main(new String[] {
            "--format",
            "aircall",
            "--calls",
            Integer.toString(CALLS),
            "--seed",
            "7",
            "--out",
            calls.toString(),
            "--profile-out",
            profile.toString()
        });
        Path stdout = dir.resolve("report.json");
        Path stderr = dir.resolve("stderr.txt");

        List<String> command = new ArrayList<>();
        Path artifact = Artifact.path();
        if (artifact.toString().endsWith(".jar")) {
            command.addAll(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m",
                    "-XX:+UseSerialGC",
                    "-jar"));
        }
        command.add(artifact.toString());
        command.addAll(List.of(
                "audit",
                "--config",
                profile.toString(),
                "--format",
                "json",
                "--pretty",
                "--fail-on",
                "never",
                calls.toString()));
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS))
                .as("finished in 300 s")
                .isTrue();

        assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();
        assertThat(Files.size(stdout)).as("an indented report of 200 000 calls").isGreaterThan(32L << 20);
        assertThat(summaryCalls(stdout)).isEqualTo(CALLS);
    }

    /** Reads the whole report as a stream (proving it is complete JSON) and returns its summary's call count. */
    static long summaryCalls(Path report) throws Exception {
        long calls = -1;
        try (JsonParser p = new JsonFactory().createParser(report.toFile())) {
            int depth = 0;
            boolean inSummary = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                    inSummary &= depth >= 2;
                } else if (t == JsonToken.FIELD_NAME
                        && depth == 1
                        && p.currentName().equals("summary")) {
                    inSummary = true;
                } else if (t == JsonToken.FIELD_NAME
                        && inSummary
                        && depth == 2
                        && p.currentName().equals("calls")) {
                    p.nextToken();
                    calls = p.getLongValue();
                }
            }
        }
        return calls;
    }
}
