package io.callaudit.lambda;

import java.util.Objects;

/**
 * One S3 object to audit, as the invocation named it.
 *
 * @param key the object key, already URL-decoded (S3 events encode it; direct invocations do not)
 * @param versionId the version the event is about, or null (unversioned bucket, or a direct invocation
 *        that wants the current object)
 * @param eTag the ETag the event saw, or null; informational, the report key uses what is actually read
 */
public record ObjectRef(String bucket, String key, String versionId, String eTag) {

    public ObjectRef {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }

    /** {@code s3://bucket/key}: how messages and responses name an object. */
    public String uri() {
        return uri(bucket, key);
    }

    static String uri(String bucket, String key) {
        return "s3://" + bucket + "/" + key;
    }
}
