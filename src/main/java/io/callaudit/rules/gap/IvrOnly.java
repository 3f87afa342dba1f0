package io.callaudit.rules.gap;

import io.callaudit.model.Provider;
import io.callaudit.model.StartPoint;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Effect;
import io.callaudit.rules.Fact;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.util.List;

/** Exotel's "on connect" start point records only after the IVR; a caller who never left it has no audio. */
@RuleSpec(
        id = "gap.ivr-only",
        severity = Severity.INFO,
        seed = Seed.EXOTEL,
        providers = Provider.EXOTEL,
        effect = Effect.EXPLAINS_GAP,
        configurable = true)
public final class IvrOnly implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (!ctx.recorded()
                && !ctx.neverAnswered()
                && ctx.profile().recording().startPointOrDefault() == StartPoint.ON_CONNECT
                && !ctx.call().reachedAgent()) {
            ctx.report();
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of(
                        "recording.start_point",
                        ctx.profile().recording().startPointOrDefault().wire()),
                Fact.of("reached_agent", ctx.call().reachedAgent()));
    }
}
