package io.callaudit.rules.gap;

import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Effect;
import io.callaudit.rules.Fact;
import io.callaudit.rules.Localized;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.util.List;

/**
 * The agent paused the recording (seed 000 §1, "Note"). Exports rarely say so, so when the number lets
 * agents pause and nothing else explains the gap, the seed's likely cause is reported rather than an
 * unexplained gap; the message says which of the two it is.
 */
@RuleSpec(
        id = "gap.paused-by-user",
        severity = Severity.WARNING,
        seed = Seed.AIRCALL,
        fallback = true,
        effect = Effect.EXPLAINS_GAP,
        configurable = true)
public final class PausedByUser implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (ctx.recorded() || ctx.neverAnswered() || ctx.gapAccountedFor()) {
            return;
        }
        if (ctx.call().paused()) {
            ctx.report(Localized.of("hint.paused-recorded"));
        } else if (ctx.number() != null && ctx.number().pauseAllowed()) {
            ctx.report(Localized.of("hint.paused-likely", ctx.number().key() + ".allow_user_pause"));
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of("paused", ctx.call().paused()),
                Fact.of("allow_user_pause", ctx.number() != null && ctx.number().pauseAllowed()));
    }
}
