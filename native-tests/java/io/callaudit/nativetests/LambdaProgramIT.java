package io.callaudit.nativetests;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The function's own program started as the Lambda's process, the way a native {@code bootstrap} starts:
 * through the application's {@code main}, with only the Runtime API address to tell it that it serves events.
 * On the JVM this catches what only a native build would otherwise show: an entry point that runs the
 * command line (usage, exit 2) instead of serving. A native zip is covered by {@link LambdaRuntimeIT}.
 */
class LambdaProgramIT extends LambdaRuntimeContract {

    @Override
    List<String> command(Path functionDir, boolean nativeZip) {
        assumeFalse(
                nativeZip || !System.getProperty("callaudit.bootstrap", "").isBlank(),
                "a native bootstrap is this program; LambdaRuntimeIT runs it");
        String classPath = String.join(File.pathSeparator, functionDir.toString(), functionDir.resolve("lib") + "/*");
        return List.of(
                LambdaRuntimeIT.java(),
                "-XX:TieredStopAtLevel=1",
                "-Xmx512m",
                "-cp",
                classPath,
                "io.quarkus.runner.GeneratedMain");
    }
}
