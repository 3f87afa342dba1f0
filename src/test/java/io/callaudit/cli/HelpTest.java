package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.ingest.InputFormat;
import io.callaudit.report.ReportFormat;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each command explains itself: its own description, options and exit codes, and only those it has. */
class HelpTest {

    static final String ROOT_HEADER = "Audits call-log batches against a recording profile";

    @ParameterizedTest
    @ValueSource(strings = {"audit", "check-config", "diff", "explain", "rules"})
    void should_give_each_command_its_own_help(String command) {
        CliRun run = CliRun.run(command, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Usage: callaudit " + command)
                .doesNotContain(ROOT_HEADER)
                .contains("Exit codes:")
                .doesNotContainIgnoringCase("seed");
    }

    @Test
    void should_list_every_command_by_its_own_description() {
        String help = CliRun.run("--help").out();
        assertThat(help)
                .containsOnlyOnce(ROOT_HEADER)
                .contains("Audit call-log files against the recording profile.")
                .contains("Compare two profiles")
                .contains("Walk the checklist of the provider's help articles")
                .contains("List every rule");
    }

    @Test
    void should_list_every_report_format_the_code_has() {
        String help = CliRun.run("audit", "--help").out().replaceAll("\\s+", " ");
        List<String> wires =
                Arrays.stream(ReportFormat.values()).map(ReportFormat::wire).toList();
        assertThat(help).contains("one of: " + String.join(", ", wires));
        assertThat(CliRun.run("check-config", "--help").out().replaceAll("\\s+", " "))
                .contains("one of: " + String.join(", ", wires));
        assertThat(help)
                .contains(String.join(
                        ", ",
                        Arrays.stream(InputFormat.values())
                                .map(InputFormat::wire)
                                .toList()));
        assertThat(CliRun.run("diff", "--help").out().replaceAll("\\s+", " ")).contains("one of: text, json, markdown");
        assertThat(CliRun.run("rules", "--help").out().replaceAll("\\s+", " "))
                .contains("one of: text, markdown, json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"diff", "rules", "explain"})
    void should_not_advertise_options_a_command_lacks(String command) {
        String help = CliRun.run(command, "--help").out();
        assertThat(help).doesNotContain("--output");
        if (!command.equals("diff")) {
            assertThat(help).doesNotContain("--fail-on");
        }
    }

    @Test
    void should_name_an_unknown_option_before_a_missing_file() {
        CliRun run = CliRun.run("audit", "--bogus");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Unknown option: '--bogus'").doesNotContain("Missing required parameter");

        CliRun close = CliRun.run("audit", "--redcat");
        assertThat(close.err()).contains("Unknown option: '--redcat'").contains("--redact");
    }
}
