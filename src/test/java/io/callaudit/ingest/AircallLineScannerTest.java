package io.callaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import io.callaudit.bench.CallFormat;
import io.callaudit.bench.CallGenerator;
import io.callaudit.model.CallRecord;
import io.callaudit.model.SourceRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level fast path must read exactly the call the JSON tree reads, or decline. Each test compares the two
 * on the same line: generated exports, hand-written edge cases, and thousands of randomly damaged lines, where
 * the fast path must never accept what the tree path rejects or reads differently.
 */
class AircallLineScannerTest {

    private static final String FILE = "calls.ndjson";

    private final AircallLineScanner scanner = new AircallLineScanner();

    @Test
    void readsGeneratedExportsExactlyAsTheTreeDoes() throws IOException {
        List<String> lines = generated(3000);
        int accepted = 0;
        for (int i = 0; i < lines.size(); i++) {
            CallRecord fast = fast(lines.get(i), i + 1);
            assertThat(fast).as("line %d: %s", i + 1, lines.get(i)).isNotNull();
            assertThat(fast).isEqualTo(tree(lines.get(i), i + 1));
            accepted++;
        }
        assertThat(accepted).isEqualTo(3000);
    }

    @Test
    void neverAcceptsADamagedLineTheTreeReadsDifferentlyOrRejects() throws IOException {
        List<String> lines = generated(400);
        Random random = new Random(7);
        String[] inserts = {
            "\"",
            "\\",
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            " ",
            "0",
            "-",
            ".",
            "e",
            "null",
            "true",
            "\\u0041",
            "\\n",
            "\u0001",
            "é",
            "\"id\":1,",
            "\"id\":\"x\",",
            "\"call\":{},",
            "01",
            "1e5",
            "\t"
        };
        int fastAccepted = 0;
        int treeRejected = 0;
        for (int round = 0; round < 20_000; round++) {
            String line = lines.get(random.nextInt(lines.size()));
            String damaged = damage(line, random, inserts);
            CallRecord tree = tree(damaged, 1);
            CallRecord fast = fast(damaged, 1);
            if (fast != null) {
                fastAccepted++;
                assertThat(fast).as("accepted by the fast path: %s", damaged).isEqualTo(tree);
            }
            if (tree == null) {
                treeRejected++;
            }
        }
        // The damage must exercise both sides, or this test proves nothing.
        assertThat(fastAccepted).isGreaterThan(2000);
        assertThat(treeRejected).isGreaterThan(2000);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // what the tree path reads differently or rejects with a message of its own
                "{\"id\":\"a\\u0062\",\"started_at\":1,\"ended_at\":2}",
                "{\"id\":1,\"id\":2,\"started_at\":1,\"ended_at\":2}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"user\":{\"id\":1,\"id\":2}}",
                "{\"id\":1,\"started_at\":\"2026-01-01T00:00:00Z\",\"ended_at\":2}",
                "{\"id\":1,\"started_at\":1.5,\"ended_at\":2}",
                "{\"id\":1,\"started_at\":1,\"duration\":30}",
                "{\"id\":1,\"started_at\":5,\"ended_at\":2}",
                "{\"id\":1.0,\"started_at\":1,\"ended_at\":2}",
                "{\"id\":0,\"started_at\":1,\"ended_at\":2}",
                "{\"id\":\"  \",\"started_at\":1,\"ended_at\":2}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"direction\":\"sideways\"}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"direction\":\"Inbound\"}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"recording\":7}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"recording\":\"https://x/caf\u00e9\"}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"number\":\"n1\"}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"missed_call_reason\":false}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2} {\"id\":2,\"started_at\":1,\"ended_at\":2}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2} x",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,}",
                "{\"id\":1,\"started_at\":01,\"ended_at\":2}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"cost\":01}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"tags\":[1,]}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"note\":\"tab\there\"}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"note\":\"bad \\x escape\"}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"ok\":tru}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"n\":-}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"n\":1.}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"n\":1e}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"n\":.5}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"n\":+1}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2",
                "{\"resource\":\"call\",\"event\":\"call.ended\",\"timestamp\":5,\"data\":{\"id\":1,\"started_at\":1,\"ended_at\":2}}",
                "{\"call\":{\"id\":1,\"started_at\":1,\"ended_at\":2}}",
                "{\"calls\":[{\"id\":1,\"started_at\":1,\"ended_at\":2}]}",
                "[{\"id\":1,\"started_at\":1,\"ended_at\":2}]",
                "{}",
                "",
                "\ufeff{\"id\":1,\"started_at\":1,\"ended_at\":2}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"d\":"
                        + "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
                        + "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
            })
    void declinesWhatItCannotBeSureOf(String line) throws IOException {
        assertThat(fast(line, 1)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\":1,\"started_at\":1,\"ended_at\":2}",
                " { \"id\" : \"c-1\" , \"started_at\" : 1 , \"ended_at\" : 2 , \"teams\" : [ { } ] } ",
                "{\"id\":1,\"started_at\":1,\"answered_at\":null,\"ended_at\":2,\"voicemail\":null,"
                        + "\"voicemail_short_url\":\"https://v/1\",\"teams\":[]}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"missed_call_reason\":\"abandoned_in_ivr\",\"user\":null,"
                        + "\"teams\":[{\"id\":5}]}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"asset\":\"https://a/1/voicemail\",\"number\":{}}",
                "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"number\":{\"id\":\" 9 \",\"e164_digits\":\"+331\"},"
                        + "\"user\":{\"email\":\" a@b.c \",\"name\":\"Zo\u00e9 \\\"Z\\\" \\u00e9\"},\"x\":[1,-0.5e+3,true,false,null]}",
                "{\"id\":1,\"direction\":\" \",\"started_at\":1,\"ended_at\":2,\"recording\":\"  \"}",
            })
    void readsWhatTheTreeReads(String line) throws IOException {
        CallRecord fast = fast(line, 3);
        assertThat(fast).isNotNull();
        assertThat(fast).isEqualTo(tree(line, 3));
    }

    @Test
    void staysInsideItsLineWhenTheBufferGoesOn() throws IOException {
        String line = "{\"id\":1,\"started_at\":1,\"ended_at\":2,\"note\":\"unterminated";
        byte[] buffer = (line + "\",\"x\":1}\n").getBytes(StandardCharsets.UTF_8);
        assertThat(scanner.scan(buffer, 0, line.length(), FILE, 1)).isNull();
    }

    private CallRecord fast(String line, long number) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        // Surround the line with other bytes: the scanner must keep to its bounds.
        byte[] buffer = new byte[bytes.length + 8];
        System.arraycopy(bytes, 0, buffer, 4, bytes.length);
        buffer[0] = buffer[buffer.length - 1] = '"';
        return scanner.scan(buffer, 4, 4 + bytes.length, FILE, number);
    }

    /** The tree path's reading of one line, as NdjsonReader does it: the call, or null for anything else. */
    private static CallRecord tree(String line, long number) throws IOException {
        List<CallRecord> calls = new ArrayList<>();
        try (JsonParser parser = JsonRecordStream.MAPPER.createParser(line)) {
            JsonRecordStream stream = new JsonRecordStream(parser, number - 1);
            JsonRecordStream.Item item;
            while ((item = stream.next()) != null) {
                calls.add(new AircallMapper().map(item.node(), new SourceRef(FILE, item.line())));
            }
        } catch (IOException | FieldException e) {
            return null;
        }
        return calls.size() == 1 ? calls.get(0) : null;
    }

    private static List<String> generated(int calls) throws IOException {
        byte[] ndjson = CallGenerator.generate(CallFormat.AIRCALL, calls, 11);
        List<String> lines = new ArrayList<>();
        ByteLines reader = new ByteLines(new ByteArrayInputStream(ndjson));
        while (reader.next()) {
            lines.add(reader.text());
        }
        return lines;
    }

    private static String damage(String line, Random random, String[] inserts) {
        StringBuilder s = new StringBuilder(line);
        int edits = 1 + random.nextInt(2);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, inserts[random.nextInt(inserts.length)]);
                case 2 -> s.setCharAt(at, inserts[random.nextInt(inserts.length)].charAt(0));
                default -> s.setLength(Math.max(1, at));
            }
        }
        return s.toString();
    }
}
