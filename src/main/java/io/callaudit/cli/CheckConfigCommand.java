package io.callaudit.cli;

import io.callaudit.audit.AuditService;
import io.callaudit.engine.AuditResult;
import io.callaudit.gate.GateResult;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code callaudit check-config}: the profile rules alone, for a CI job that gates a profile change before it
 * ships. Same formats and exit codes as {@code audit}; a profile that breaks no rule exits 0.
 */
@Command(
        name = "check-config",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Check recording profiles against the plan and configuration rules.")
public class CheckConfigCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PROFILE", description = "Recording profiles (YAML).")
    List<String> profiles;

    @Option(
            names = "--as-of",
            paramLabel = "TIME",
            descriptionKey = "as-of",
            converter = Converters.InstantConverter.class)
    Instant asOf;

    @Mixin
    ReportOptions report;

    @Mixin
    GateOptions gate;

    @Spec
    CommandSpec spec;

    private final AuditService service;

    public CheckConfigCommand() {
        this(new AuditService());
    }

    CheckConfigCommand(AuditService service) {
        this.service = service;
    }

    @Override
    public Integer call() throws Exception {
        List<ReportOptions.Target> targets = report.targets();
        AuditResult result = service.checkConfig(profiles, asOf);
        try (result) {
            GateResult gated = service.gate(result, gate.waivers, gate.baseline);
            Reports.warnUnused(gated, spec.commandLine());
            return Reports.write(gated.result(), targets, report, spec.commandLine());
        }
    }
}
