package io.callaudit.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An object larger than the whole heap is audited: proof that the function streams the S3 body instead of
 * reading it into memory (a {@code readAllBytes} would throw OutOfMemoryError here). The audit result is
 * held, as the engine must to judge parallel legs, so the calls carry padding in a field the audit
 * ignores: 100,000 calls, about 370 MB, against a heap of {@value #MAX_HEAP_MB} MB or less.
 *
 * <p>Runs only in the surefire execution {@code lambda-small-heap}, a fork with {@code -Xmx256m} that full
 * builds run (pom.xml, profile {@code lambda-large-object}); in the main test fork, whose heap is larger,
 * it is skipped by its condition.
 */
@QuarkusTest
@QuarkusTestResource(S3ProxyResource.class)
@EnabledIf(
        value = "io.callaudit.lambda.LargeObjectTest#smallHeap",
        disabledReason = "needs a heap smaller than the object; runs in the lambda-small-heap fork")
class LargeObjectTest {

    static final long MAX_HEAP_MB = 256;
    static final long CALLS = 100_000;
    static final int PADDING = 3_000;

    private static final Logger LOG = Logger.getLogger(LargeObjectTest.class);

    @Inject
    S3Client s3;

    /** The function's own S3 writer, which uploads in parts: a one-shot PUT would buffer 270 MB here. */
    @Inject
    S3Store store;

    static boolean smallHeap() {
        return Runtime.getRuntime().maxMemory() <= MAX_HEAP_MB * 1024 * 1024;
    }

    @Test
    void should_stream_an_object_larger_than_the_heap() throws IOException {
        TestBucket bucket = TestBucket.create(s3, "callaudit-large");
        bucket.put("incoming/" + ProfileLocator.FILE_NAME, S3AuditHandlerTest.EXAMPLE_PROFILE);
        Path file = Files.createTempFile(Path.of("target"), "large-batch-", ".ndjson");
        long size;
        try {
            size = SyntheticBatch.write(S3AuditHandlerTest.EXAMPLE_CALLS, CALLS, PADDING, file);
            assertThat(size).isGreaterThan(Runtime.getRuntime().maxMemory());
            store.put(bucket.name(), "incoming/large/calls.ndjson", file, "application/x-ndjson");
        } finally {
            Files.deleteIfExists(file);
        }

        long started = System.nanoTime();
        String body = given().contentType("application/json")
                .body(bucket.event("direct.json", Map.of("key", "incoming/large/calls.ndjson")))
                .when()
                .post()
                .then()
                .statusCode(200)
                .extract()
                .asString();
        long ms = (System.nanoTime() - started) / 1_000_000;

        JsonNode response = new ObjectMapper().readTree(body);
        assertThat(response.get("calls").asLong()).isEqualTo(CALLS);
        assertThat(response.get("records_read").asLong()).isEqualTo(CALLS);
        assertThat(response.get("rejected").asLong()).isZero();
        assertThat(bucket.exists(bucket.keyOf(response.get("report").asText()))).isTrue();
        LOG.infof(
                "audited %d calls (%d MB object) with a %d MB heap in %d ms",
                CALLS, size / 1_000_000, Runtime.getRuntime().maxMemory() / 1048576, ms);
    }
}
