package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PrintWriterOutputTest {

    @Property(tries = 300)
    void should_reproduce_any_text_however_its_bytes_are_split(
            @ForAll String text, @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 7) Integer> cuts) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringWriter sink = new StringWriter();
        try (PrintWriterOutput out = new PrintWriterOutput(new PrintWriter(sink))) {
            int at = 0;
            for (int cut : cuts) {
                int n = Math.min(cut, bytes.length - at);
                out.write(bytes, at, n);
                at += n;
            }
            out.write(bytes, at, bytes.length - at);
        }
        assertThat(sink.toString()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void should_stream_more_than_its_buffer_in_one_write() throws Exception {
        String text = "é€𝄞".repeat(100_000);
        StringWriter sink = new StringWriter();
        try (PrintWriterOutput out = new PrintWriterOutput(new PrintWriter(sink))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(sink.toString()).isEqualTo(text);
    }

    @Test
    void should_replace_a_character_cut_off_at_the_end_rather_than_drop_it() throws Exception {
        StringWriter sink = new StringWriter();
        try (PrintWriterOutput out = new PrintWriterOutput(new PrintWriter(sink))) {
            out.write(new byte[] {'a', (byte) 0xE2, (byte) 0x82});
        }
        assertThat(sink.toString()).isEqualTo("a\uFFFD");
    }
}
