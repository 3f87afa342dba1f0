package io.callaudit.cli;

import io.callaudit.report.ReportFormat;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options shared by every command that writes a report: formats paired with outputs, the failure
 * threshold, the language and redaction.
 */
public class ReportOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            descriptionKey = "format",
            converter = Converters.ReportFormatConverter.class,
            completionCandidates = Converters.ReportFormats.class)
    List<ReportFormat> formats = new ArrayList<>();

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            descriptionKey = "output")
    List<String> outputs = new ArrayList<>();

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            defaultValue = "error",
            descriptionKey = "fail-on",
            converter = Converters.FailOnConverter.class)
    FailOn failOn = FailOn.ERROR;

    @Option(names = "--pretty", descriptionKey = "pretty")
    boolean pretty;

    @Mixin
    LanguageOptions language = new LanguageOptions();

    /** One report to write: a format and where it goes ({@code null} or "-" = standard output). */
    record Target(ReportFormat format, String output) {

        boolean toStdout() {
            return output == null || output.equals("-");
        }
    }

    /**
     * Pairs the n-th {@code --format} with the n-th {@code --output}; formats without an output go to
     * standard output, and at most one report may.
     */
    List<Target> targets() {
        List<ReportFormat> fs = formats.isEmpty() ? List.of(ReportFormat.TEXT) : formats;
        if (outputs.size() > fs.size()) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "more --output (" + outputs.size() + ") than --format (" + fs.size() + ") options");
        }
        List<Target> targets = new ArrayList<>();
        int stdout = 0;
        for (int i = 0; i < fs.size(); i++) {
            Target t = new Target(fs.get(i), i < outputs.size() ? outputs.get(i) : null);
            stdout += t.toStdout() ? 1 : 0;
            targets.add(t);
        }
        if (stdout > 1) {
            throw new ParameterException(
                    mixee.commandLine(), "only one report can go to standard output: give each --format its --output");
        }
        return targets;
    }
}
