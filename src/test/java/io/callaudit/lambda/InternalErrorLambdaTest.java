package io.callaudit.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callaudit.audit.ExitStatus;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Lambda face maps a crash as the CLI does ({@link ExitStatus#of}): an object whose audit runs out of heap
 * or stack fails with exit 4 and one line saying what to try, not with the runtime's stack trace, and the
 * message never quotes the exception's own text, which may hold a value of the batch.
 */
@QuarkusTest
@QuarkusTestResource(S3ProxyResource.class)
class InternalErrorLambdaTest {

    @Inject
    S3Client s3;

    @Inject
    ObjectMapper mapper;

    @Inject
    FunctionConfig config;

    /** The real store, its object bodies failing the way the JVM fails once reading starts. */
    private S3AuditService serviceFailingWith(Error error) {
        S3Store failing = new S3Store(s3) {
            @Override
            OpenObject open(String bucket, String key, String versionId) {
                OpenObject real = super.open(bucket, key, versionId);
                InputStream broken = new InputStream() {
                    @Override
                    public int read() {
                        throw error;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        throw error;
                    }
                };
                return new OpenObject(
                        new ResponseInputStream<>(real.body().response(), AbortableInputStream.create(broken)),
                        real.version());
            }
        };
        return new S3AuditService(failing, mapper, config);
    }

    @Test
    void should_fail_with_exit_4_and_one_line_when_the_heap_is_exhausted() throws Exception {
        TestBucket bucket = TestBucket.create(s3, "callaudit-crash");
        bucket.put("incoming/" + ProfileLocator.FILE_NAME, S3AuditHandlerTest.EXAMPLE_PROFILE);
        bucket.put("incoming/batch.json", S3AuditHandlerTest.EXAMPLE_CALLS);

        AuditFailedException failed = catchThrowableOfType(
                AuditFailedException.class,
                () -> serviceFailingWith(new OutOfMemoryError("Java heap space jane.doe@example.com"))
                        .handle(
                                mapper.readTree(
                                        "{\"bucket\":\"" + bucket.name() + "\",\"key\":\"incoming/batch.json\"}"),
                                null));

        assertThat(failed).isNotNull();
        assertThat(failed.status()).isEqualTo(ExitStatus.INTERNAL);
        String problem = failed.failures().get(0).problem();
        assertThat(problem)
                .contains("out of memory")
                .contains("CALLAUDIT_DEBUG=1")
                .doesNotContain("jane.doe")
                .doesNotContain("\n");
    }

    @Test
    void should_fail_with_exit_4_when_the_stack_overflows() throws Exception {
        TestBucket bucket = TestBucket.create(s3, "callaudit-crash");
        bucket.put("incoming/" + ProfileLocator.FILE_NAME, S3AuditHandlerTest.EXAMPLE_PROFILE);
        bucket.put("incoming/deep.json", S3AuditHandlerTest.EXAMPLE_CALLS);

        AuditFailedException failed = catchThrowableOfType(
                AuditFailedException.class,
                () -> serviceFailingWith(new StackOverflowError())
                        .handle(
                                mapper.readTree(
                                        "{\"bucket\":\"" + bucket.name() + "\",\"key\":\"incoming/deep.json\"}"),
                                null));

        assertThat(failed).isNotNull();
        assertThat(failed.status()).isEqualTo(ExitStatus.INTERNAL);
        assertThat(failed.failures().get(0).problem()).contains("stack exhausted");
    }
}
