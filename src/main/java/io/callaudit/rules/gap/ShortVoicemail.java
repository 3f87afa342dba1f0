package io.callaudit.rules.gap;

import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Effect;
import io.callaudit.rules.Fact;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.util.List;

/** Voicemails shorter than the minimum produce no recording either (seed 000 §2, "Important"). */
@RuleSpec(id = "gap.short-voicemail", severity = Severity.INFO, seed = Seed.AIRCALL, effect = Effect.EXPLAINS_GAP)
public final class ShortVoicemail implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (ctx.recorded() || !ctx.voicemail()) {
            return;
        }
        double length = VoicemailLength.of(ctx.call());
        if (ctx.facts().tooShort(length)) {
            ctx.report(length, ctx.facts().minimumText());
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of(
                        "status",
                        ctx.call().status() == null ? null : ctx.call().status().wire()),
                Fact.of("voicemail seconds", VoicemailLength.of(ctx.call())),
                Fact.of("minimum seconds", ctx.facts().minimumSeconds()));
    }
}
