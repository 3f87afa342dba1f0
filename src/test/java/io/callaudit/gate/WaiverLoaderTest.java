package io.callaudit.gate;

import static io.callaudit.gate.GateFixtures.ERRORS;
import static io.callaudit.gate.GateFixtures.RULES;
import static io.callaudit.gate.GateFixtures.audit;
import static io.callaudit.gate.GateFixtures.findings;
import static io.callaudit.gate.GateFixtures.suppressed;
import static io.callaudit.gate.GateFixtures.waivers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callaudit.engine.AuditResult;
import io.callaudit.model.ProfileLocation;
import io.callaudit.rules.Finding;
import io.callaudit.rules.Messages;
import io.callaudit.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the waivers file: good entries, malformed entries (findings), and files that are no waivers file. */
class WaiverLoaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @Test
    void should_read_every_field_with_its_line_and_index() {
        Waivers waivers = waivers("waivers.yaml");

        assertThat(waivers.file()).isEqualTo("waivers.yaml");
        assertThat(waivers.malformed()).isEmpty();
        assertThat(waivers.waivers())
                .containsExactly(
                        new Waiver(
                                "gap.unexplained",
                                TargetKind.CALL,
                                "c1",
                                "Provider ticket EX-4411: recording lost during their outage",
                                "ana@acme.example",
                                LocalDate.of(2026, 12, 31),
                                "waivers.yaml",
                                3,
                                0),
                        new Waiver(
                                "gap.unexplained",
                                TargetKind.NUMBER,
                                "813",
                                "Number 813 is a test line, never recorded",
                                "qa-team",
                                LocalDate.of(2027, 3, 31),
                                "waivers.yaml",
                                8,
                                1),
                        new Waiver(
                                "ingest.*",
                                TargetKind.NUMBER,
                                "0812",
                                "Leading zero kept: this waiver must not match number 812",
                                "ana@acme.example",
                                LocalDate.of(2027, 3, 31),
                                "waivers.yaml",
                                14,
                                2),
                        new Waiver(
                                "plan.*",
                                TargetKind.KEY,
                                "flows[0]",
                                "Dual-channel on sales pending plan upgrade (PO-77)",
                                "ana@acme.example",
                                LocalDate.of(2027, 1, 15),
                                "waivers.yaml",
                                19,
                                3));
    }

    @Test
    void should_read_the_file_from_a_path(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("waivers.yaml");
        Files.writeString(file, "waivers: []\n");

        Waivers waivers = new WaiverLoader(RULES).load(file);

        assertThat(waivers.file()).isEqualTo(file.toString());
        assertThat(waivers.waivers()).isEmpty();
        assertThat(waivers.malformed()).isEmpty();
    }

    @ParameterizedTest(name = "line {0}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            3  | 0  | missing 'rule'
            7  | 1  | missing 'target' (exactly one of call, number, flow, key)
            11 | 2  | missing 'reason'
            15 | 3  | missing 'owner'
            19 | 4  | missing 'expires'
            23 | 5  | unknown rule 'gap.no-such-rule'
            28 | 6  | 'expires' must be a date YYYY-MM-DD, got '2027-02-30'
            33 | 7  | 'target' names call and number: a waiver targets exactly one of call, number, flow, key
            38 | 8  | unknown key 'approved_by' at line 43 (expected rule, target, reason, owner, expires)
            49 | 10 | unknown rule family 'nope.*'
            54 | 11 | 'expires' must be a date YYYY-MM-DD, got '31/03/2027'
            59 | 12 | unknown key 'target.user' at line 60 (expected call, number, flow, key)
            64 | 13 | rule 'waiver.expired' cannot be waived
            69 | 14 | expected a mapping with rule, target, reason, owner, expires, got 'gap.unexplained c1'
            70 | 15 | 'target' names nothing
            """)
    void should_report_each_malformed_entry_at_its_line_and_let_it_suppress_nothing(
            int line, int index, String problem) {
        AuditResult after = new Gate(RULES)
                .apply(audit(), waivers("malformed.yaml"), null, TODAY)
                .result();

        List<Finding> malformed = findings(after, "waiver.malformed");
        Finding f = malformed.stream()
                .filter(m -> m.location().line() == line)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no waiver.malformed at line " + line + ": " + malformed));
        assertThat(f.location()).isEqualTo(new ProfileLocation("malformed.yaml", line, "waivers[" + index + "]"));
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(Messages.english().message(f, false))
                .startsWith("Malformed waiver: ")
                .contains(problem);
    }

    @Test
    void should_keep_the_good_entries_of_a_file_with_malformed_ones() {
        Waivers waivers = waivers("malformed.yaml");
        AuditResult after = new Gate(RULES).apply(audit(), waivers, null, TODAY).result();

        assertThat(waivers.waivers()).extracting(Waiver::line).containsExactly(44);
        assertThat(waivers.malformed()).hasSize(15);
        assertThat(findings(after, "waiver.malformed"))
                .hasSize(15)
                .extracting(f -> f.location().line())
                .containsExactly(3, 7, 11, 15, 19, 23, 28, 33, 38, 49, 54, 59, 64, 69, 70);
        // Every malformed entry would have matched c1; only the good one (c2) suppresses.
        assertThat(suppressed(after)).containsExactly("gap.unexplained c2");
        // A malformed waiver is an error of its own, so the run cannot pass because of one.
        assertThat(after.failing(Severity.ERROR)).isEqualTo(ERRORS - 1 + 15);
    }

    @Test
    void should_name_every_problem_of_one_entry() {
        Waivers waivers = waivers("""
                waivers:
                  - rule: gap.nope
                    target: {call: c1}
                    owner: ""
                    expires: tomorrow
                """, "waivers.yaml");

        assertThat(waivers.malformed()).singleElement().satisfies(m -> {
            assertThat(m.line()).isEqualTo(2);
            assertThat(m.problem())
                    .isEqualTo("unknown rule 'gap.nope' (expected a rule id such as"
                            + " gap.recording-disabled, or a family such as ingest.*); missing 'reason'; 'owner' is empty;"
                            + " 'expires' must be a date YYYY-MM-DD, got 'tomorrow'");
        });
    }

    @Test
    void should_refuse_anchors_and_tags_inside_an_entry() {
        Waivers waivers = waivers("""
                waivers:
                  - rule: gap.unexplained
                    target: &t {call: c1}
                    reason: r
                    owner: o
                    expires: 2027-01-01
                  - rule: gap.unexplained
                    target: *t
                    reason: r
                    owner: o
                    expires: 2027-01-01
                  - rule: gap.unexplained
                    target: {call: !!int c1}
                    reason: r
                    owner: o
                    expires: 2027-01-01
                """, "waivers.yaml");

        assertThat(waivers.waivers()).isEmpty();
        assertThat(waivers.malformed()).extracting(MalformedWaiver::line).containsExactly(2, 7, 12);
        assertThat(waivers.malformed())
                .extracting(MalformedWaiver::problem)
                .allSatisfy(p -> assertThat(p)
                        .containsAnyOf("anchors and aliases are not supported", "YAML tags are not supported"));
    }

    @Test
    void should_accept_an_empty_list() {
        assertThat(waivers("waivers: []\n", "w.yaml").waivers()).isEmpty();
        assertThat(waivers("waivers:\n", "w.yaml").waivers()).isEmpty();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``                                     | 1 | waivers file is empty
            `- rule: gap.unexplained`              | 1 | expected a mapping with a 'waivers' list, got a list
            `just text`                            | 1 | expected a mapping with a 'waivers' list, got 'just text'
            `waivers: []\\nexceptions: []`         | 2 | unknown top-level key 'exceptions' (expected only 'waivers')
            `waivers:\\n  rule: gap.unexplained`   | 2 | 'waivers' must be a list of entries, got a mapping
            `{}`                                   | 1 | missing 'waivers' list
            `waivers: []\\nwaivers: []`            | 2 | duplicate key 'waivers' (first at line 1)
            `waivers: [\\n  - rule: x\\n`          | 2 | invalid YAML
            `waivers: []\\n---\\nwaivers: []`      | 2 | invalid YAML
            """)
    void should_refuse_a_file_that_is_not_a_waivers_file(String yaml, int line, String problem) {
        String text = yaml.replace("\\n", "\n");

        assertThatThrownBy(() -> waivers(text, "waivers.yaml"))
                .isInstanceOf(GateFileException.class)
                .hasMessageStartingWith("waivers.yaml:" + line + ": ")
                .hasMessageContaining(problem)
                .satisfies(e -> {
                    GateFileException g = (GateFileException) e;
                    assertThat(g.file()).isEqualTo("waivers.yaml");
                    assertThat(g.line()).isEqualTo(line);
                });
    }

    @Test
    void should_refuse_a_missing_file(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> new WaiverLoader(RULES).load(missing))
                .isInstanceOf(GateFileException.class)
                .hasMessage(missing + ": cannot read waivers: no such file");
    }
}
