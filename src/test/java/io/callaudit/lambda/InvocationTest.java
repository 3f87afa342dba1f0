package io.callaudit.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two payload shapes, read from the event fixtures. */
class InvocationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final TestBucket FIXTURES = new TestBucket(null, "callaudit-test");

    @Test
    void should_decode_an_encoded_key_like_the_events_library() throws IOException {
        Invocation invocation =
                Invocation.parse(JSON.readTree(FIXTURES.event("s3-put-encoded-key.json", Map.of("eTag", "abc"))), JSON);

        assertThat(invocation).isInstanceOf(Invocation.S3Notification.class);
        assertThat(invocation.objects())
                .containsExactly(new ObjectRef(
                        "callaudit-test", "incoming/acme/Aircall export 2026-11-20 +0100.json", null, "abc"));
    }

    @Test
    void should_read_every_record_in_order() throws IOException {
        Invocation invocation = Invocation.parse(
                JSON.readTree(FIXTURES.event(
                        "s3-put-two-records.json",
                        Map.of("key1", "incoming/a.json", "eTag1", "1", "key2", "incoming/b.json", "eTag2", "2"))),
                JSON);

        assertThat(invocation.objects())
                .extracting(ObjectRef::key)
                .containsExactly("incoming/a.json", "incoming/b.json");
    }

    @Test
    void should_ignore_records_that_are_not_object_creations() throws IOException {
        String removed = FIXTURES.event("s3-put.json", Map.of("key", "incoming/a.json", "eTag", "1", "size", "1"))
                .replace("ObjectCreated:Put", "ObjectRemoved:Delete");

        Invocation invocation = Invocation.parse(JSON.readTree(removed), JSON);

        assertThat(invocation.objects()).isEmpty();
        assertThat(((Invocation.S3Notification) invocation).ignored()).containsExactly("ObjectRemoved:Delete");
    }

    @Test
    void should_read_a_direct_invocation_without_decoding_its_key() throws IOException {
        Invocation invocation = Invocation.parse(
                JSON.readTree("{\"bucket\": \"b\", \"key\": \"incoming/a+b c.json\", \"versionId\": \"v1\"}"), JSON);

        assertThat(invocation).isEqualTo(new Invocation.Direct(new ObjectRef("b", "incoming/a+b c.json", "v1", null)));
    }

    @Test
    void should_refuse_anything_else() throws IOException {
        assertThatThrownBy(() -> Invocation.parse(JSON.readTree("{\"Bucket\": \"b\"}"), JSON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("direct invocation");
        assertThatThrownBy(() -> Invocation.parse(JSON.readTree("[1]"), JSON))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
