package io.callaudit.lambda;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.amazon.lambda.runtime.handlers.S3EventInputReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the function was asked to do. Two shapes arrive at the one handler: S3's {@code ObjectCreated}
 * notification (several records per event, keys URL-encoded) and a direct invocation
 * {@code {"bucket": ..., "key": ...}} from a CI job or a backfill (key as is, optional {@code "versionId"}).
 */
public sealed interface Invocation permits Invocation.S3Notification, Invocation.Direct {

    /** The objects to audit, in event order. */
    List<ObjectRef> objects();

    /**
     * An S3 notification, read into {@link S3Event} exactly as the Lambda extension reads one for an
     * {@code S3Event} handler; keys are decoded by the events library ({@code +} is a space, {@code %2B} a plus).
     *
     * @param ignored records that are not object creations (a misconfigured trigger), by event name
     */
    record S3Notification(List<ObjectRef> objects, List<String> ignored) implements Invocation {

        public S3Notification {
            objects = List.copyOf(objects);
            ignored = List.copyOf(ignored);
        }
    }

    /** A direct invocation naming one object. */
    record Direct(ObjectRef object) implements Invocation {

        @Override
        public List<ObjectRef> objects() {
            return List.of(object);
        }
    }

    /**
     * Reads an invocation payload.
     *
     * @throws IllegalArgumentException when the payload is neither shape: a caller's mistake, reported as a
     *         failed invocation
     */
    static Invocation parse(JsonNode payload, ObjectMapper mapper) {
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException(USAGE);
        }
        if (payload.has("Records")) {
            return notification(payload, mapper);
        }
        String bucket = text(payload, "bucket");
        String key = text(payload, "key");
        if (bucket == null || key == null) {
            throw new IllegalArgumentException(USAGE);
        }
        return new Direct(new ObjectRef(bucket, key, text(payload, "versionId"), null));
    }

    String USAGE = "expected an S3 ObjectCreated event ({\"Records\": [...]}) or a direct invocation"
            + " {\"bucket\": \"...\", \"key\": \"...\"}";

    private static S3Notification notification(JsonNode payload, ObjectMapper mapper) {
        S3Event event;
        try {
            byte[] bytes = mapper.writeValueAsBytes(payload);
            event = new S3EventInputReader(mapper).readValue(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ObjectRef> objects = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (S3EventNotificationRecord record : event.getRecords()) {
            if (record.getS3() == null
                    || record.getS3().getBucket() == null
                    || record.getS3().getObject() == null
                    || record.getS3().getObject().getKey() == null) {
                throw new IllegalArgumentException(
                        "S3 event record without s3.bucket.name and s3.object.key: " + USAGE);
            }
            if (record.getEventName() != null && !record.getEventName().startsWith("ObjectCreated")) {
                ignored.add(record.getEventName());
                continue;
            }
            S3ObjectEntity object = record.getS3().getObject();
            objects.add(new ObjectRef(
                    record.getS3().getBucket().getName(),
                    object.getUrlDecodedKey(),
                    object.getVersionId(),
                    object.geteTag()));
        }
        return new S3Notification(objects, ignored);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isEmpty() ? null : value.asText();
    }
}
