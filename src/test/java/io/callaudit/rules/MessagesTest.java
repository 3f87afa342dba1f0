package io.callaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.engine.AuditResult;
import io.callaudit.model.Profile;
import io.callaudit.model.SourceRef;
import io.callaudit.rules.RuleFixtures.Case;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rule prose in both shipped languages: same keys, every message really translated, no placeholder left. */
class MessagesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/io/callaudit/rules");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Messages EN = Messages.english();
    private static final Messages ES = Messages.of(Locale.forLanguageTag("es"));

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** One real finding per rule, taken from the fixtures, plus the two input rules raised by hand. */
    private static Map<String, Finding> findingPerRule() {
        Map<String, Finding> out = new LinkedHashMap<>();
        for (Case c : RuleFixtures.allCases()) {
            AuditResult result = RuleFixtures.run(c);
            for (Finding f : result.findings()) {
                out.putIfAbsent(f.ruleId(), f);
            }
        }
        RuleSet rules = RuleSet.builtIn();
        out.putIfAbsent(
                "input.rejected-record",
                rules.inputFinding(
                        "input.rejected-record",
                        null,
                        new SourceRef("calls.ndjson", 8),
                        "calls.ndjson:8 field 'ended_at': before started_at"));
        out.putIfAbsent(
                "input.duplicate-call",
                rules.inputFinding("input.duplicate-call", "7027", new SourceRef("calls.ndjson", 9), "calls.ndjson:3"));
        for (RuleInfo rule : rules.all()) {
            if (rule.rule() instanceof InputRule && !out.containsKey(rule.id())) {
                out.put(rule.id(), synthetic(rule));
            }
        }
        return out;
    }

    /** A pipeline finding (waivers) with as many plain arguments as its English message has placeholders. */
    private static Finding synthetic(RuleInfo rule) {
        Matcher m = PLACEHOLDER.matcher(EN.text(rule.id() + ".message"));
        int count = 0;
        while (m.find()) {
            count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
        }
        List<Object> args =
                IntStream.range(0, count).<Object>mapToObj(i -> "arg" + i).toList();
        return new Finding(rule, rule.severity(), args, null, null, null, new SourceRef("waivers.yaml", 3), null);
    }

    @Test
    void should_have_exactly_the_same_keys_in_every_bundle() throws IOException {
        Properties english = load(BUNDLES.resolve("messages.properties"));
        List<Path> bundles;
        try (Stream<Path> s = Files.list(BUNDLES)) {
            bundles = s.filter(p -> p.getFileName().toString().matches("messages_[a-z]{2}\\.properties"))
                    .toList();
        }

        assertThat(bundles).extracting(p -> p.getFileName().toString()).contains("messages_es.properties");
        for (Path bundle : bundles) {
            Set<String> keys = new TreeSet<>(load(bundle).stringPropertyNames());
            assertThat(keys)
                    .as(bundle.getFileName().toString())
                    .containsExactlyElementsOf(new TreeSet<>(english.stringPropertyNames()));
        }
    }

    @Test
    void should_have_summary_message_and_remediation_for_every_rule() {
        Properties english = load(BUNDLES.resolve("messages.properties"));
        for (RuleInfo rule : RuleSet.builtIn().all()) {
            for (String part : List.of("summary", "message", "remediation")) {
                assertThat(english.getProperty(rule.id() + "." + part))
                        .as(rule.id() + "." + part)
                        .isNotBlank();
            }
        }
    }

    @Test
    void should_render_every_rule_differently_in_spanish() {
        Map<String, Finding> findings = findingPerRule();

        for (RuleInfo rule : RuleSet.builtIn().all()) {
            Finding f = findings.get(rule.id());
            assertThat(f).as("a finding of %s from the fixtures", rule.id()).isNotNull();
            String en = EN.message(f, false);
            String es = ES.message(f, false);
            assertThat(es).as("%s message in Spanish", rule.id()).isNotBlank().isNotEqualTo(en);
            assertThat(ES.summary(rule.id())).as("%s summary", rule.id()).isNotEqualTo(EN.summary(rule.id()));
            assertThat(ES.remediation(rule.id()))
                    .as("%s remediation", rule.id())
                    .isNotEqualTo(EN.remediation(rule.id()));
        }
    }

    @Test
    void should_fill_every_placeholder_of_message_and_remediation() {
        Map<String, Finding> findings = findingPerRule();

        for (RuleInfo rule : RuleSet.builtIn().all()) {
            Finding f = findings.get(rule.id());
            for (Messages m : List.of(EN, ES)) {
                assertThat(m.message(f, false))
                        .as("%s message (%s)", rule.id(), m.locale())
                        .doesNotContainPattern(PLACEHOLDER);
                assertThat(m.format(rule.id() + ".remediation", f.args(), false))
                        .as("%s remediation (%s)", rule.id(), m.locale())
                        .doesNotContainPattern(PLACEHOLDER);
            }
        }
    }

    @Test
    void should_fall_back_to_english_for_a_language_not_shipped() {
        Messages german = Messages.of(Locale.GERMAN);

        assertThat(german.summary("gap.unanswered")).isEqualTo(EN.summary("gap.unanswered"));
    }

    /** Formatted texts are remembered; the memory must tell a redacted text from a clear one. */
    @Test
    void should_remember_texts_without_mixing_redacted_and_clear_ones() {
        Messages messages = Messages.of(Locale.ROOT);
        List<Object> args = List.of(new Sensitive(Sensitive.Kind.PHONE, "+33123456789"), 14400.0);

        String clear = messages.format("gap.too-long.message", args, false);
        String redacted = messages.format("gap.too-long.message", args, true);

        assertThat(clear).contains("+33123456789");
        assertThat(redacted).doesNotContain("+33123456789").contains("•••89");
        assertThat(messages.format("gap.too-long.message", args, false)).isEqualTo(clear);
        assertThat(messages.format("gap.too-long.message", args, true)).isEqualTo(redacted);
        assertThat(messages.format("gap.too-long.message", List.of(15000.0, 14400.0), false))
                .contains("15000 s");
    }

    @Test
    void should_render_seconds_without_locale_formatting() {
        assertThat(Messages.seconds(14401.0)).isEqualTo("14401");
        assertThat(Messages.seconds(59.5)).isEqualTo("59.5");
        assertThat(ES.format("gap.too-long.message", List.of(14401.0, 14400.0), false))
                .contains("14401 s")
                .contains("14400 s");
    }

    @Test
    void should_localise_the_account_level_consent_target() {
        Profile exotel = TestCalls.profile("""
                provider: exotel
                plan: growth
                recording:
                  consent_greeting: false
                flows:
                  - {id: sales, record: true, consent_greeting: false}
                """);

        List<Finding> findings = RuleSet.builtIn().checkProfile(exotel).stream()
                .filter(f -> f.ruleId().equals("config.consent-missing"))
                .toList();

        assertThat(findings).hasSize(2);
        assertThat(ES.message(findings.get(0), false)).doesNotContain("account").contains("cuenta");
        assertThat(EN.message(findings.get(0), false)).contains("account");
        assertThat(ES.message(findings.get(1), false)).contains("sales");
    }
}
