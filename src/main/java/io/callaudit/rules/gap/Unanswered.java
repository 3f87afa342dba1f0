package io.callaudit.rules.gap;

import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Effect;
import io.callaudit.rules.Fact;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.util.List;

/** Every provider records answered calls only (seed 000 §2, 003, 004). */
@RuleSpec(id = "gap.unanswered", severity = Severity.INFO, seed = Seed.AIRCALL, effect = Effect.EXPLAINS_GAP)
public final class Unanswered implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (!ctx.recorded() && ctx.neverAnswered()) {
            ctx.report(
                    ctx.call().status() == null ? "missed" : ctx.call().status().wire());
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of(
                        "status",
                        ctx.call().status() == null ? null : ctx.call().status().wire()),
                Fact.of("answered_at", ctx.call().answeredAt()),
                Fact.of("recording_url", ctx.recorded() ? "present" : "absent"));
    }
}
