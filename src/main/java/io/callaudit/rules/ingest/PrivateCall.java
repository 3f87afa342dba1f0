package io.callaudit.rules.ingest;

import io.callaudit.model.Visibility;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Fact;
import io.callaudit.rules.Family;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.util.List;

/**
 * A private call is imported but only its participants and admins can see it (seed 002 §5). It runs last
 * among the ingestion rules: a call that is not imported at all is not "ingested but private".
 */
@RuleSpec(id = "ingest.private", severity = Severity.INFO, seed = Seed.AIRSPEED, fallback = true)
public final class PrivateCall implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (ctx.call().visibility() == Visibility.PRIVATE && !ctx.fired(Family.INGEST)) {
            ctx.report();
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(Fact.of(
                "visibility",
                ctx.call().visibility() == null ? null : ctx.call().visibility().wire()));
    }
}
