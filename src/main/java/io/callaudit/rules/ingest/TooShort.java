package io.callaudit.rules.ingest;

import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Fact;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.util.List;

/** The platform imports calls of at least 60 seconds, ringing included (seed 002 §3). */
@RuleSpec(id = "ingest.too-short", severity = Severity.INFO, seed = Seed.AIRSPEED)
public final class TooShort implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (!ctx.call().ended()) {
            return; // a call still going on (with a link already) has no length to compare yet
        }
        double duration = ctx.call().durationSeconds();
        int minimum = ctx.profile().ingestion().minSeconds();
        if (duration < minimum) {
            ctx.report(duration, minimum);
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of("call seconds", ctx.call().durationSeconds()),
                Fact.of("ingestion.min_seconds", ctx.profile().ingestion().minSeconds()));
    }
}
