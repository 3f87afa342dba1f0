package io.callaudit.cli;

import io.callaudit.audit.ExitStatus;
import io.callaudit.engine.AuditResult;
import io.callaudit.gate.GateResult;
import io.callaudit.gate.Waiver;
import io.callaudit.report.ReportContext;
import io.callaudit.rules.Messages;
import io.callaudit.rules.RuleSet;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** Writes the requested reports and turns the result into the exit status every command shares. */
final class Reports {

    private Reports() {}

    static int write(
            AuditResult result, List<ReportOptions.Target> targets, ReportOptions options, CommandLine commandLine)
            throws IOException {
        ReportContext ctx = new ReportContext(
                RuleSet.builtIn(),
                Messages.of(options.language.lang.locale()),
                options.language.redact,
                options.failOn.threshold(),
                VersionProvider.version(),
                options.pretty);
        for (ReportOptions.Target target : targets) {
            if (target.toStdout()) {
                try (OutputStream out = StdoutWriter.reportStream(commandLine.getOut())) {
                    target.format().writer().write(result, ctx, out);
                }
            } else {
                Path path = Path.of(target.output());
                try {
                    if (path.getParent() != null) {
                        Files.createDirectories(path.getParent());
                    }
                    try (OutputStream out = Files.newOutputStream(path)) {
                        target.format().writer().write(result, ctx, out);
                    }
                } catch (IOException e) {
                    throw new OutputException(target.output(), e);
                }
            }
        }
        return (result.failsAt(options.failOn.threshold()) ? ExitStatus.FINDINGS : ExitStatus.PASS).code();
    }

    /**
     * A waiver that matched nothing is probably stale or mistyped; it changes no result, so it is a note on
     * standard error rather than a finding.
     */
    static void warnUnused(GateResult gated, CommandLine commandLine) {
        for (Waiver w : gated.unusedWaivers()) {
            commandLine
                    .getErr()
                    .println("callaudit: note: " + w.file() + ":" + w.line() + ": waiver for " + w.rule() + " on "
                            + w.target() + " matched no finding");
        }
    }

    /** A report that could not be written where the user asked: their path, so a usage error. */
    static final class OutputException extends UncheckedIOException implements ExitStatus.Known {

        private static final long serialVersionUID = 1L;

        @Override
        public ExitStatus exitStatus() {
            return ExitStatus.USAGE;
        }

        OutputException(String file, IOException cause) {
            super("cannot write report to '" + file + "': " + cause.getMessage(), cause);
        }
    }
}
