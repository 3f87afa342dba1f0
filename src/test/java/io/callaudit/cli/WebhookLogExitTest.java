package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A real Aircall webhook endpoint's log carries users, contacts, numbers and messages besides calls: the audit
 * exits by its calls alone, and says how many records of each kind it skipped.
 */
class WebhookLogExitTest {

    @Test
    void webhook_log_with_every_resource_exits_by_its_calls_alone() throws URISyntaxException {
        String log = Path.of(getClass()
                        .getResource("/corpus/aircall/webhook-endpoint-log.ndjson")
                        .toURI())
                .toString();

        CliRun run = CliRun.run("audit", "--as-of", "2026-11-20T00:00:00Z", "--format", "json", log);

        assertThat(run.exitCode()).as(run.err()).isZero();
        String json = run.out().replaceAll("\\s+", "");
        assertThat(json)
                .contains("\"skipped\":5")
                .contains("\"user.connected\":1")
                .contains("\"profile_applied\":false");
    }

    @Test
    void pending_calls_never_fail_the_run_even_at_fail_on_info() throws URISyntaxException {
        String log = Path.of(getClass()
                        .getResource("/corpus/aircall/webhook-in-progress.ndjson")
                        .toURI())
                .toString();

        CliRun run = CliRun.run("audit", "--as-of", "2026-11-13T09:08:40Z", "--fail-on", "info", log);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("pending");
    }
}
