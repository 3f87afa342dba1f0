package io.callaudit.cli;

import io.callaudit.audit.AuditService;
import io.callaudit.audit.ExitStatus;
import io.callaudit.engine.ProfileDiff;
import io.callaudit.ingest.InputFormat;
import io.callaudit.report.DiffWriter;
import io.callaudit.rules.Messages;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code callaudit diff}: what a profile change adds and removes and, over a history of calls, which calls
 * it would stop recording, lose, or start recording. Fails when the change adds findings at the threshold.
 */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Compare two profiles: the findings the change adds and removes and, over a history of calls,"
                + " the calls it would stop recording, lose, start recording or stop ingesting. Fails when it stops,"
                + " loses or stops ingesting any call, or adds a profile finding at or above --fail-on.")
public class DiffCommand implements Callable<Integer> {

    @Option(names = "--base", required = true, paramLabel = "OLD.yaml", description = "The profile before the change.")
    String base;

    @Option(names = "--head", required = true, paramLabel = "NEW.yaml", description = "The profile after the change.")
    String head;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            descriptionKey = "diff-format",
            completionCandidates = Converters.DiffLayouts.class)
    String format;

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            defaultValue = "error",
            descriptionKey = "diff-fail-on",
            converter = Converters.FailOnConverter.class)
    FailOn failOn;

    @Mixin
    LanguageOptions language;

    @Option(
            names = "--as-of",
            paramLabel = "TIME",
            descriptionKey = "as-of",
            converter = Converters.InstantConverter.class)
    Instant asOf;

    @Option(
            names = "--input-format",
            paramLabel = "FORMAT",
            descriptionKey = "input-format",
            converter = Converters.InputFormatConverter.class,
            completionCandidates = Converters.InputFormats.class)
    InputFormat inputFormat;

    @Parameters(
            arity = "0..*",
            paramLabel = "CALLS",
            description = "Optional history of calls to measure the impact on.")
    List<String> calls = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final AuditService service;

    public DiffCommand() {
        this(new AuditService());
    }

    DiffCommand(AuditService service) {
        this.service = service;
    }

    @Override
    public Integer call() throws Exception {
        DiffWriter.Layout layout;
        try {
            layout = DiffWriter.Layout.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "'" + format + "' is not one of " + String.join(" | ", new Converters.DiffLayouts()));
        }
        ProfileDiff diff = service.diff(base, head, calls, inputFormat, asOf);
        try (OutputStream out = StdoutWriter.reportStream(spec.commandLine().getOut())) {
            new DiffWriter(Messages.of(language.lang.locale()), language.redact, failOn.threshold())
                    .write(diff, layout, out);
        }
        spec.commandLine().getOut().flush();
        return (diff.failing(failOn.threshold()) > 0 ? ExitStatus.FINDINGS : ExitStatus.PASS).code();
    }
}
