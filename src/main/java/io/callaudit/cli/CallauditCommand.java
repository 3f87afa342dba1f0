package io.callaudit.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: only a dispatcher, every verb is a subcommand. */
@TopCommand
@Command(
        name = "callaudit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        resourceBundle = "io.callaudit.cli.usage",
        subcommands = {
            AuditCommand.class,
            CheckConfigCommand.class,
            DiffCommand.class,
            ExplainCommand.class,
            RulesCommand.class
        })
public class CallauditCommand {

    /**
     * Read by the error handler from the parsed arguments, not from this field: an internal error's stack
     * trace is for a bug report, so it is printed only when asked for.
     */
    @Option(names = "--debug", scope = ScopeType.INHERIT, descriptionKey = "debug")
    boolean debug;
}
