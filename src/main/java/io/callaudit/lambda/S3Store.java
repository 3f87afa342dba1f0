package io.callaudit.lambda;

import io.callaudit.audit.ExitStatus;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The function's few S3 operations, with S3's errors turned into what the audit means by them. Reads
 * stream; writes go from a local file in parts, because the URL-connection HTTP client buffers a request
 * body in memory and a report of a large batch must not need a heap its size.
 *
 * <p>{@code @Singleton} for the reason {@link S3AuditService} gives.
 */
@Singleton
public class S3Store {

    /** Reports up to this size go in one PUT; larger ones in parts of this size (S3's minimum is 5 MiB). */
    static final int PART_SIZE = 8 * 1024 * 1024;

    private final S3Client s3;

    S3Store(S3Client s3) {
        this.s3 = s3;
    }

    /** An object being read: its body and the version it is. */
    record OpenObject(ResponseInputStream<GetObjectResponse> body, String version) {}

    /**
     * Opens an object for streaming.
     *
     * @param versionId the version to read, or null for the current one
     * @throws Unreadable when the object is missing or cannot be read
     */
    OpenObject open(String bucket, String key, String versionId) {
        try {
            ResponseInputStream<GetObjectResponse> body = s3.getObject(GetObjectRequest.builder()
                    .bucket(bucket)
                    .key(key)
                    .versionId(versionId)
                    .build());
            return new OpenObject(body, version(body.response()));
        } catch (S3Exception e) {
            throw new Unreadable(ObjectRef.uri(bucket, key), describe(e), e);
        } catch (SdkException e) {
            throw new Unreadable(ObjectRef.uri(bucket, key), "S3 read failed: " + e.getMessage(), e);
        }
    }

    /**
     * Opens an object that may not exist (a profile candidate).
     *
     * @return empty when there is no such key
     * @throws Unreadable when the object exists but cannot be read, or S3 cannot say
     */
    Optional<InputStream> openIfExists(String bucket, String key) {
        try {
            return Optional.of(s3.getObject(
                    GetObjectRequest.builder().bucket(bucket).key(key).build()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new Unreadable(ObjectRef.uri(bucket, key), describe(e), e);
        } catch (SdkException e) {
            throw new Unreadable(ObjectRef.uri(bucket, key), "S3 read failed: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a local file to {@code key}, replacing what is there.
     *
     * @throws Unwritable when S3 refuses
     */
    void put(String bucket, String key, Path file, String contentType) {
        try {
            long size = Files.size(file);
            if (size <= PART_SIZE) {
                s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
            } else {
                putInParts(bucket, key, file, size, contentType);
            }
        } catch (S3Exception e) {
            throw new Unwritable(ObjectRef.uri(bucket, key), describe(e), e);
        } catch (SdkException | IOException e) {
            throw new Unwritable(ObjectRef.uri(bucket, key), "S3 write failed: " + e.getMessage(), e);
        }
    }

    private void putInParts(String bucket, String key, Path file, long size, String contentType) throws IOException {
        String uploadId = s3.createMultipartUpload(
                        b -> b.bucket(bucket).key(key).contentType(contentType))
                .uploadId();
        try (InputStream in = Files.newInputStream(file)) {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < size; offset += PART_SIZE, number++) {
                byte[] part = in.readNBytes((int) Math.min(PART_SIZE, size - offset));
                int partNumber = number;
                String eTag = s3.uploadPart(
                                b -> b.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(partNumber),
                                RequestBody.fromBytes(part))
                        .eTag();
                parts.add(CompletedPart.builder()
                        .partNumber(partNumber)
                        .eTag(eTag)
                        .build());
            }
            s3.completeMultipartUpload(
                    b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (SdkException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    /** The version id on a versioned bucket, else the ETag (without its quotes). */
    private static String version(GetObjectResponse response) {
        String versionId = response.versionId();
        if (versionId != null && !versionId.isEmpty() && !versionId.equals("null")) {
            return versionId;
        }
        String eTag = response.eTag();
        return eTag == null ? "" : eTag.replace("\"", "");
    }

    private static String describe(S3Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return switch (e.statusCode()) {
            case 404 -> "no such object (" + (code == null ? "404" : code) + ")";
            case 403 ->
                "access denied (" + (code == null ? "403" : code) + "): check the function's role allows this key";
            default -> "S3 error " + e.statusCode() + (code == null ? "" : " " + code);
        };
    }

    /** An object that cannot be read at all: the CLI's exit status 3. */
    static final class Unreadable extends RuntimeException implements ExitStatus.Known {

        private static final long serialVersionUID = 1L;

        @Override
        public ExitStatus exitStatus() {
            return ExitStatus.INPUT;
        }

        Unreadable(String uri, String problem, Throwable cause) {
            super("cannot read '" + uri + "': " + problem, cause);
        }
    }

    /** A report that cannot be written: the CLI's exit status 2, as for an output path it cannot write. */
    static final class Unwritable extends RuntimeException implements ExitStatus.Known {

        private static final long serialVersionUID = 1L;

        @Override
        public ExitStatus exitStatus() {
            return ExitStatus.USAGE;
        }

        Unwritable(String uri, String problem, Throwable cause) {
            super("cannot write report to '" + uri + "': " + problem, cause);
        }
    }
}
