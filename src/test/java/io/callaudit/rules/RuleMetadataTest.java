package io.callaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The slips that pass every other test when a rule is added: a gap rule that does not explain the gap (the call
 * silently stays "unexplained"), a finding-only family that changes outcomes, a rule without fixtures that
 * fire and fixtures that stay silent.
 */
class RuleMetadataTest {

    static final Path FIXTURES = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "rules");

    /** Families whose rules are checked by their own tests (input handling, waivers), not by fixture folders. */
    static final Set<Family> OWN_TESTS = Set.of(Family.INPUT, Family.WAIVER);

    @Test
    void familyAndEffectAgree() {
        for (RuleInfo rule : RuleSet.builtIn().all()) {
            switch (rule.family()) {
                case GAP ->
                    assertThat(rule.effect())
                            .as("%s: a gap rule that is not the fallback must explain the gap", rule.id())
                            .isEqualTo(rule.fallback() ? rule.effect() : Effect.EXPLAINS_GAP);
                case LINK ->
                    assertThat(rule.fallback())
                            .as("%s: link rules are evidence", rule.id())
                            .isFalse();
                // A plan without a feature can explain a missing recording (dual channel on a plan without it).
                case PLAN -> assertThat(rule.effect()).as("%s", rule.id()).isNotEqualTo(Effect.LOSS);
                default ->
                    assertThat(rule.effect())
                            .as(
                                    "%s: a %s rule reports, it does not change a call's outcome",
                                    rule.id(), rule.family().wire())
                            .isEqualTo(Effect.NONE);
            }
        }
    }

    @Test
    void everyRuleHasFixturesThatFireAndFixturesThatStaySilent() throws IOException {
        List<String> missing = new ArrayList<>();
        for (RuleInfo rule : RuleSet.builtIn().all()) {
            if (OWN_TESTS.contains(rule.family())) {
                continue;
            }
            Path folder = FIXTURES.resolve(rule.id());
            if (!Files.isDirectory(folder)) {
                missing.add(rule.id() + ": no folder " + folder);
                continue;
            }
            boolean fires = false;
            boolean silent = false;
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    String text = Files.readString(file);
                    if (file.toString().endsWith(".yaml")) {
                        fires |= text.contains("# expect:");
                        silent |= !text.contains("# expect:");
                    } else if (file.toString().endsWith(".ndjson")) {
                        for (String line : text.lines().toList()) {
                            fires |= line.contains("\"id\":\"fire") || line.contains("\"id\": \"fire");
                            silent |= line.contains("\"id\"")
                                    && !(line.contains("\"id\":\"fire") || line.contains("\"id\": \"fire"));
                        }
                    }
                }
            }
            if (!fires) {
                missing.add(rule.id() + ": no call id starting 'fire' and no '# expect:' line");
            }
            if (!silent) {
                missing.add(rule.id() + ": no case that must stay silent");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyRuleHasProseInBothLanguagesAndAnEntryInTheReference() throws IOException {
        String reference = Files.readString(Path.of(System.getProperty("basedir", "."), "docs", "rules.md"));
        for (String lang : List.of("", "es")) {
            Messages messages = Messages.of(java.util.Locale.forLanguageTag(lang));
            for (RuleInfo rule : RuleSet.builtIn().all()) {
                for (String part : List.of("summary", "message", "remediation")) {
                    assertThat(messages.has(rule.id() + "." + part))
                            .as("%s.%s [%s]", rule.id(), part, lang)
                            .isTrue();
                }
            }
        }
        for (RuleInfo rule : RuleSet.builtIn().all()) {
            assertThat(reference).as("docs/rules.md names %s", rule.id()).contains("`" + rule.id() + "`");
        }
    }
}
