package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RulesAndExplainCommandTest {

    static final Path RULES_DOC = Path.of("docs/rules.md");

    @Test
    void should_list_every_rule_with_severity_family_and_source() {
        CliRun run = CliRun.run("rules");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("gap.short-talk")
                .contains("000_4d8b39d72bcb8e56.txt")
                .contains("plan.dual-channel-needs-wav")
                .contains("004_0df3aecd09fb4f60.txt");
    }

    /** docs/rules.md is generated; rerun with -Dcallaudit.updateGolden=true after changing a rule. */
    @Test
    void should_keep_the_rule_reference_in_the_docs_generated() throws Exception {
        CliRun run = CliRun.run("rules", "--format", "markdown");
        if (Boolean.getBoolean("callaudit.updateGolden")) {
            Files.createDirectories(RULES_DOC.getParent());
            Files.writeString(RULES_DOC, run.out());
        }
        assertThat(run.out()).isEqualTo(Files.readString(RULES_DOC));
    }

    @Test
    void should_explain_a_call_step_by_step_with_the_deciding_data() {
        CliRun run = CliRun.run(
                "explain", "7009", "--config", "examples/aircall/profile.yaml", "examples/aircall/calls.json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("[applies] gap.recording-disabled")
                .contains("numbers[1].record_outbound")
                .contains("[ruled out] gap.unanswered")
                .contains("Outcome: explained-gap");
    }

    @Test
    void should_explain_a_parallel_leg_naming_the_holder() {
        CliRun run = CliRun.run(
                "explain", "7008", "--config", "examples/aircall/profile.yaml", "examples/aircall/calls.json");
        assertThat(run.out()).contains("[applies] gap.parallel-leg").contains("overlapping earlier call=7007");
    }

    @Test
    void should_explain_in_spanish() {
        CliRun run = CliRun.run(
                "explain",
                "7014",
                "--lang",
                "es",
                "--config",
                "examples/aircall/profile.yaml",
                "examples/aircall/calls.json");
        assertThat(run.out())
                .contains("Llamada 7014")
                .contains("[aplica] gap.unexplained")
                .contains("[descartada] gap.unanswered")
                .contains("Resultado: falta sin explicar")
                .doesNotContain("[pass]")
                .doesNotContain("FAIL");
    }

    @Test
    void should_walk_only_the_rules_of_the_calls_provider() {
        CliRun run = CliRun.run(
                "explain", "7009", "--config", "examples/aircall/profile.yaml", "examples/aircall/calls.json");
        assertThat(run.out())
                .contains("gap.parallel-leg")
                .contains("link.number-deleted")
                .doesNotContain("gap.settings-unassigned")
                .doesNotContain("gap.ivr-only")
                .doesNotContain("link.audio-deleted")
                .doesNotContain("link.account-cancelled")
                .doesNotContain("plan.")
                .doesNotContain("[pass]")
                .doesNotContain("[FAIL]");
    }

    @Test
    void should_exit_2_for_an_unknown_call() {
        CliRun run = CliRun.run("explain", "nope", "examples/aircall/calls.json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope");
    }
}
