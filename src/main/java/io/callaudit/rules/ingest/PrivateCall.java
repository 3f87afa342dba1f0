package io.callaudit.rules.ingest;

import io.callaudit.model.Visibility;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;

/** A private call is imported but only its participants and admins can see it (seed 002 §5). */
@RuleSpec(id = "ingest.private", severity = Severity.INFO, seed = Seed.AIRSPEED)
public final class PrivateCall implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (ctx.call().visibility() == Visibility.PRIVATE) {
            ctx.report();
        }
    }
}
