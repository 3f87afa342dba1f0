package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Aircall voicemail under 5 s leaves no audio and so no voicemail link (seed 000 §2, "Important"); Aircall's
 * own fields still say it was a voicemail, so the audit gives it its reason instead of calling it missed.
 */
class AircallVoicemailTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void should_give_a_short_aircall_voicemail_its_reason_whichever_field_says_it_was_one() throws Exception {
        Path calls = tmp.resolve("calls.ndjson");
        Files.writeString(
                calls,
                String.join(
                                "\n",
                                // The voicemail's asset page, as a real payload shows it, and no voicemail link.
                                "{\"id\":9001,\"direction\":\"inbound\",\"started_at\":1763600000,\"answered_at\":null,"
                                        + "\"ended_at\":1763600003,\"voicemail\":null,\"recording\":null,"
                                        + "\"asset\":\"https://assets.aircall.io/calls/9001/voicemail\",\"number\":{\"id\":812}}",
                                // Aircall's webhook event for a voicemail.
                                "{\"resource\":\"call\",\"event\":\"call.voicemail_left\",\"timestamp\":1763600104,\"data\":"
                                        + "{\"id\":9002,\"direction\":\"inbound\",\"started_at\":1763600100,\"answered_at\":null,"
                                        + "\"ended_at\":1763600104,\"voicemail\":null,\"number\":{\"id\":812}}}",
                                // A missed call, for contrast: nothing says voicemail.
                                "{\"id\":9003,\"direction\":\"inbound\",\"started_at\":1763600200,\"answered_at\":null,"
                                        + "\"ended_at\":1763600203,\"voicemail\":null,\"missed_call_reason\":\"agents_did_not_answer\","
                                        + "\"number\":{\"id\":812}}")
                        + "\n");
        CliRun run = CliRun.run(
                "audit", "--input-format", "aircall", "--format", "json", "--fail-on", "never", calls.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode report = JSON.readTree(run.out());
        for (JsonNode call : report.get("calls")) {
            String expected = call.get("id").asText().equals("9003") ? "gap.unanswered" : "gap.short-voicemail";
            assertThat(call.get("reasons").get(0).asText()).as(call.toString()).isEqualTo(expected);
        }
        assertThat(report.get("calls")).hasSize(3);
    }
}
