package io.callaudit.cli;

import io.callaudit.audit.ExitStatus;
import io.callaudit.gate.GateFileException;
import io.callaudit.ingest.InputException;
import io.callaudit.profile.ProfileException;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
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
        commandLine.setParameterExceptionHandler(new UnknownOptionFirst(commandLine.getParameterExceptionHandler()));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitStatus.USAGE.code());
        commandLine.getCommandSpec().exitCodeOnExecutionException(ExitStatus.INTERNAL.code());
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            sub.getCommandSpec().exitCodeOnInvalidInput(ExitStatus.USAGE.code());
            sub.getCommandSpec().exitCodeOnExecutionException(ExitStatus.INTERNAL.code());
        }
        return commandLine;
    }

    /**
     * Names an unknown option before anything else: {@code audit --bogus} is a mistyped option, and answering
     * "Missing required parameter: 'FILE'" sends the user after the wrong problem. picocli then suggests the
     * closest options it knows.
     */
    static final class UnknownOptionFirst implements IParameterExceptionHandler {

        private final IParameterExceptionHandler picocli;

        UnknownOptionFirst(IParameterExceptionHandler picocli) {
            this.picocli = picocli;
        }

        @Override
        public int handleParseException(ParameterException ex, String[] args) throws Exception {
            CommandLine cmd = ex.getCommandLine();
            if (!(ex instanceof UnmatchedArgumentException)) {
                List<String> unknown = cmd.getUnmatchedArguments().stream().filter(a -> a.startsWith("-")).toList();
                if (!unknown.isEmpty()) {
                    return picocli.handleParseException(new UnmatchedArgumentException(cmd, unknown), args);
                }
            }
            return picocli.handleParseException(ex, args);
        }
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
