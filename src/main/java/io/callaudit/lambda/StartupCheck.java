package io.callaudit.lambda;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses to start with overlapping prefixes (or a fail-on that is not a severity): a function that would
 * loop on its own reports must fail its cold start, visible at once in the deployment, not its ten-thousandth
 * invocation. Kept apart from {@link S3AuditService} so checking the configuration never builds an S3
 * client: the CLI runs from the same artifact and starts this observer too.
 */
@ApplicationScoped
public class StartupCheck {

    void onStart(@Observes StartupEvent event, FunctionConfig config) {
        Settings.of(config);
    }
}
