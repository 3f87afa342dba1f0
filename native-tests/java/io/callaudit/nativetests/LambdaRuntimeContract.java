package io.callaudit.nativetests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged Lambda run the way AWS runs it, so the test covers what the in-process Quarkus tests cannot:
 * the zip's contents and class path, start-up outside Quarkus's test harness, and the Runtime API protocol
 * (long-polled {@code next}, per-request {@code response}/{@code error} posts). By default
 * {@code target/function.zip} is unpacked and started by AWS's runtime interface client (the managed Java
 * runtime's own bootstrap, copied to {@code target/ric} by the build); with {@code -Dnative-tests.bootstrap=PATH}
 * the native bootstrap executable runs instead, with the same environment. A local Runtime API emulator
 * (below) hands out events and S3Proxy stands in for S3, so nothing leaves the loopback interface.
 *
 * <p>Skipped when there is no function zip or the build's {@code lambda} profile is off ({@code -Dcli}): that
 * profile sets {@code callaudit.ric}, and a CLI build may leave a stale zip from an earlier build behind.
 *
 * <p>Each subclass starts the function its own way ({@link #command}); the events and the answers they must
 * give are the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LambdaRuntimeContract {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String BUCKET = "callaudit-it";
    static final String INPUT_PREFIX = "incoming/";
    static final String OUTPUT_PREFIX = "reports/";
    static final String REGION = "us-east-1";
    static final Duration INVOCATION_TIMEOUT = Duration.ofSeconds(60);
    static final Path WORK = Path.of("target/lambda-runtime-it");

    static Process s3proxy;
    static Process function;
    static RuntimeApi runtimeApi;
    static String s3Endpoint;
    /** Made after the skip checks: creating it touches JDK logging, which a -Dcli run leaves unconfigured. */
    static HttpClient http;

    /** The process that serves the function unpacked in {@code functionDir}. */
    abstract List<String> command(Path functionDir, boolean nativeZip);

    @BeforeAll
    void start() throws Exception {
        Path zip = Path.of(System.getProperty("callaudit.function", "target/function.zip"));
        assumeTrue(Files.isRegularFile(zip), "no " + zip + ": a -Dcli build packages no Lambda");
        // A -Dcli build leaves an earlier build's zip in target/; only the lambda profile sets callaudit.ric.
        assumeTrue(System.getProperty("callaudit.ric") != null, "a -Dcli build: the Lambda profile is off");
        Path functionDir = WORK.resolve("function");
        deleteTree(WORK);
        Files.createDirectories(functionDir);
        unzip(zip, functionDir);
        boolean nativeZip = Files.exists(functionDir.resolve("bootstrap"));

        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        startS3Proxy();
        createBucket();
        put(INPUT_PREFIX + "callaudit-profile.yaml", Artifact.examples().resolve("aircall/profile.yaml"));

        runtimeApi = new RuntimeApi();
        List<String> command = command(functionDir, nativeZip);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve("function.log").toFile());
        Map<String, String> env = builder.environment();
        // Hermetic: no credentials, profile or region leak in from the developer's shell.
        env.keySet()
                .removeIf(name ->
                        name.startsWith("AWS_") || name.startsWith("QUARKUS_") || name.startsWith("CALLAUDIT_"));
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtimeApi.port());
        env.put("AWS_REGION", REGION);
        env.put("AWS_ACCESS_KEY_ID", "callaudit-it");
        env.put("AWS_SECRET_ACCESS_KEY", "callaudit-it-secret");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "callaudit-it");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("CALLAUDIT_LAMBDA_INPUT_PREFIX", INPUT_PREFIX);
        env.put("CALLAUDIT_LAMBDA_OUTPUT_PREFIX", OUTPUT_PREFIX);
        env.put("QUARKUS_S3_ENDPOINT_OVERRIDE", s3Endpoint);
        env.put("QUARKUS_S3_PATH_STYLE_ACCESS", "true");
        env.put("QUARKUS_S3_AWS_REGION", REGION);
        env.put("QUARKUS_S3_AWS_CREDENTIALS_TYPE", "static");
        env.put("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", "callaudit-it");
        env.put("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", "callaudit-it-secret");
        function = builder.start();
    }

    @AfterAll
    void stop() {
        stopProcess(function);
        if (runtimeApi != null) {
            runtimeApi.close();
        }
        stopProcess(s3proxy);
    }

    @Test
    void should_audit_an_uploaded_batch_and_write_the_report_to_s3() throws Exception {
        String key = INPUT_PREFIX + "example/calls.json";
        String eTag = put(key, Artifact.examples().resolve("aircall/calls.json"));
        String template = Files.readString(Path.of("src/test/resources/lambda/s3-put.json"));
        String event = template.replace("${bucket}", BUCKET)
                .replace("${key}", key)
                .replace("${size}", "1024")
                .replace("${eTag}", eTag);

        Outcome outcome = invoke(event);

        assertThat(outcome.kind()).as(outcome.toString()).isEqualTo("response");
        JsonNode response = JSON.readTree(outcome.body());
        assertThat(response.get("exit_code").asInt()).as(outcome.toString()).isEqualTo(1);
        assertThat(response.get("calls").asLong()).isEqualTo(18);
        String report = response.get("report").asText();
        assertThat(report).startsWith("s3://" + BUCKET + "/" + OUTPUT_PREFIX).endsWith(".json");
        HttpResponse<String> stored = get(report.substring(("s3://" + BUCKET + "/").length()));
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(stored.body()).get("summary").get("calls").asInt())
                .isEqualTo(18);
    }

    @Test
    void should_post_an_error_for_a_missing_object() throws Exception {
        String key = INPUT_PREFIX + "missing/never-uploaded.json";

        Outcome outcome = invoke(JSON.writeValueAsString(Map.of("bucket", BUCKET, "key", key)));

        assertThat(outcome.kind()).as(outcome.toString()).isEqualTo("error");
        assertThat(JSON.readTree(outcome.body()).get("errorMessage").asText())
                .contains(key)
                .contains("no such object");
    }

    @Test
    void should_skip_an_event_for_the_output_prefix() throws Exception {
        String template = Files.readString(Path.of("src/test/resources/lambda/s3-put.json"));
        String event = template.replace("${bucket}", BUCKET)
                .replace("${key}", OUTPUT_PREFIX + "example/calls.json.0123456789ab.json")
                .replace("${size}", "1024")
                .replace("${eTag}", "0123456789abcdef0123456789abcdef");

        Outcome outcome = invoke(event);

        assertThat(outcome.kind()).as(outcome.toString()).isEqualTo("response");
        assertThat(JSON.readTree(outcome.body()).get("status").asText()).isEqualTo("skipped");
    }

    /** Queues one event and waits for the function's answer, failing early if the function dies. */
    static Outcome invoke(String event) throws Exception {
        CompletableFuture<Outcome> answer = runtimeApi.enqueue(event);
        Instant deadline = Instant.now().plus(INVOCATION_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                return answer.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                if (!function.isAlive()) {
                    throw new AssertionError("the function exited with " + function.exitValue() + ":\n" + log());
                }
                if (runtimeApi.initError != null) {
                    throw new AssertionError("init error " + runtimeApi.initError + ":\n" + log());
                }
            }
        }
        throw new AssertionError("no answer in " + INVOCATION_TIMEOUT + ":\n" + log());
    }

    static String log() {
        try {
            List<String> lines = Files.readAllLines(WORK.resolve("function.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no function log: " + e + ")";
        }
    }

    /** What the function posted for one invocation: {@code response} or {@code error}, and the body. */
    record Outcome(String kind, String body) {}

    /**
     * The part of the Lambda Runtime API a runtime client uses: {@code next} long-polls the event queue,
     * {@code response} and {@code error} complete the matching invocation, {@code init/error} is recorded.
     * Handlers run on their own threads so a parked {@code next} never blocks a post.
     */
    static final class RuntimeApi implements AutoCloseable {

        private static final String BASE = "/2018-06-01/runtime/";

        private final HttpServer server;
        private final ExecutorService executor;
        private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        private final Map<String, CompletableFuture<Outcome>> pending = new ConcurrentHashMap<>();
        private final Map<String, CompletableFuture<Outcome>> byEvent = new ConcurrentHashMap<>();
        private volatile boolean closed;
        volatile String initError;

        RuntimeApi() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            executor = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "runtime-api");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            server.createContext(BASE, this::handle);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        /** Each event gets its own id so equal event bodies still map to their own answers. */
        CompletableFuture<Outcome> enqueue(String event) {
            String requestId = UUID.randomUUID().toString();
            CompletableFuture<Outcome> answer = new CompletableFuture<>();
            byEvent.put(requestId, answer);
            events.add(requestId + "\n" + event);
            return answer;
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath().substring(BASE.length());
                byte[] body = exchange.getRequestBody().readAllBytes();
                if ("GET".equals(exchange.getRequestMethod()) && path.equals("invocation/next")) {
                    next(exchange);
                } else if ("POST".equals(exchange.getRequestMethod()) && path.startsWith("invocation/")) {
                    String[] parts = path.split("/");
                    CompletableFuture<Outcome> answer = parts.length == 3 ? pending.remove(parts[1]) : null;
                    if (answer == null) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    answer.complete(new Outcome(parts[2], new String(body, StandardCharsets.UTF_8)));
                    exchange.sendResponseHeaders(202, -1);
                } else if ("POST".equals(exchange.getRequestMethod()) && path.equals("init/error")) {
                    initError = new String(body, StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(202, -1);
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
            }
        }

        private void next(HttpExchange exchange) throws IOException {
            String queued = null;
            try {
                while (queued == null && !closed) {
                    queued = events.poll(200, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (queued == null) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            int newline = queued.indexOf('\n');
            String requestId = queued.substring(0, newline);
            byte[] event = queued.substring(newline + 1).getBytes(StandardCharsets.UTF_8);
            pending.put(requestId, byEvent.remove(requestId));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", requestId);
            exchange.getResponseHeaders()
                    .add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 300_000));
            exchange.getResponseHeaders()
                    .add(
                            "Lambda-Runtime-Invoked-Function-Arn",
                            "arn:aws:lambda:" + REGION + ":123456789012:function:callaudit-it");
            exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
            exchange.sendResponseHeaders(200, event.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(event);
            }
        }

        @Override
        public void close() {
            closed = true;
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** S3Proxy on a free loopback port with an in-memory store and no request signing, as in the Lambda tests. */
    static void startS3Proxy() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        assertThat(jar)
                .as("S3Proxy; the build copies it at generate-test-resources")
                .exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        s3Endpoint = "http://127.0.0.1:" + port;
        Path properties = WORK.resolve("s3proxy.properties");
        Files.writeString(
                properties,
                String.join(
                        "\n",
                        "s3proxy.endpoint=" + s3Endpoint,
                        "s3proxy.authorization=none",
                        "jclouds.provider=transient",
                        "jclouds.identity=callaudit-it",
                        "jclouds.credential=callaudit-it-secret",
                        ""));
        Path log = WORK.resolve("s3proxy.log");
        s3proxy = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-jar",
                        jar.toString(),
                        "--properties",
                        properties.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!s3proxy.isAlive()) {
                throw new AssertionError("S3Proxy exited with " + s3proxy.exitValue() + ":\n" + Files.readString(log));
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("S3Proxy did not listen on " + port + ":\n" + Files.readString(log));
    }

    static void createBucket() throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(s3Endpoint + "/" + BUCKET))
                        .PUT(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    }

    /** Uploads a file; returns its ETag without quotes, as an S3 event carries it. */
    static String put(String key, Path file) throws IOException, InterruptedException {
        HttpResponse<String> put = http.send(
                HttpRequest.newBuilder(URI.create(s3Endpoint + "/" + BUCKET + "/" + key))
                        .PUT(HttpRequest.BodyPublishers.ofFile(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return put.headers().firstValue("ETag").orElse("").replace("\"", "");
    }

    static HttpResponse<String> get(String key) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(s3Endpoint + "/" + BUCKET + "/" + key))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void stopProcess(Process process) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Unpacks the zip as the Lambda service does; the bootstrap of a native zip must stay executable. */
    static void unzip(Path zip, Path target) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("entry outside the zip's root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out);
                }
            }
        }
        Path bootstrap = target.resolve("bootstrap");
        if (Files.exists(bootstrap)) {
            bootstrap.toFile().setExecutable(true);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
