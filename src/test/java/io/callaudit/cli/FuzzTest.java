package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fuzz campaign over every reader, through the whole audit as a user runs it: for any bytes on standard
 * input (random, or a real export of each format mutated the ways files break: flipped, inserted, deleted and
 * duplicated bytes, NULs, Latin-1, CR, truncation, gzip), no exception escapes, the run ends with a documented
 * exit status (0 with {@code --fail-on never}, or 3 for input that cannot be read at all, with one line), and
 * the report accounts for every record it read: {@code records_read = calls + rejected + superseded +
 * skipped}. Where the number of records is known by construction (NDJSON lines, CSV rows, elements of a JSON
 * document whose damage stays inside values), {@code records_read} is that number.
 *
 * <p>Tries per property: {@code jqwik.tries.default} in {@code junit-platform.properties} (200 in every build);
 * {@code -Djqwik.tries.default=100000} runs a longer campaign.
 */
class FuzzTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** One wired command line for the whole campaign: building picocli's model per try cost more than the audit. */
    static final CliRun.Reusable CLI = CliRun.reusable();

    static final List<String> SEEDS = List.of(
            "examples/aircall/calls.json",
            "src/test/resources/ingest/aircall-page.json",
            "src/test/resources/ingest/aircall-variants.ndjson",
            "src/test/resources/ingest/aircall-webhooks.ndjson",
            "src/test/resources/ingest/exotel-bulk.json",
            "src/test/resources/ingest/exotel-calls.csv",
            "src/test/resources/ingest/exotel-calls.ndjson",
            "src/test/resources/ingest/exotel-v1-call.json",
            "src/test/resources/ingest/ctm-page.json",
            "src/test/resources/ingest/ctm-calls.csv",
            "src/test/resources/ingest/ctm-calls.ndjson",
            "src/test/resources/ingest/canonical.csv",
            "src/test/resources/ingest/canonical.ndjson",
            "src/test/resources/corpus/aircall/dashboard-export.csv",
            "src/test/resources/corpus/aircall/webhook-numbers.ndjson",
            "src/test/resources/corpus/aircall/webhook-other-resources.ndjson",
            "src/test/resources/corpus/exotel/call-details.xml",
            "src/test/resources/corpus/exotel/status-callback.form",
            "src/test/resources/corpus/exotel/passthru.log",
            "src/test/resources/corpus/exotel/dashboard-report.csv",
            "src/test/resources/corpus/ctm/webhooks.ndjson",
            "src/test/resources/corpus/ctm/calls-export.csv");

    static final byte[] INTERESTING = {
        '"',
        '\\',
        '{',
        '}',
        '[',
        ']',
        ',',
        ':',
        0,
        (byte) 0xE9,
        (byte) 0xC3,
        (byte) 0xFF,
        '\n',
        '\r',
        ' ',
        '9',
        '-',
        'e',
        (byte) 0xEF,
        (byte) 0xBB,
        (byte) 0xBF
    };

    static byte[] seed(int index) {
        try {
            return Files.readAllBytes(Path.of(SEEDS.get(index)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file broken the ways files break, decided by {@code random}. */
    static byte[] mutate(byte[] original, Random random) {
        byte[] b = original.clone();
        int mutations = 1 + random.nextInt(6);
        for (int m = 0; m < mutations && b.length > 0; m++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(7)) {
                case 0 -> b[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> {
                    byte[] out = new byte[b.length + 1];
                    System.arraycopy(b, 0, out, 0, at);
                    out[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                    System.arraycopy(b, at, out, at + 1, b.length - at);
                    b = out;
                }
                case 3 -> {
                    int len = Math.min(b.length - at, 1 + random.nextInt(40));
                    byte[] out = new byte[b.length - len];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(b, at + len, out, at, b.length - at - len);
                    b = out;
                }
                case 4 -> b = Arrays.copyOf(b, at);
                case 5 -> {
                    int len = Math.min(b.length - at, 1 + random.nextInt(200));
                    byte[] out = new byte[b.length + len];
                    System.arraycopy(b, 0, out, 0, at + len);
                    System.arraycopy(b, at, out, at + len, b.length - at);
                    b = out;
                }
                default -> {
                    // Deep nesting where a value starts.
                    int depth = 1 + random.nextInt(3000);
                    byte[] out = new byte[b.length + depth];
                    System.arraycopy(b, 0, out, 0, at);
                    Arrays.fill(out, at, at + depth, (byte) (random.nextBoolean() ? '[' : '{'));
                    System.arraycopy(b, at, out, at + depth, b.length - at);
                    b = out;
                }
            }
        }
        return b;
    }

    static byte[] gzip(byte[] bytes, boolean truncate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] all = out.toByteArray();
        return truncate ? Arrays.copyOf(all, all.length / 2) : all;
    }

    /** Audits {@code bytes} from standard input and checks the contract; returns the JSON report or null (exit 3). */
    static JsonNode audit(byte[] bytes) {
        CliRun run = CLI.run(new ByteArrayInputStream(bytes), "audit", "--fail-on", "never", "--format", "json", "-");
        assertThat(run.exitCode()).as(run.toString()).isIn(0, 3);
        if (run.exitCode() == 3) {
            assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
            assertThat(run.out()).isEmpty();
            return null;
        }
        JsonNode report;
        try {
            report = JSON.readTree(run.out());
        } catch (IOException e) {
            throw new AssertionError("not a JSON report: " + run, e);
        }
        JsonNode summary = report.get("summary");
        assertThat(report.get("records_read").asLong())
                .as(run.toString())
                .isEqualTo(summary.get("calls").asLong()
                        + summary.get("rejected").asLong()
                        + summary.get("superseded").asLong()
                        + summary.get("skipped").asLong());
        return report;
    }

    @Provide
    Arbitrary<byte[]> mutatedExports() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, SEEDS.size() - 1),
                        Arbitraries.longs(),
                        Arbitraries.integers().between(0, 9))
                .as((seed, random, wrap) -> {
                    byte[] mutated = mutate(seed(seed), new Random(random));
                    return wrap == 0 ? gzip(mutated, false) : wrap == 1 ? gzip(seed(seed), true) : mutated;
                });
    }

    @Property
    void any_mutated_export_ends_in_a_documented_status_with_every_record_accounted(
            @ForAll("mutatedExports") byte[] input) {
        audit(input);
    }

    @Property
    void any_bytes_end_in_a_documented_status(@ForAll byte[] input) {
        audit(input);
    }

    static final String CALL =
            "{\"id\":%d,\"direction\":\"inbound\",\"started_at\":1700000000," + "\"ended_at\":1700000060}";

    @Provide
    Arbitrary<List<String>> lines() {
        return Arbitraries.strings()
                .withChars("{}[]\",:0123456789abe\\ \t\u0000é\u00ff\u2028-+.nulltrue")
                .ofMinLength(1)
                .ofMaxLength(80)
                .filter(s -> !s.isBlank() && !s.contains("alls"))
                .list()
                .ofMaxSize(30);
    }

    @Property
    void every_ndjson_line_is_one_record(@ForAll("lines") List<String> lines) {
        String text = CALL.formatted(0) + "\n" + String.join("\n", lines) + "\n";

        JsonNode report = audit(text.getBytes(StandardCharsets.UTF_8));

        assertThat(report).isNotNull();
        assertThat(report.get("records_read").asInt()).isEqualTo(lines.size() + 1);
    }

    @Provide
    Arbitrary<List<String>> rows() {
        return Arbitraries.strings()
                .withChars("abc,0123456789-:TZ é\u0000\t{}[]'")
                .ofMinLength(1)
                .ofMaxLength(80)
                .filter(s -> !s.isBlank())
                .list()
                .ofMinSize(1)
                .ofMaxSize(30);
    }

    @Property
    void every_csv_row_is_one_record(@ForAll("rows") List<String> rows) {
        String text = "id,started_at,ended_at\n" + String.join("\n", rows) + "\n";

        JsonNode report = audit(text.getBytes(StandardCharsets.UTF_8));

        assertThat(report).isNotNull();
        assertThat(report.get("records_read").asInt()).isEqualTo(rows.size());
    }

    /** Damage that stays inside a value: any bytes in a string (but its quote and escape), or a bare token. */
    @Provide
    Arbitrary<List<byte[]>> damagedValues() {
        Arbitrary<byte[]> inString = Arbitraries.bytes()
                .filter(b -> b != '"' && b != '\\')
                .array(byte[].class)
                .ofMaxSize(60)
                .map(b -> {
                    byte[] out = new byte[b.length + 2];
                    out[0] = '"';
                    System.arraycopy(b, 0, out, 1, b.length);
                    out[out.length - 1] = '"';
                    return out;
                });
        Arbitrary<byte[]> token = Arbitraries.strings()
                .withChars("abcdefnultr0123456789.-+eE")
                .ofMinLength(1)
                .ofMaxLength(40)
                .map(s -> s.getBytes(StandardCharsets.US_ASCII));
        return Arbitraries.oneOf(inString, token).list().ofMaxSize(20);
    }

    @Property
    void every_element_of_a_json_document_is_one_record(
            @ForAll("damagedValues") List<byte[]> values, @ForAll boolean page) {
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        doc.writeBytes((page ? "{\"meta\": {\"count\": 1},\n\"calls\": [\n" : "[\n").getBytes(StandardCharsets.UTF_8));
        doc.writeBytes(CALL.formatted(0).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < values.size(); i++) {
            doc.writeBytes((",\n{\"id\": " + (i + 1) + ", \"direction\": \"inbound\", \"started_at\": 1700000000, "
                            + "\"ended_at\": 1700000060, \"recording\": ")
                    .getBytes(StandardCharsets.UTF_8));
            doc.writeBytes(values.get(i));
            doc.writeBytes("}".getBytes(StandardCharsets.UTF_8));
        }
        doc.writeBytes((page ? "\n]}\n" : "\n]\n").getBytes(StandardCharsets.UTF_8));

        JsonNode report = audit(doc.toByteArray());

        assertThat(report).isNotNull();
        assertThat(report.get("records_read").asInt()).isEqualTo(values.size() + 1);
    }
}
