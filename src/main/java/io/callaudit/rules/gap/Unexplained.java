package io.callaudit.rules.gap;

import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;

/**
 * No recording and no documented reason: the seeds' checklist is exhausted, so this is for the provider's
 * support (seed 000, "Still need help?" in 002). Never fires when a reason or a loss explains the call.
 */
@RuleSpec(id = "gap.unexplained", severity = Severity.ERROR, seed = Seed.AIRCALL, fallback = true)
public final class Unexplained implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (!ctx.recorded() && !ctx.gapAccountedFor()) {
            ctx.report(Math.round(ctx.call().effectiveTalkSeconds()));
        }
    }
}
