package io.callaudit.cli;

import io.callaudit.audit.AuditRequest;
import io.callaudit.audit.AuditService;
import io.callaudit.engine.AuditResult;
import io.callaudit.gate.GateResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code callaudit audit}: the whole checklist over a batch, one report per requested format. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Audit call-log files against the recording profile.")
public class AuditCommand implements Callable<Integer> {

    @Mixin
    InputOptions input;

    @Mixin
    ReportOptions report;

    @Mixin
    GateOptions gate;

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "files")
    List<String> files;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final AuditService service;

    public AuditCommand() {
        this(new AuditService());
    }

    AuditCommand(AuditService service) {
        this.service = service;
    }

    @Override
    public Integer call() throws Exception {
        List<ReportOptions.Target> targets = report.targets();
        AuditResult result = service.audit(new AuditRequest(
                input.config,
                files,
                input.inputFormat,
                input.asOf,
                ProgressBar.forInputs(
                        files, System.console() != null, spec.commandLine().getErr())));
        try (result) {
            GateResult gated = service.gate(result, gate.waivers, gate.baseline);
            Reports.warnUnused(gated, spec.commandLine());
            return Reports.write(gated.result(), targets, report, spec.commandLine());
        }
    }
}
