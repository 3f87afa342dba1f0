package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.audit.ExitStatus;
import java.io.InputStream;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A crash reads as a crash: whatever breaks inside a run (a bug, an exhausted heap or stack), the CLI exits 4
 * with one plain line saying what failed and what to try, never 1 (which a CI job reads as "findings") and
 * never a stack trace unless asked for with {@code --debug} or {@value ExitStatus#DEBUG_ENV}.
 */
class InternalErrorTest {

    /** Standard input that fails the way the JVM would, once reading starts. */
    static InputStream failingWith(Supplier<Throwable> failure) {
        return new InputStream() {
            @Override
            public int read() {
                return read(new byte[1], 0, 1);
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Throwable t = failure.get();
                if (t instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) t;
            }
        };
    }

    @Test
    void should_exit_4_with_one_line_when_the_heap_is_exhausted() {
        CliRun run = CliRun.runWithStdin(failingWith(() -> new OutOfMemoryError("Java heap space")), "audit", "-");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
        assertThat(run.err())
                .contains("out of memory")
                .contains("-Xmx")
                .contains("CALLAUDIT_DEBUG=1")
                .contains("--debug")
                .doesNotContain("\tat ");
    }

    @Test
    void should_exit_4_with_one_line_when_the_stack_overflows() {
        CliRun run = CliRun.runWithStdin(failingWith(StackOverflowError::new), "audit", "-");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("stack exhausted").doesNotContain("\tat ");
    }

    @Test
    void should_exit_4_without_quoting_the_message_of_a_bug() {
        CliRun run = CliRun.runWithStdin(
                failingWith(() -> new IllegalStateException("jane.doe@example.com +14155550123")), "audit", "-");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err())
                .contains("a bug in callaudit")
                .contains("IllegalStateException")
                .doesNotContain("jane.doe")
                .doesNotContain("4155550123")
                .doesNotContain("\tat ");
    }

    @Test
    void should_print_the_stack_trace_when_asked_with_debug() {
        CliRun run = CliRun.runWithStdin(
                failingWith(() -> new OutOfMemoryError("Java heap space")), "audit", "--debug", "-");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).contains("out of memory").contains("\tat ");
    }

    @Test
    void should_print_the_stack_trace_when_the_environment_asks() {
        CliRun run = CliRun.runWithDebugEnv(failingWith(IllegalStateException::new), "1", "audit", "-");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).contains("\tat ");
    }

    @Test
    void should_map_failures_to_the_contract_in_one_place() {
        assertThat(ExitStatus.of(new OutOfMemoryError())).isEqualTo(ExitStatus.INTERNAL);
        assertThat(ExitStatus.of(new StackOverflowError())).isEqualTo(ExitStatus.INTERNAL);
        assertThat(ExitStatus.of(new ArithmeticException("long overflow"))).isEqualTo(ExitStatus.INTERNAL);
        assertThat(ExitStatus.of(new io.callaudit.ingest.InputException("f", "no such file")))
                .isEqualTo(ExitStatus.INPUT);
        assertThat(ExitStatus.of(new io.callaudit.profile.ProfileException("p", 1, "k", "bad")))
                .isEqualTo(ExitStatus.USAGE);
        assertThat(ExitStatus.debugRequested(null)).isFalse();
        assertThat(ExitStatus.debugRequested("0")).isFalse();
        assertThat(ExitStatus.debugRequested("1")).isTrue();
    }
}
