package io.callaudit.gate;

import static io.callaudit.gate.GateFixtures.ERRORS;
import static io.callaudit.gate.GateFixtures.RULES;
import static io.callaudit.gate.GateFixtures.audit;
import static io.callaudit.gate.GateFixtures.baseline;
import static io.callaudit.gate.GateFixtures.findings;
import static io.callaudit.gate.GateFixtures.suppressed;
import static io.callaudit.gate.GateFixtures.waivers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.Suppression;
import io.callaudit.model.Profile;
import io.callaudit.model.Provider;
import io.callaudit.model.ReadResult;
import io.callaudit.report.ReportContext;
import io.callaudit.report.ReportFormat;
import io.callaudit.rules.Finding;
import io.callaudit.rules.Messages;
import io.callaudit.rules.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** A previous report as baseline: only new findings fail, stale entries are listed, the file is in the key. */
class BaselineTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private final Gate gate = new Gate(RULES);

    @Test
    void should_fail_only_on_findings_that_are_not_in_the_baseline() {
        AuditResult before = audit();
        AuditResult after =
                gate.apply(before, null, baseline("baseline.json"), TODAY).result();

        assertThat(suppressed(after))
                .containsExactly(
                        "plan.dual-channel-not-in-plan recording.mode", "gap.unexplained c1", "gap.unexplained c2");
        assertThat(after.failing(Severity.ERROR)).isEqualTo(ERRORS - 3);
        Finding c1 = findings(after, "gap.unexplained").get(0);
        assertThat(after.suppression(c1)).isEqualTo(Suppression.baselined("baseline.json"));
        assertThat(after.findings()).as("a baselined finding is still reported").hasSameSizeAs(before.findings());
        assertThat(after.summary(RULES).baselined()).isEqualTo(3);
    }

    @Test
    void should_match_a_call_whatever_file_it_was_read_from() {
        // The baseline has gap.unexplained for c2 read from other.ndjson; this run read c2 from calls.ndjson:
        // a renamed export holds the same calls of the same account.
        AuditResult after =
                gate.apply(audit(), null, baseline("baseline.json"), TODAY).result();

        Finding c2 = findings(after, "gap.unexplained").get(1);
        assertThat(c2.callId()).isEqualTo("c2");
        assertThat(after.suppression(c2)).isEqualTo(Suppression.baselined("baseline.json"));
    }

    @Test
    void should_not_baseline_the_same_rule_and_key_in_another_profile() {
        // The baseline also has recording.mode of other-profile.yaml; this run checked profile.yaml.
        AuditResult after =
                gate.apply(audit(), null, baseline("baseline.json"), TODAY).result();

        assertThat(after.staleBaseline()).contains("plan.dual-channel-not-in-plan recording.mode other-profile.yaml");
    }

    @Test
    void should_not_match_a_call_of_another_provider_once_the_baseline_names_its_provider() {
        String report = "{\"records_read\": 1, \"provider\": \"ctm\", \"findings\": [{\"rule\": \"gap.unexplained\","
                + " \"call_id\": \"c1\", \"source\": {\"file\": \"calls.ndjson\", \"line\": 1}}]}";
        Baseline ctm = new BaselineLoader()
                .load("ctm.json", new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)));
        Baseline exotel = new BaselineLoader()
                .load(
                        "exotel.json",
                        new ByteArrayInputStream(
                                report.replace("\"ctm\"", "\"exotel\"").getBytes(StandardCharsets.UTF_8)));

        Finding c1 = findings(audit(), "gap.unexplained").get(0);
        assertThat(gate.apply(audit(), null, ctm, TODAY).result().staleBaseline())
                .containsExactly("gap.unexplained c1 ctm");
        assertThat(exotel.contains(c1, "exotel")).isTrue();
        assertThat(ctm.contains(c1, "exotel")).isFalse();
    }

    @Test
    void should_list_baseline_entries_that_match_nothing_as_stale() {
        AuditResult after =
                gate.apply(audit(), null, baseline("baseline.json"), TODAY).result();

        // The waiver.malformed entry is left out: the gate's own findings are never baselined.
        assertThat(after.staleBaseline())
                .containsExactly(
                        "gap.unexplained c9 -", "plan.dual-channel-not-in-plan recording.mode other-profile.yaml");
    }

    @Test
    void should_prefer_the_waiver_over_the_baseline_and_not_call_the_entry_stale() {
        AuditResult after = gate.apply(audit(), waivers("waivers.yaml"), baseline("baseline.json"), TODAY)
                .result();

        Finding c1 = findings(after, "gap.unexplained").get(0);
        assertThat(after.suppression(c1).kind()).isEqualTo(Suppression.Kind.WAIVED);
        assertThat(after.suppression(
                                findings(after, "plan.dual-channel-not-in-plan").get(0))
                        .kind())
                .isEqualTo(Suppression.Kind.BASELINED);
        assertThat(after.staleBaseline()).doesNotContain("gap.unexplained c1 calls.ndjson");
        assertThat(after.summary(RULES).waived()).isEqualTo(4);
        assertThat(after.summary(RULES).baselined())
                .as("recording.mode, and c2 read from another file")
                .isEqualTo(2);
        assertThat(after.failing(Severity.ERROR)).isEqualTo(ERRORS - 6);
    }

    static Stream<Arguments> roundTrips() {
        return Stream.of(
                Arguments.of(
                        "exotel profile, rejected record and duplicate",
                        GateFixtures.profile(),
                        GateFixtures.mixedRecords()),
                Arguments.of(
                        "aircall defaults, no profile file",
                        Profile.defaults(Provider.AIRCALL),
                        GateFixtures.mixedRecords()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roundTrips")
    void should_pass_an_unchanged_audit_against_its_own_json_report(
            String name, Profile profile, List<ReadResult> records) {
        AuditResult first = GateFixtures.audit(profile, records);
        assertThat(first.failing(Severity.INFO)).isPositive();
        Baseline baseline = readBack(first);

        AuditResult second = gate.apply(GateFixtures.audit(profile, records), null, baseline, TODAY)
                .result();

        assertThat(second.failing(Severity.INFO)).isZero();
        assertThat(second.staleBaseline()).isEmpty();
        assertThat(findings(second, "input.rejected-record"))
                .singleElement()
                .satisfies(f -> assertThat(second.suppression(f)).isNotNull());
    }

    @Test
    void should_keep_failing_on_malformed_waivers_even_when_they_are_in_the_baseline() {
        Waivers malformed = waivers("malformed.yaml");
        AuditResult first = gate.apply(audit(), malformed, null, TODAY).result();
        Baseline baseline = readBack(first);

        AuditResult second = gate.apply(audit(), malformed, baseline, TODAY).result();

        assertThat(findings(second, "waiver.malformed"))
                .hasSize(15)
                .allSatisfy(f -> assertThat(second.suppression(f)).isNull());
        assertThat(second.failing(Severity.ERROR)).isEqualTo(15);
        assertThat(second.suppression(findings(second, "gap.unexplained").get(1))
                        .kind())
                .isEqualTo(Suppression.Kind.WAIVED);
        assertThat(second.staleBaseline()).isEmpty();
    }

    @Test
    void should_read_the_baseline_from_a_path(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("previous.json");
        Files.writeString(file, "{\"records_read\": 0, \"findings\": []}");

        Baseline baseline = new BaselineLoader().load(file);

        assertThat(baseline.file()).isEqualTo(file.toString());
        assertThat(baseline.entries()).isEmpty();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `provider: exotel` | 1 | not a callaudit JSON report: invalid JSON
            `` | 1 | not a callaudit JSON report: the file is empty
            `[]` | 1 | not a callaudit JSON report: expected a JSON object
            `{"records_read": 1}` | 1 | no 'findings' array
            `{"findings": []}` | 1 | no 'records_read'
            `{"records_read": 1, "findings": {}}` | 1 | 'findings' must be an array
            `{"records_read": 1,\\n"findings": [\\n{"severity": "error"}]}` | 3 | findings[0] has no 'rule'
            `{"records_read": 1,\\n"findings": [\\n42]}` | 3 | findings[0] must be an object
            `{"records_read": 1, "findings": []}\\n{"id": "c1"}` | 2 | unexpected content after the report
            `{"records_read": 1, "findings": [{"rule": 7}]}` | 1 | 'findings[0].rule' must be a string
            `{"records_read": 1, "findings": [], "findings": []}` | 1 | invalid JSON
            `{"records_read": 1, "findings": [\\n` | 2 | invalid JSON
            """)
    void should_refuse_a_file_that_is_not_a_callaudit_report(String json, int line, String problem) {
        String text = json.replace("\\n", "\n");

        assertThatThrownBy(() -> new BaselineLoader()
                        .load("previous.json", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(GateFileException.class)
                .hasMessageStartingWith("previous.json:" + line + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    void should_refuse_a_missing_baseline(@TempDir Path dir) {
        Path missing = dir.resolve("previous.json");

        assertThatThrownBy(() -> new BaselineLoader().load(missing))
                .isInstanceOf(GateFileException.class)
                .hasMessage(missing + ": cannot read baseline: no such file");
    }

    /** The result as our own JSON writer prints it, read back as a baseline. */
    private static Baseline readBack(AuditResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ReportFormat.JSON
                    .writer()
                    .write(result, new ReportContext(RULES, Messages.english(), false, Severity.ERROR, null), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BaselineLoader().load("previous.json", new ByteArrayInputStream(out.toByteArray()));
    }
}
