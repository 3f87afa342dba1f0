package io.callaudit.lambda;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for the Lambda tests: S3Proxy (in-memory "transient" store) as a child JVM on
 * a free loopback port, so the handler's S3 client talks HTTP to something that behaves like S3 (404 for a
 * missing key, ETags, multipart) without Docker or a network. Maven copies the jar to
 * {@code target/s3proxy/s3proxy.jar} at generate-test-resources; the process is stopped with the tests.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    static final String ACCESS_KEY = "callaudit-test";
    static final String SECRET_KEY = "callaudit-test-secret";

    private Process process;

    @Override
    public Map<String, String> start() {
        Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Proxy jar not found at " + jar
                    + "; run the tests through Maven (it copies the jar at generate-test-resources)");
        }
        try {
            int port = freePort();
            Path dir = Files.createDirectories(jar.getParent().resolve("run-" + port));
            Path properties = dir.resolve("s3proxy.properties");
            Files.writeString(
                    properties,
                    String.join(
                            "\n",
                            "s3proxy.endpoint=http://127.0.0.1:" + port,
                            "s3proxy.authorization=none",
                            "jclouds.provider=transient",
                            "jclouds.identity=" + ACCESS_KEY,
                            "jclouds.credential=" + SECRET_KEY,
                            ""));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            process = new ProcessBuilder(List.of(
                            java.toString(), "-Xmx2g", "-jar", jar.toString(), "--properties", properties.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("s3proxy.log").toFile())
                    .start();
            awaitListening(port, Duration.ofSeconds(60), dir.resolve("s3proxy.log"));
            return Map.of(
                    "quarkus.s3.endpoint-override",
                    "http://127.0.0.1:" + port,
                    "quarkus.s3.path-style-access",
                    "true",
                    "quarkus.s3.aws.region",
                    "us-east-1",
                    "quarkus.s3.aws.credentials.type",
                    "static",
                    "quarkus.s3.aws.credentials.static-provider.access-key-id",
                    ACCESS_KEY,
                    "quarkus.s3.aws.credentials.static-provider.secret-access-key",
                    SECRET_KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening(int port, Duration timeout, Path log) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "S3Proxy exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                new Socket(InetAddress.getLoopbackAddress(), port).close();
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for S3Proxy", e);
                }
            }
        }
        stop();
        throw new IllegalStateException(
                "S3Proxy did not listen on port " + port + " within " + timeout + ":\n" + Files.readString(log));
    }
}
