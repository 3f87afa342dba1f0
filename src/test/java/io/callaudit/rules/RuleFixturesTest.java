package io.callaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.CallResult;
import io.callaudit.rules.RuleFixtures.Case;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture folder (see {@link RuleFixtures}) and checks its markers both ways: each marked call or
 * line gets a finding of the folder's rule, and nothing unmarked does.
 */
class RuleFixturesTest {

    @TestFactory
    Stream<DynamicNode> should_fire_exactly_on_marked_calls_and_lines() {
        return RuleFixtures.folders().stream()
                .map(folder -> DynamicContainer.dynamicContainer(
                        folder.getFileName().toString(),
                        RuleFixtures.cases(folder).stream()
                                .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)))));
    }

    private static void check(Case c) {
        RuleInfo rule = RuleSet.builtIn().get(c.ruleId());
        assertThat(rule).as("folder %s names a built-in rule", c.ruleId()).isNotNull();

        AuditResult result = RuleFixtures.run(c);

        assertThat(result.rejected())
                .as("%s: fixture records must all be readable", c.name())
                .isEmpty();
        assertThat(result.inputFindings())
                .as("%s: fixture has no input findings", c.name())
                .isEmpty();
        assertThat(result.superseded())
                .as("%s: fixture call ids are unique", c.name())
                .isZero();

        Set<String> expectedCalls = new TreeSet<>();
        Set<String> firedCalls = new TreeSet<>();
        for (CallResult call : result.calls()) {
            if (RuleFixtures.isFire(call.id())) {
                expectedCalls.add(call.id());
            }
            if (call.findings().stream().anyMatch(f -> f.ruleId().equals(c.ruleId()))) {
                firedCalls.add(call.id());
            }
        }
        assertThat(firedCalls)
                .as("%s: calls with a %s finding (left) vs calls marked 'fire' (right)", c.name(), c.ruleId())
                .isEqualTo(expectedCalls);

        RuleFixtures.expectations(c.profile())
                .forEach((line, ids) -> assertThat(ids)
                        .as("%s line %d: markers name only this folder's rule", c.name(), line)
                        .containsOnly(c.ruleId()));
        Set<Integer> expectedLines = new TreeSet<>(RuleFixtures.expectedLines(c.profile(), c.ruleId()));
        List<Finding> profileFindings = result.profileFindings().stream()
                .filter(f -> f.ruleId().equals(c.ruleId()))
                .toList();
        Set<Integer> firedLines =
                profileFindings.stream().map(f -> f.location().line()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(firedLines)
                .as(
                        "%s: lines with a %s finding (left) vs lines marked '# expect' (right); findings: %s",
                        c.name(), c.ruleId(), profileFindings)
                .isEqualTo(expectedLines);
        for (Finding f : profileFindings) {
            assertThat(f.location().file())
                    .as("%s: finding points into the profile", c.name())
                    .isEqualTo(c.profile().toString());
            assertThat(f.location().key())
                    .as("%s: finding names a key", c.name())
                    .isNotBlank();
            assertThat(f.callId()).isNull();
        }
    }

    @Test
    void should_have_a_folder_with_positive_and_negative_cases_for_every_rule() {
        List<String> problems = new ArrayList<>();
        for (RuleInfo rule : RuleSet.builtIn().all()) {
            if (rule.rule() instanceof InputRule) {
                // input.* and waiver.* are raised by the pipeline, not by a profile or a call: focused tests
                continue;
            }
            Path folder = RuleFixtures.root().resolve(rule.id());
            if (!Files.isDirectory(folder)) {
                problems.add(rule.id() + ": no fixture folder");
                continue;
            }
            List<Case> cases = RuleFixtures.cases(folder);
            if (cases.isEmpty()) {
                problems.add(rule.id() + ": no profile in the folder");
                continue;
            }
            if (rule.rule() instanceof CallRule) {
                List<String> ids = cases.stream()
                        .map(Case::calls)
                        .distinct()
                        .flatMap(p -> RuleFixtures.callIds(p).stream())
                        .toList();
                if (ids.stream().noneMatch(RuleFixtures::isFire)) {
                    problems.add(rule.id() + ": no call marked 'fire'");
                }
                if (ids.stream().allMatch(RuleFixtures::isFire)) {
                    problems.add(rule.id() + ": no unmarked call");
                }
            }
            if (rule.rule() instanceof ProfileRule) {
                if (cases.stream()
                        .noneMatch(c -> !RuleFixtures.expectedLines(c.profile(), rule.id())
                                .isEmpty())) {
                    problems.add(rule.id() + ": no profile line marked '# expect'");
                }
                if (cases.stream()
                        .noneMatch(c -> RuleFixtures.expectations(c.profile()).isEmpty())) {
                    problems.add(rule.id() + ": no profile without markers");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void should_name_a_built_in_rule_with_every_folder() {
        List<String> folders = RuleFixtures.folders().stream()
                .map(p -> p.getFileName().toString())
                .toList();

        assertThat(folders)
                .allSatisfy(id -> assertThat(RuleSet.builtIn().get(id)).as(id).isNotNull());
        assertThat(folders).noneMatch(id -> RuleSet.builtIn().get(id).rule() instanceof InputRule);
    }
}
