package io.callaudit.cli;

import io.callaudit.audit.ExitStatus;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

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
        return configure(commandLine, System.getenv(ExitStatus.DEBUG_ENV));
    }

    /** @param debugEnv the value of {@value ExitStatus#DEBUG_ENV}, or null */
    static CommandLine configure(CommandLine commandLine, String debugEnv) {
        boolean debugFromEnv = ExitStatus.debugRequested(debugEnv);
        commandLine.setExecutionExceptionHandler(new ExecutionHandler(debugFromEnv));
        commandLine.setExecutionStrategy(new ErrorsToo(new CommandLine.RunLast(), debugFromEnv));
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

    /** Whether this run asked for stack traces, by option or environment. */
    private static boolean debug(ParseResult parseResult, boolean fromEnv) {
        return fromEnv || parseResult != null && parseResult.originalArgs().contains("--debug");
    }

    /**
     * The one line for a failure and its exit status, from {@link ExitStatus}'s mapping; the stack trace of
     * an internal error only when asked for.
     */
    private static int report(Throwable ex, CommandLine commandLine, boolean debug) {
        ExitStatus status = ExitStatus.of(ex);
        commandLine.getErr().println("callaudit: " + ExitStatus.describe(ex));
        if (status == ExitStatus.INTERNAL && debug) {
            ex.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return status.code();
    }

    /**
     * Picocli hands a command's exceptions to the handler but lets an {@link Error} escape, and the launcher
     * would then print a stack trace and exit 1: an exhausted heap must read as exit 4 like any other crash.
     */
    private record ErrorsToo(CommandLine.IExecutionStrategy inner, boolean debugFromEnv)
            implements CommandLine.IExecutionStrategy {

        @Override
        public int execute(ParseResult parseResult) {
            try {
                return inner.execute(parseResult);
            } catch (CommandLine.ParameterException | CommandLine.ExecutionException e) {
                throw e;
            } catch (RuntimeException | Error e) {
                return report(e, parseResult.commandSpec().commandLine(), debug(parseResult, debugFromEnv));
            }
        }
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
                List<String> unknown = cmd.getUnmatchedArguments().stream()
                        .filter(a -> a.startsWith("-"))
                        .toList();
                if (!unknown.isEmpty()) {
                    return picocli.handleParseException(new UnmatchedArgumentException(cmd, unknown), args);
                }
            }
            return picocli.handleParseException(ex, args);
        }
    }

    /** Maps known failures to their exit status with a message naming file, line and field. */
    static final class ExecutionHandler implements IExecutionExceptionHandler {

        private final boolean debugFromEnv;

        ExecutionHandler(boolean debugFromEnv) {
            this.debugFromEnv = debugFromEnv;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
            if (ex instanceof CommandLine.ParameterException pe) {
                commandLine.getErr().println("callaudit: " + pe.getMessage());
                pe.getCommandLine().usage(commandLine.getErr());
                return ExitStatus.USAGE.code();
            }
            return report(ex, commandLine, debug(parseResult, debugFromEnv));
        }
    }
}
