package io.callaudit.cli;

import io.callaudit.audit.ExitStatus;
import io.callaudit.report.RuleReference;
import io.callaudit.rules.Messages;
import io.callaudit.rules.RuleSet;
import java.io.OutputStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code callaudit rules}: the catalogue, from the rules themselves; Markdown renders docs/rules.md. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = "List every rule: id, severity, family, source, summary.")
public class RulesCommand implements Callable<Integer> {

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            descriptionKey = "rules-format",
            completionCandidates = Converters.RuleLayouts.class)
    String format;

    @Option(
            names = "--lang",
            paramLabel = "LANG",
            defaultValue = "en",
            converter = Converters.LanguageConverter.class,
            descriptionKey = "lang")
    Language lang;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RuleReference.Layout layout;
        try {
            layout = RuleReference.Layout.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "'" + format + "' is not one of " + String.join(" | ", new Converters.RuleLayouts()));
        }
        try (OutputStream out = StdoutWriter.reportStream(spec.commandLine().getOut())) {
            new RuleReference(RuleSet.builtIn(), Messages.of(lang.locale())).write(layout, out);
        }
        spec.commandLine().getOut().flush();
        return ExitStatus.PASS.code();
    }
}
