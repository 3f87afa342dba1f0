package io.callaudit.rules.link;

import io.callaudit.model.LineEvent;
import io.callaudit.model.NumberConfig;
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
 * Deleting an Aircall number deletes its recordings with it, and recovering the number restores none of
 * them (seed 000 §4): a link on such a call leads nowhere.
 */
@RuleSpec(
        id = "link.number-deleted",
        severity = Severity.ERROR,
        seed = Seed.AIRCALL,
        providers = Provider.AIRCALL,
        effect = Effect.LOSS)
public final class NumberDeleted implements CallRule {

    /**
     * The deletion comes from the profile, else from a {@code number.deleted} event of the input itself
     * (which reaches the calls of that number still being audited when it is read, see README).
     */
    @Override
    public void check(CallContext ctx) {
        NumberConfig number = ctx.number();
        if (!ctx.mayHaveHadRecording()) {
            return;
        }
        if (number != null && number.deletedAt() != null) {
            // A deletion after the audit date had not happened yet as of that date: the recording was still there.
            if (number.deletedAt().isAfter(ctx.call().startedAt())
                    && !number.deletedAt().isAfter(ctx.asOf())) {
                ctx.report(
                        number.id() == null ? "-" : number.id(),
                        number.deletedAt().toString(),
                        number.recoveredAt() == null
                                ? "-"
                                : number.recoveredAt().toString());
            }
            return;
        }
        LineEvent event = ctx.lineEvent();
        if (event != null
                && event.deletedAt() != null
                && event.deletedAt().isAfter(ctx.call().startedAt())
                && !event.deletedAt().isAfter(ctx.asOf())) {
            ctx.report(event.numberId(), event.deletedAt().toString(), "-");
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of("number", ctx.number() == null ? null : ctx.number().key()),
                Fact.of("deleted_at", ctx.number() == null ? null : ctx.number().deletedAt()),
                Fact.of(
                        "payload: number.deleted",
                        ctx.lineEvent() == null ? null : ctx.lineEvent().deletedAt()),
                Fact.of("started_at", ctx.call().startedAt()),
                Fact.of("as_of", ctx.asOf()));
    }
}
