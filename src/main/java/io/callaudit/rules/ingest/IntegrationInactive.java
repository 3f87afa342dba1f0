package io.callaudit.rules.ingest;

import io.callaudit.model.DateRange;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Fact;
import io.callaudit.rules.Localized;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.time.Instant;
import java.util.List;

/**
 * Calls from before the integration was first connected, or from a gap while it was disconnected, are not
 * backfilled (seed 002 §6). Without any window in the profile there is nothing to check against.
 */
@RuleSpec(id = "ingest.integration-inactive", severity = Severity.WARNING, seed = Seed.AIRSPEED)
public final class IntegrationInactive implements CallRule {

    @Override
    public void check(CallContext ctx) {
        List<DateRange> windows = ctx.profile().ingestion().connected();
        Instant at = ctx.call().startedAt();
        if (windows.isEmpty()) {
            return;
        }
        Instant first = null;
        Instant lastEnd = Instant.MIN;
        for (DateRange w : windows) {
            if (w.contains(at)) {
                return;
            }
            if (first == null || w.from().isBefore(first)) {
                first = w.from();
            }
            lastEnd = w.to() == null || lastEnd == null ? null : (w.to().isAfter(lastEnd) ? w.to() : lastEnd);
        }
        if (at.isBefore(first)) {
            ctx.report(Localized.of("hint.before-first-connection", first.toString()));
        } else if (lastEnd != null && !at.isBefore(lastEnd)) {
            ctx.report(Localized.of("hint.after-last-connection", lastEnd.toString()));
        } else {
            ctx.report(Localized.of("hint.between-connections"));
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of("started_at", ctx.call().startedAt()),
                Fact.of(
                        "ingestion.connected windows",
                        ctx.profile().ingestion().connected().size()));
    }
}
