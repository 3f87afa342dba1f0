package io.callaudit.rules.gap;

import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Effect;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;

/**
 * Aircall's parallel calling: the agent's second call while on a first one has no recording; the first
 * holds the whole conversation (seed 000 §3). The engine finds the overlapping earlier leg.
 */
@RuleSpec(id = "gap.parallel-leg", severity = Severity.INFO, seed = Seed.AIRCALL, effect = Effect.EXPLAINS_GAP)
public final class ParallelLeg implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (!ctx.recorded() && !ctx.neverAnswered() && ctx.parallelHolderId() != null) {
            ctx.report(ctx.parallelHolderId());
        }
    }
}
