package io.callaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callaudit.model.CallRecord;
import io.callaudit.model.SourceRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The two Aircall readers share one vocabulary ({@link AircallKey}); this shows they read the same call from
 * every record: the corpus's call objects, and generated ones where every key of the vocabulary takes each of
 * its forms (absent, null, the usual value, an unusual one). Where the byte-level scanner accepts a line, its
 * call must equal the tree path's; and it must accept the plain records an export is made of, or it is no fast
 * path at all.
 */
class AircallVocabularyPropertyTest {

    private static final String FILE = "calls.ndjson";

    @Example
    void every_call_object_of_the_corpus_reads_the_same_both_ways() throws Exception {
        List<String> lines = corpusCallObjects();
        assertThat(lines).hasSizeGreaterThan(20);
        int accepted = 0;
        for (String line : lines) {
            CallRecord fast = fast(line);
            CallRecord tree = tree(line);
            assertThat(tree).as(line).isNotNull();
            if (fast != null) {
                accepted++;
                assertThat(fast).as(line).isEqualTo(tree);
            }
        }
        // Only the calls not ended (no ended_at) and the escaped-slash captures go to the tree path.
        assertThat(accepted).isGreaterThan(lines.size() / 2);
    }

    @Property(tries = 3000)
    void a_generated_call_reads_the_same_both_ways(@ForAll("calls") String line) throws IOException {
        CallRecord fast = fast(line);
        CallRecord tree = tree(line);
        if (fast != null) {
            assertThat(fast).as(line).isEqualTo(tree);
        }
        if (tree != null && tree.endedAt() != null && isPlain(line)) {
            assertThat(fast)
                    .as("a plain, ended call must take the fast path: %s", line)
                    .isNotNull();
        }
    }

    @Example
    void every_key_of_the_shared_vocabulary_has_a_place_in_the_scanner() {
        // A key the mapper reads that the scanner did not know would be dropped silently on the fast path. Both
        // take their keys from AircallKey, and the scanner refuses to load when a call key has no place in it.
        assertThat(new AircallLineScanner().scan(new byte[0], 0, 0, FILE, 1)).isNull();
        assertThat(AircallKey.values())
                .extracting(k -> k.wire)
                .contains("live_recording_activated", "status", "duration", "ended_at");
    }

    /** No escape, no non-ASCII byte, ids and times as plain integers: what the scanner promises to take. */
    private static boolean isPlain(String line) {
        return !line.contains("\\")
                && line.chars().allMatch(c -> c < 0x80)
                && !line.matches(".*\"(id|started_at|answered_at|ended_at)\":(\"|0[0-9]|-|[0-9]+\\.).*")
                && !line.matches(".*\"live_recording_activated\":\".*")
                && !line.matches(".*\"direction\":\"(?!inbound\"|outbound\").*");
    }

    @Provide
    Arbitrary<String> calls() {
        Arbitrary<Long> start = Arbitraries.longs().between(1_600_000_000L, 1_900_000_000L);
        return Combinators.combine(
                        start,
                        Arbitraries.integers().between(0, 20_000),
                        Arbitraries.integers().between(-1, 60),
                        keyForms(),
                        numberForm(),
                        userForm())
                .as((started, length, answer, forms, number, user) -> {
                    StringBuilder b = new StringBuilder("{\"id\":").append(started % 10_000_000 + 1);
                    b.append(",\"started_at\":").append(started);
                    b.append(",\"ended_at\":").append(started + length);
                    if (answer >= 0) {
                        b.append(",\"answered_at\":").append(started + Math.min(answer, length));
                    }
                    for (String f : forms) {
                        if (!f.isEmpty()) {
                            b.append(',').append(f);
                        }
                    }
                    if (!number.isEmpty()) {
                        b.append(",\"number\":").append(number);
                    }
                    if (!user.isEmpty()) {
                        b.append(",\"user\":").append(user);
                    }
                    return b.append('}').toString();
                });
    }

