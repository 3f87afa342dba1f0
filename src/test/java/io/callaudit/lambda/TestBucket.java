package io.callaudit.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The test bucket on S3Proxy, through the same S3 client the function uses, plus the event fixtures of
 * {@code src/test/resources/lambda/} with their placeholders filled in.
 */
record TestBucket(S3Client s3, String name) {

    static TestBucket create(S3Client s3, String name) {
        try {
            s3.createBucket(b -> b.bucket(name));
        } catch (BucketAlreadyOwnedByYouException e) {
            // A second test class in the same S3Proxy run: the bucket is already there.
        }
        return new TestBucket(s3, name);
    }

    /** Uploads {@code bytes}; returns the ETag S3 computed (unquoted), as an event would carry it. */
    String put(String key, byte[] bytes) {
        PutObjectResponse response = s3.putObject(b -> b.bucket(name).key(key), RequestBody.fromBytes(bytes));
        return response.eTag().replace("\"", "");
    }

    String put(String key, Path file) {
        try {
            return put(key, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(name).key(key)).asString(StandardCharsets.UTF_8);
    }

    boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(name).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    /** Every key under {@code prefix}. */
    List<String> keys(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(name).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    /** The key of an {@code s3://bucket/key} URI of this bucket. */
    String keyOf(String uri) {
        String base = "s3://" + name + "/";
        if (!uri.startsWith(base)) {
            throw new AssertionError(uri + " is not in bucket " + name);
        }
        return uri.substring(base.length());
    }

    /** A fixture with {@code ${bucket}} and the given placeholders replaced. */
    String event(String fixture, Map<String, String> values) {
        String text;
        try (InputStream in = TestBucket.class.getResourceAsStream("/lambda/" + fixture)) {
            if (in == null) {
                throw new AssertionError("no fixture /lambda/" + fixture);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text = text.replace("${bucket}", name);
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("${" + e.getKey() + "}", e.getValue());
        }
        if (text.contains("${")) {
            throw new AssertionError("unfilled placeholder in " + fixture + ": " + text);
        }
        return text;
    }
}
