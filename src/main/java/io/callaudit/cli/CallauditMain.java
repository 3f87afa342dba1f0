package io.callaudit.cli;

import io.callaudit.audit.ServingFace;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * The program's one entry point, shared by the CLI and by a Lambda {@code bootstrap}: a serving face that
 * claims the process (see {@link ServingFace}) serves; otherwise the command line runs. Without this, the
 * picocli extension's default entry point would answer a Lambda's cold start with the usage text.
 */
@QuarkusMain
public class CallauditMain implements QuarkusApplication {

    @Inject
    CommandLine commandLine;

    @Inject
    Instance<ServingFace> servingFaces;

    @Override
    public int run(String... args) {
        for (ServingFace face : servingFaces) {
            if (face.claimsProcess()) {
                return face.serve();
            }
        }
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }
}
