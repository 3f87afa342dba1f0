package io.callaudit.rules.ingest;

import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Fact;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.util.List;

/** Calls handled by a shared inbox or team number have no individual user to match (seed 002 §1). */
@RuleSpec(id = "ingest.shared-line", severity = Severity.WARNING, seed = Seed.AIRSPEED)
public final class SharedLine implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (ctx.call().sharedLine()) {
            ctx.report();
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(Fact.of("shared_line", ctx.call().sharedLine()));
    }
}
