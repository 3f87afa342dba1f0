package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.audit.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressBarTest {

    @TempDir
    Path tmp;

    @Test
    void should_stay_silent_off_a_terminal_and_for_small_inputs() throws Exception {
        Path small = tmp.resolve("small.ndjson");
        Files.writeString(small, "{}\n");
        StringWriter err = new StringWriter();
        assertThat(ProgressBar.forInputs(List.of(small.toString()), false, new PrintWriter(err)))
                .isSameAs(Progress.NONE);
        assertThat(ProgressBar.forInputs(List.of(small.toString()), true, new PrintWriter(err)))
                .isSameAs(Progress.NONE);
    }

    @Test
    void should_show_records_rate_and_bytes_on_one_rewritten_line_and_clear_it() {
        StringWriter err = new StringWriter();
        Progress bar = ProgressBar.forInputs(List.of("-"), true, new PrintWriter(err));
        bar.update(2048, 3_000_000);
        bar.update(4096, 6_000_000);
        bar.done();
        assertThat(err.toString())
                .startsWith("\rcallaudit: 2,048 records")
                .contains("calls/s")
                .contains("3.0 MB read")
                .endsWith("\r");
        assertThat(err.toString()).doesNotContain("\n");
    }
}
