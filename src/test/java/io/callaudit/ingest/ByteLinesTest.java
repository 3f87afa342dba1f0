package io.callaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lines must be cut exactly where {@link BufferedReader#readLine()} cuts them, so line numbers do not move. */
class ByteLinesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "a",
                "a\n",
                "a\n\n",
                "\n",
                "\r",
                "\r\n",
                "a\rb",
                "a\r\nb\r\n",
                "a\r\r\nb",
                "a\n\rb",
                "caf\u00e9\nna\u00efve\r\n",
                "\n\n\nx"
            })
    void cutsLinesAsBufferedReaderDoes(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(lines(new ByteArrayInputStream(bytes))).isEqualTo(reference(bytes));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    void cutsLinesTheSameWhateverTheReadSizes(int seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        String[] pieces = {"{\"id\":1}", "\n", "\r", "\r\n", "x".repeat(70_000), "é", " "};
        for (int i = 0; i < 400; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(5000)));
            }
        };
        assertThat(lines(trickle)).isEqualTo(reference(bytes));
    }

    private static List<String> lines(InputStream in) throws IOException {
        ByteLines lines = new ByteLines(in);
        List<String> out = new ArrayList<>();
        while (lines.next()) {
            out.add(lines.text());
        }
        return out;
    }

    private static List<String> reference(byte[] bytes) throws IOException {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            out.add(line);
        }
        return out;
    }
}
