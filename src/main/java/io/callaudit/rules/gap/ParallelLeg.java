package io.callaudit.rules.gap;

import io.callaudit.model.Provider;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Effect;
import io.callaudit.rules.Fact;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.util.List;

/**
 * Aircall's parallel calling: the agent's second call while on a first one has no recording; the first
 * holds the whole conversation (seed 000 §3). The engine finds the overlapping earlier leg. Only Aircall
 * documents this behaviour; other providers' overlapping calls are left to the other rules.
 */
@RuleSpec(
        id = "gap.parallel-leg",
        severity = Severity.INFO,
        seed = Seed.AIRCALL,
        providers = Provider.AIRCALL,
        effect = Effect.EXPLAINS_GAP)
public final class ParallelLeg implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (!ctx.recorded() && !ctx.neverAnswered() && ctx.parallelHolderId() != null) {
            ctx.report(ctx.parallelHolderId());
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of("user_id", ctx.call().userId()),
                Fact.of("started_at", ctx.call().startedAt()),
                Fact.of("overlapping earlier call", ctx.parallelHolderId()));
    }
}
