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

/** Aircall does not save recordings longer than 4 hours (seed 000 §2); exactly 4 hours still saves. */
@RuleSpec(
        id = "gap.too-long",
        severity = Severity.WARNING,
        seed = Seed.AIRCALL,
        providers = Provider.AIRCALL,
        effect = Effect.EXPLAINS_GAP)
public final class TooLong implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (ctx.recorded() || ctx.neverAnswered()) {
            return;
        }
        Double talk = ctx.call().knownTalkSeconds();
        if (talk != null && ctx.facts().tooLong(talk)) {
            ctx.report(talk, ctx.facts().maximumSeconds());
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of("talk seconds", ctx.call().knownTalkSeconds()),
                Fact.of("maximum seconds", ctx.facts().maximumSeconds()));
    }
}
