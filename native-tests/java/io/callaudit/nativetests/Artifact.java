package io.callaudit.nativetests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The packaged program as a user runs it: the native binary when {@code callaudit.artifact} names one,
 * else {@code java -jar} on the runner jar. Black-box: only arguments, stdin, stdout, stderr and the exit
 * status cross this line.
 */
final class Artifact {

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private Artifact() {}

    static Path path() {
        return Path.of(System.getProperty("callaudit.artifact", "target/callaudit-runner.jar"));
    }

    static Path examples() {
        return Path.of(System.getProperty("callaudit.examples", "examples"));
    }

    static Run run(byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        Path artifact = path();
        if (artifact.toString().endsWith(".jar")) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-jar");
        }
        command.add(artifact.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("callaudit did not finish in 120 s: " + command);
        }
        return new Run(
                process.exitValue(),
                new String(out.join(), StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
    }

    static Run run(String... args) throws IOException, InterruptedException {
        return run(new byte[0], args);
    }

    static byte[] read(Path path) throws IOException {
        return Files.readAllBytes(path);
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
