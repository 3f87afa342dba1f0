package io.callaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.callaudit.model.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules version ({@code callaudit.rules.version} in the pom, printed by {@code --version} and recorded in
 * CI logs) is tied to the rule list it names: {@code src/test/resources/rules/rule-list.golden} holds the version
 * and every rule's metadata and prose. Changing a rule's metadata or words without bumping the version fails
 * here, and so does bumping it without reviewing the list. To accept a change: bump the version in the pom,
 * then run this test once with {@code -Dcallaudit.updateGolden=true} and review the diff of the golden file.
 */
class RulesVersionTest {

    static final Path GOLDEN =
            Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "rules", "rule-list.golden");

    @Test
    void theRulesVersionNamesExactlyThisRuleList() throws IOException {
        String version = rulesVersion();
        String current = render(version);
        if (Boolean.getBoolean("callaudit.updateGolden")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, current, StandardCharsets.UTF_8);
            return;
        }
        assertThat(GOLDEN)
                .as("run once with -Dcallaudit.updateGolden=true to create it")
                .exists();
        String golden = Files.readString(GOLDEN, StandardCharsets.UTF_8);
        String goldenVersion = golden.lines().findFirst().orElse("");
        String goldenRules = golden.substring(golden.indexOf('\n') + 1);
        String currentRules = current.substring(current.indexOf('\n') + 1);
        if (goldenVersion.equals("rules " + version) && !goldenRules.equals(currentRules)) {
            fail("the rules changed but the rules version is still " + version + ": bump callaudit.rules.version "
                    + "in pom.xml, then rerun with -Dcallaudit.updateGolden=true and review " + GOLDEN);
        }
        if (!goldenVersion.equals("rules " + version)) {
            fail("the rules version is " + version + " but " + GOLDEN + " describes '" + goldenVersion
                    + "': rerun with -Dcallaudit.updateGolden=true and review the rule list it writes");
        }
        assertThat(currentRules).isEqualTo(goldenRules);
    }

    /** One line per rule, in precedence order: everything that decides what it says and when it fires. */
    static String render(String version) {
        Messages en = Messages.of(Locale.ROOT);
        Messages es = Messages.of(Locale.forLanguageTag("es"));
        StringBuilder out = new StringBuilder("rules ").append(version).append('\n');
        for (RuleInfo rule : RuleSet.builtIn().all()) {
            out.append(rule.id())
                    .append(" severity=")
                    .append(rule.severity().wire())
                    .append(" family=")
                    .append(rule.family().wire())
                    .append(" effect=")
                    .append(rule.effect())
                    .append(" fallback=")
                    .append(rule.fallback())
                    .append(" configurable=")
                    .append(rule.configurable())
                    .append(" needs_profile=")
                    .append(rule.needsProfile())
                    .append(" providers=")
                    .append(rule.providers().stream()
                            .map(Provider::name)
                            .sorted()
                            .collect(Collectors.joining(",")))
                    .append(" seed=")
                    .append(rule.seed().file())
                    .append('\n');
            for (String part : new String[] {"summary", "message", "remediation"}) {
                String key = rule.id() + "." + part;
                out.append("  en.")
                        .append(part)
                        .append(": ")
                        .append(en.text(key))
                        .append('\n');
                out.append("  es.")
                        .append(part)
                        .append(": ")
                        .append(es.text(key))
                        .append('\n');
            }
        }
        return out.toString();
    }

    static String rulesVersion() throws IOException {
        try (InputStream in = RulesVersionTest.class.getResourceAsStream("/io/callaudit/cli/version.properties")) {
            assertThat(in).as("version.properties, filtered by the build").isNotNull();
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("rules");
        }
    }
}
