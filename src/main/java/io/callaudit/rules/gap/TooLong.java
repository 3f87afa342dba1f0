package io.callaudit.rules.gap;

import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Effect;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;

/** Aircall does not save recordings longer than 4 hours (seed 000 §2); exactly 4 hours still saves. */
@RuleSpec(id = "gap.too-long", severity = Severity.WARNING, seed = Seed.AIRCALL, effect = Effect.EXPLAINS_GAP)
public final class TooLong implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (ctx.recorded() || ctx.neverAnswered()) {
            return;
        }
        double talk = ctx.call().effectiveTalkSeconds();
        if (ctx.facts().tooLong(talk)) {
            ctx.report(talk, ctx.facts().maximumSeconds());
        }
    }
}
