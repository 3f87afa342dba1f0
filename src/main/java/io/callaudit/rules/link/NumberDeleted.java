package io.callaudit.rules.link;

import io.callaudit.model.NumberConfig;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Effect;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;

/**
 * Deleting an Aircall number deletes its recordings with it, and recovering the number restores none of
 * them (seed 000 §4): a link on such a call leads nowhere.
 */
@RuleSpec(id = "link.number-deleted", severity = Severity.ERROR, seed = Seed.AIRCALL, effect = Effect.LOSS)
public final class NumberDeleted implements CallRule {

    @Override
    public void check(CallContext ctx) {
        NumberConfig number = ctx.number();
        if (number == null || number.deletedAt() == null || !ctx.mayHaveHadRecording()
                || !number.deletedAt().isAfter(ctx.call().startedAt())) {
            return;
        }
        ctx.report(number.id() == null ? "-" : number.id(), number.deletedAt().toString(),
                number.recoveredAt() == null ? "-" : number.recoveredAt().toString());
    }
}
