package io.callaudit.rules.gap;

import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Effect;
import io.callaudit.rules.Fact;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.util.List;

/**
 * Too little active communication to record: Aircall needs at least 5 s (seed 000 §2), Exotel's are empty
 * under 2 s (seed 004), CTM needs talk time above zero (seed 003 §1).
 */
@RuleSpec(id = "gap.short-talk", severity = Severity.INFO, seed = Seed.AIRCALL, effect = Effect.EXPLAINS_GAP)
public final class ShortTalk implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (ctx.recorded() || ctx.neverAnswered() || ctx.voicemail()) {
            return;
        }
        Double talk = ctx.call().knownTalkSeconds();
        if (talk != null && ctx.facts().tooShort(talk)) {
            ctx.report(talk, ctx.facts().minimumText());
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of("talk seconds", ctx.call().knownTalkSeconds()),
                Fact.of("minimum seconds", ctx.facts().minimumSeconds()));
    }
}
