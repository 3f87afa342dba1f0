package io.callaudit.rules.link;

import io.callaudit.model.DateRange;
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
 * CTM audio deleted by a user, or inside a date-range purge, is gone for good (seed 003: "can not be
 * undone", "not recoverable").
 */
@RuleSpec(
        id = "link.audio-deleted",
        needsProfile = true,
        severity = Severity.ERROR,
        seed = Seed.CTM,
        providers = Provider.CTM,
        effect = Effect.LOSS)
public final class AudioDeleted implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (!ctx.mayHaveHadRecording()) {
            return;
        }
        if (ctx.profile().deletedAudio().contains(ctx.call().id())) {
            ctx.report("deleted_audio");
            return;
        }
        for (DateRange purge : ctx.profile().purges()) {
            if (purge.contains(ctx.call().startedAt())) {
                ctx.report("purges[" + purge.index() + "]");
                return;
            }
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of("provider", ctx.provider().wire()),
                Fact.of(
                        "in deleted_audio",
                        ctx.profile().deletedAudio().contains(ctx.call().id())),
                Fact.of("started_at", ctx.call().startedAt()));
    }
}
