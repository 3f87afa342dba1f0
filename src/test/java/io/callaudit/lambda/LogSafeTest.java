package io.callaudit.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What may reach a log line or a failure queue. */
class LogSafeTest {

    @Test
    void should_mask_phone_numbers_emails_and_recording_urls() {
        String text = "line 3: 'ana@acme.example' called +33 6 12 34 56 78 and 0612345678,"
                + " recording https://aircall-recordings.s3.amazonaws.com/7001.mp3?X-Amz-Expires=3600 expired";

        String safe = LogSafe.redact(text);

        assertThat(safe)
                .doesNotContain("ana@", "12 34 56", "0612345678", "7001.mp3")
                .contains("a•••@acme.example", "•••78")
                .contains("https://aircall-recordings.s3.amazonaws.com/•••")
                .startsWith("line 3: ");
    }

    @Test
    void should_keep_object_keys_dates_and_counts() {
        String uri = "s3://callaudit-test/incoming/acme/calls 2026-11-20 0612345678.json";
        String text = "cannot read '" + uri + "': no such object (NoSuchKey); as_of 2026-11-20, 18 calls";

        assertThat(LogSafe.redact(text, uri, "incoming/acme/calls 2026-11-20 0612345678.json"))
                .isEqualTo(text);
    }
}
