package io.callaudit.rules.link;

import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Effect;
import io.callaudit.rules.Fact;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Sensitive;
import io.callaudit.rules.Severity;
import java.util.List;

/**
 * With a complete inventory, a call on a line it does not list was most likely on a number since deleted,
 * whose recordings went with it (seed 000 §4). A warning: the data cannot prove the deletion.
 */
@RuleSpec(
        id = "link.number-not-in-inventory",
        needsProfile = true,
        severity = Severity.WARNING,
        seed = Seed.AIRCALL,
        effect = Effect.EXPLAINS_GAP)
public final class NumberNotInInventory implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (!ctx.profile().numbersComplete() || ctx.numberListed()) {
            return;
        }
        String id = ctx.call().numberId();
        ctx.report(id != null ? id : Sensitive.phone(ctx.call().numberDigits()));
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of("numbers_complete", ctx.profile().numbersComplete()),
                Fact.of("number listed", ctx.numberListed()));
    }
}