    /** Each call key of the vocabulary, absent or in one of its forms. */
    private static Arbitrary<List<String>> keyForms() {
        List<Arbitrary<String>> per = new ArrayList<>();
        Map<AircallKey, List<String>> forms = Map.of(
                AircallKey.DIRECTION, List.of("\"inbound\"", "\"outbound\"", "null", "\"internal\""),
                AircallKey.STATUS, List.of("\"done\"", "\"initial\"", "\"answered\"", "null"),
                AircallKey.DURATION, List.of("30", "0", "null", "\"45\""),
                AircallKey.MISSED_CALL_REASON,
                        List.of("null", "\"agents_did_not_answer\"", "\"abandoned_in_ivr\"", "\"short_abandoned\""),
                AircallKey.VOICEMAIL, List.of("null", "\"https://v.example/1.mp3\"", "\" \""),
                AircallKey.VOICEMAIL_SHORT_URL, List.of("null", "\"https://short-urls.aircall.io/v1/v\""),
                AircallKey.ASSET,
                        List.of(
                                "null",
                                "\"https://assets.aircall.io/recording/1\"",
                                "\"https://assets.aircall.io/calls/1/voicemail\"",
                                "\"https:\\/\\/assets.aircall.io\\/recording\\/1\""),
                AircallKey.RECORDING,
                        List.of("null", "\"https://r.example/1.mp3?X-Amz-Date=20261113T082000Z&X-Amz-Expires=600\""),
                AircallKey.RECORDING_SHORT_URL, List.of("null", "\"https://short-urls.aircall.io/v1/r\""),
                AircallKey.TEAMS, List.of("[]", "[{\"id\":1,\"name\":\"Support\"}]", "null"));
        for (AircallKey k : AircallKey.values()) {
            List<String> values = forms.get(k);
            if (values == null) {
                continue;
            }
            per.add(Arbitraries.oneOf(
                    Arbitraries.just(""), Arbitraries.of(values).map(v -> "\"" + k.wire + "\":" + v)));
        }
        per.add(Arbitraries.of("", "\"cost\":\"0.0\"", "\"hangup_cause\":null", "\"tags\":[{\"id\":1}]"));
        return Combinators.combine(per).as(List::copyOf);
    }

    private static Arbitrary<String> numberForm() {
        return Combinators.combine(
                        Arbitraries.of("", "\"id\":1096001", "\"id\":\"1096001\"", "\"id\":null"),
                        Arbitraries.of("", "\"digits\":\"+33 1 99 00 00 01\"", "\"digits\":null"),
                        Arbitraries.of("", "\"e164_digits\":\"+33199000001\""),
                        Arbitraries.of(
                                "",
                                "\"live_recording_activated\":true",
                                "\"live_recording_activated\":false",
                                "\"live_recording_activated\":null",
                                "\"live_recording_activated\":\"false\""),
                        Arbitraries.of(true, false, false, false))
                .as((id, digits, e164, live, absent) -> absent ? "" : object(id, digits, e164, live))
                .injectDuplicates(0.01);
    }

    private static Arbitrary<String> userForm() {
        return Combinators.combine(
                        Arbitraries.of("", "\"id\":1719001", "\"id\":\"u1\""),
                        Arbitraries.of("", "\"email\":\"ana@example.com\"", "\"email\":null"),
                        Arbitraries.of(true, false, false))
                .as((id, email, absent) -> absent ? "" : object(id, email, "\"name\":\"Ana\""));
    }

    private static String object(String... members) {
        return "{"
                + String.join(",", Stream.of(members).filter(m -> !m.isEmpty()).toList()) + "}";
    }

    /** Every call object of the corpus, one per line, as an NDJSON export would hold it. */
    private static List<String> corpusCallObjects() throws IOException, URISyntaxException {
        Path dir = Path.of(AircallVocabularyPropertyTest.class
                .getResource("/corpus/aircall")
                .toURI());
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(
                            p -> p.toString().endsWith(".json") || p.toString().endsWith(".ndjson"))
                    .sorted()
                    .toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                List<JsonNode> roots = new ArrayList<>();
                try (var it = JsonRecordStream.MAPPER.readerFor(JsonNode.class).readValues(text)) {
                    while (it.hasNext()) {
                        roots.add((JsonNode) it.next());
                    }
                }
                for (JsonNode root : roots) {
                    collect(root, out);
                }
            }
        }
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        } else if (node.has("calls")) {
            collect(node.get("calls"), out);
        } else if (node.has("call") && !node.has("id")) {
            collect(node.get("call"), out);
        } else if (node.has("event") && node.path("data").isObject()) {
            if (node.path("resource").asText().equals("call")) {
                collect(node.get("data"), out);
            }
        } else if (node instanceof ObjectNode && node.has("started_at")) {
            try {
                out.add(JsonRecordStream.MAPPER.writeValueAsString(node));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final AircallLineScanner scanner = new AircallLineScanner();

    private CallRecord fast(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return scanner.scan(bytes, 0, bytes.length, FILE, 1);
    }

    private static CallRecord tree(String line) throws IOException {
        List<CallRecord> calls = new ArrayList<>();
        try (JsonParser parser = JsonRecordStream.MAPPER.createParser(line)) {
            JsonRecordStream stream = new JsonRecordStream(parser, 0);
            JsonRecordStream.Item item;
            while ((item = stream.next()) != null) {
                calls.add(new AircallMapper().map(item.node(), new SourceRef(FILE, item.line())));
            }
        } catch (IOException | FieldException e) {
            return null;
        }
        return calls.size() == 1 ? calls.get(0) : null;
    }
}
