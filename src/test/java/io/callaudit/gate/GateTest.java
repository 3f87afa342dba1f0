package io.callaudit.gate;

import static io.callaudit.gate.GateFixtures.ERRORS;
import static io.callaudit.gate.GateFixtures.RULES;
import static io.callaudit.gate.GateFixtures.audit;
import static io.callaudit.gate.GateFixtures.findings;
import static io.callaudit.gate.GateFixtures.suppressed;
import static io.callaudit.gate.GateFixtures.waivers;
import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.Suppression;
import io.callaudit.model.ProfileLocation;
import io.callaudit.rules.Finding;
import io.callaudit.rules.Messages;
import io.callaudit.rules.Sensitive;
import io.callaudit.rules.Severity;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which findings a waiver suppresses, and what happens when it expires. */
class GateTest {

    /** The fixture's audit date ({@code as_of: 2026-11-20T00:00:00Z}). */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private final Gate gate = new Gate(RULES);

    private static String waiver(String rule, String target, String expires) {
        return "waivers:\n"
                + "  - rule: " + rule + "\n"
                + "    target: " + target + "\n"
                + "    reason: \"reviewed\"\n"
                + "    owner: ana@acme.example\n"
                + "    expires: " + expires + "\n";
    }

    static Stream<Arguments> targets() {
        return Stream.of(
                Arguments.of("by call", "gap.unexplained", "{call: c1}", List.of("gap.unexplained c1"), 1),
                Arguments.of("by number", "gap.unexplained", "{number: \"813\"}", List.of("gap.unexplained c3"), 1),
                Arguments.of(
                        "by flow",
                        "gap.unexplained",
                        "{flow: support}",
                        List.of("gap.unexplained c2", "gap.unexplained c3"),
                        2),
                Arguments.of(
                        "by key, exact",
                        "plan.dual-channel-needs-wav",
                        "{key: recording.format}",
                        List.of("plan.dual-channel-needs-wav recording.format"),
                        1),
                Arguments.of(
                        "by key prefix at a path boundary",
                        "plan.dual-channel-not-in-plan",
                        "{key: \"flows[0]\"}",
                        List.of("plan.dual-channel-not-in-plan flows[0].mode"),
                        1),
                Arguments.of(
                        "family wildcard by key",
                        "plan.*",
                        "{key: recording}",
                        List.of(
                                "plan.dual-channel-not-in-plan recording.mode",
                                "plan.dual-channel-needs-wav recording.format"),
                        2),
                Arguments.of(
                        "family wildcard by number",
                        "ingest.*",
                        "{number: \"812\"}",
                        List.of("ingest.no-recording c1", "ingest.no-recording c2"),
                        0),
                Arguments.of("rule matches, target does not", "gap.unexplained", "{call: c4}", List.of(), 0),
                Arguments.of("target matches, rule does not", "gap.too-long", "{call: c1}", List.of(), 0),
                Arguments.of("key prefix not at a boundary", "plan.*", "{key: recording.m}", List.of(), 0),
                Arguments.of("family prefix is not a wildcard", "gap.*", "{key: recording}", List.of(), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void should_suppress_exactly_the_findings_the_waiver_matches(
            String name, String rule, String target, List<String> expected, int errorsWaived) {
        AuditResult before = audit();
        Waivers waivers = waivers(waiver(rule, target, "2027-03-31"), "waivers.yaml");
        assertThat(waivers.malformed()).isEmpty();

        GateResult gated = gate.apply(before, waivers, null, TODAY);
        AuditResult after = gated.result();

        assertThat(suppressed(after)).containsExactlyElementsOf(expected);
        assertThat(before.failing(Severity.ERROR)).isEqualTo(ERRORS);
        assertThat(after.failing(Severity.ERROR)).isEqualTo(ERRORS - errorsWaived);
        assertThat(after.failing(Severity.INFO)).isEqualTo(before.failing(Severity.INFO) - expected.size());
        assertThat(after.findings()).as("a waived finding is still reported").hasSameSizeAs(before.findings());
        assertThat(gated.unusedWaivers()).hasSize(expected.isEmpty() ? 1 : 0);
    }

    @Test
    void should_mark_waived_findings_with_the_waivers_reason_owner_and_expiry() {
        AuditResult after =
                gate.apply(audit(), waivers("waivers.yaml"), null, TODAY).result();

        Finding c1 = findings(after, "gap.unexplained").get(0);
        assertThat(c1.callId()).isEqualTo("c1");
        assertThat(after.suppression(c1))
                .isEqualTo(new Suppression(
                        Suppression.Kind.WAIVED,
                        "Provider ticket EX-4411: recording lost during their outage",
                        "ana@acme.example",
                        LocalDate.of(2026, 12, 31)));
        assertThat(after.summary(RULES).waived()).isEqualTo(4);
    }

    @Test
    void should_apply_the_fixture_waivers_and_list_the_one_that_matches_nothing() {
        GateResult gated = gate.apply(audit(), waivers("waivers.yaml"), null, TODAY);

        assertThat(suppressed(gated.result()))
                .containsExactly(
                        "plan.dual-channel-not-in-plan flows[0].mode",
                        "plan.dual-channel-needs-wav flows[0].mode",
                        "gap.unexplained c1",
                        "gap.unexplained c3");
        assertThat(gated.result().failing(Severity.ERROR)).isEqualTo(ERRORS - 4);
        // "0812" is read as written, so it is not number 812.
        assertThat(gated.unusedWaivers()).extracting(Waiver::index).containsExactly(2);
        assertThat(gated.unusedWaivers().get(0).target()).isEqualTo("number 0812");
        assertThat(gated.result().staleBaseline()).isEmpty();
        assertThat(findings(gated.result(), "waiver.expired")).isEmpty();
    }

    @Test
    void should_keep_suppressing_on_the_expiry_day() {
        AuditResult after = gate.apply(audit(), waivers("waivers.yaml"), null, LocalDate.of(2026, 12, 31))
                .result();

        assertThat(suppressed(after)).contains("gap.unexplained c1");
        assertThat(findings(after, "waiver.expired")).isEmpty();
    }

    @Test
    void should_stop_suppressing_the_day_after_expiry_and_report_the_waiver() {
        AuditResult after = gate.apply(audit(), waivers("waivers.yaml"), null, LocalDate.of(2027, 1, 1))
                .result();

        assertThat(suppressed(after)).doesNotContain("gap.unexplained c1").contains("gap.unexplained c3");
        List<Finding> expired = findings(after, "waiver.expired");
        assertThat(expired).hasSize(1);
        Finding f = expired.get(0);
        assertThat(f.location()).isEqualTo(new ProfileLocation("waivers.yaml", 3, "waivers[0]"));
        assertThat(f.args())
                .containsExactly("gap.unexplained", "call c1", "2026-12-31", Sensitive.email("ana@acme.example"));
        assertThat(after.suppression(f)).isNull();
        assertThat(Messages.english().message(f, false))
                .isEqualTo("Waiver for gap.unexplained on call c1 expired"
                        + " on 2026-12-31 (owner ana@acme.example): its findings count again");
        assertThat(Messages.english().message(f, true)).contains("(owner a•••@acme.example)");
        // The expired waiver fails nothing itself (warning); the finding it no longer hides does.
        assertThat(after.failing(Severity.ERROR)).isEqualTo(ERRORS - 3);
        assertThat(after.failing(Severity.WARNING)).isEqualTo(ERRORS - 3 + 1);
    }

    @Test
    void should_not_list_an_expired_waiver_as_unused() {
        GateResult gated = gate.apply(
                audit(), waivers(waiver("gap.unexplained", "{call: nope}", "2026-11-19"), "waivers.yaml"), null, TODAY);

        assertThat(findings(gated.result(), "waiver.expired")).hasSize(1);
        assertThat(gated.unusedWaivers()).isEmpty();
    }

    @Test
    void should_judge_expiry_on_the_audit_date_by_default() {
        AuditResult result = audit();
        Waivers lastDay = waivers(waiver("gap.unexplained", "{call: c1}", "2026-11-20"), "waivers.yaml");
        Waivers dayBefore = waivers(waiver("gap.unexplained", "{call: c1}", "2026-11-19"), "waivers.yaml");

        assertThat(suppressed(gate.apply(result, lastDay, null).result())).containsExactly("gap.unexplained c1");
        assertThat(suppressed(gate.apply(result, dayBefore, null).result())).isEmpty();
    }

    @Test
    void should_give_the_first_matching_waiver_the_finding_but_count_both_as_used() {
        String yaml = waiver("gap.unexplained", "{call: c1}", "2027-01-01")
                + waiver("gap.*", "{flow: sales}", "2027-02-01").replace("waivers:\n", "");
        GateResult gated = gate.apply(audit(), waivers(yaml, "waivers.yaml"), null, TODAY);

        Finding c1 = findings(gated.result(), "gap.unexplained").get(0);
        assertThat(gated.result().suppression(c1).expires()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(gated.unusedWaivers()).isEmpty();
    }

    @Test
    void should_change_nothing_without_waivers_or_baseline() {
        AuditResult before = audit();
        GateResult gated = gate.apply(before, null, null, TODAY);

        assertThat(gated.result().suppressions()).isEmpty();
        assertThat(gated.result().findings()).hasSameSizeAs(before.findings());
        assertThat(gated.result().failing(Severity.ERROR)).isEqualTo(ERRORS);
        assertThat(gated.unusedWaivers()).isEmpty();
    }

    @Test
    void should_respect_key_path_boundaries() {
        Waiver flows1 = new Waiver("plan.*", TargetKind.KEY, "flows[1]", "r", "o", TODAY, "w.yaml", 1, 0);
        Waiver flows = new Waiver("plan.*", TargetKind.KEY, "flows", "r", "o", TODAY, "w.yaml", 1, 0);
        Finding plan10 = new Finding(
                RULES.get("plan.dual-channel-needs-wav"),
                Severity.ERROR,
                List.of(),
                null,
                null,
                null,
                null,
                new ProfileLocation("p.yaml", 1, "flows[10].mode"));

        assertThat(flows1.matches(plan10)).isFalse();
        assertThat(flows.matches(plan10)).isTrue();
    }
}
