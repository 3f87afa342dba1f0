package io.callaudit.nativetests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The function as AWS starts it: the managed Java runtime's bootstrap (AWS's runtime interface client)
 * entering through {@code QuarkusStreamHandler}, or the native {@code bootstrap} of a native zip
 * ({@code -Dnative-tests.bootstrap=PATH} names one explicitly).
 */
class LambdaRuntimeIT extends LambdaRuntimeContract {

    @Override
    List<String> command(Path functionDir, boolean nativeZip) {
        String bootstrap = System.getProperty("callaudit.bootstrap", "");
        if (!bootstrap.isBlank()) {
            return List.of(Path.of(bootstrap).toAbsolutePath().toString());
        }
        if (nativeZip) {
            return List.of(functionDir.resolve("bootstrap").toAbsolutePath().toString());
        }
        Path ric = Path.of(System.getProperty("callaudit.ric"));
        assertThat(ric.resolve("aws-lambda-java-runtime-interface-client-2.9.0.jar"))
                .as("the runtime interface client; the build copies it at pre-integration-test")
                .exists();
        String classPath =
                String.join(File.pathSeparator, functionDir.toString(), functionDir.resolve("lib") + "/*", ric + "/*");
        return List.of(
                java(),
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-Xmx512m",
                "-cp",
                classPath,
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
