package io.callaudit.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** The root command: only a dispatcher, every verb is a subcommand. */
@TopCommand
@Command(name = "callaudit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        resourceBundle = "io.callaudit.cli.usage",
        subcommands = {AuditCommand.class, CheckConfigCommand.class, DiffCommand.class, ExplainCommand.class,
            RulesCommand.class})
public class CallauditCommand {
}
