package io.callaudit.cli;

import io.callaudit.audit.ExitStatus;
import io.callaudit.gate.GateFileException;
import io.callaudit.ingest.InputException;
import io.callaudit.profile.ProfileException;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where the command line gets its error handling, for the real program and for tests alike:
 * known failures become a one-line message and their documented exit status, anything else is a bug.
 */
@ApplicationScoped
public class CliWiring {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        CommandLine commandLine = configure(factory.create());
        commandLine.setOut(StdoutWriter.open());
        return commandLine;
    }

    /** Installs handlers and exit codes on {@code commandLine}; returns it for chaining. */
    static CommandLine configure(CommandLine commandLine) {
        commandLine.setExecutionExceptionHandler(new ExecutionHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitStatus.USAGE.code());
        commandLine.getCommandSpec().exitCodeOnExecutionException(ExitStatus.INTERNAL.code());
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            sub.getCommandSpec().exitCodeOnInvalidInput(ExitStatus.USAGE.code());
            sub.getCommandSpec().exitCodeOnExecutionException(ExitStatus.INTERNAL.code());
        }
        return commandLine;
    }

    /** Maps known failures to their exit status with a message naming file, line and field. */
    static final class ExecutionHandler implements IExecutionExceptionHandler {

        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
            if (ex instanceof ProfileException || ex instanceof GateFileException
                    || ex instanceof Reports.OutputException) {
                commandLine.getErr().println("callaudit: " + ex.getMessage());
                return ExitStatus.USAGE.code();
            }
            if (ex instanceof InputException) {
                commandLine.getErr().println("callaudit: " + ex.getMessage());
                return ExitStatus.INPUT.code();
            }
            if (ex instanceof CommandLine.ParameterException pe) {
                commandLine.getErr().println("callaudit: " + pe.getMessage());
                pe.getCommandLine().usage(commandLine.getErr());
                return ExitStatus.USAGE.code();
            }
            commandLine.getErr().println("callaudit: internal error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return ExitStatus.INTERNAL.code();
        }
    }
}
