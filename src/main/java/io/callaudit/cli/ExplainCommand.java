package io.callaudit.cli;

import io.callaudit.audit.AuditRequest;
import io.callaudit.audit.AuditService;
import io.callaudit.audit.ExitStatus;
import io.callaudit.engine.Explanation;
import io.callaudit.report.ExplainWriter;
import io.callaudit.rules.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code callaudit explain}: the checklist for one call, each step with the data that decided it. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Walk the checklist of the provider's help articles for one call, step by step: each rule that"
                + " applies to the provider, ruled out or applying, with the data that decided it.")
public class ExplainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CALL_ID", description = "The call to explain.")
    String callId;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", descriptionKey = "files")
    List<String> files;

    @Mixin
    InputOptions input;

    @Mixin
    LanguageOptions language;

    @Spec
    CommandSpec spec;

    private final AuditService service;

    public ExplainCommand() {
        this(new AuditService());
    }

    ExplainCommand(AuditService service) {
        this.service = service;
    }

    @Override
    public Integer call() throws IOException {
        Explanation explanation =
                service.explain(new AuditRequest(input.config, files, input.inputFormat, input.asOf), callId);
        if (explanation == null) {
            spec.commandLine().getErr().println("callaudit: no call with id '" + callId + "' in " + files);
            return ExitStatus.USAGE.code();
        }
        try (OutputStream out = StdoutWriter.reportStream(spec.commandLine().getOut())) {
            new ExplainWriter(Messages.of(language.lang.locale()), language.redact).write(explanation, out);
        }
        spec.commandLine().getOut().flush();
        return ExitStatus.PASS.code();
    }
}
