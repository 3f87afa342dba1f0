package io.callaudit.cli;

import io.callaudit.rules.Severity;

/** The {@code --fail-on} threshold: a severity, or never (report only). */
enum FailOn {
    ERROR(Severity.ERROR),
    WARNING(Severity.WARNING),
    INFO(Severity.INFO),
    NEVER(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /** The threshold severity, or null for never. */
    Severity threshold() {
        return threshold;
    }
}
