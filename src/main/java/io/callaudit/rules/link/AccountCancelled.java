package io.callaudit.rules.link;

import io.callaudit.model.Provider;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Effect;
import io.callaudit.rules.Fact;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** CTM may delete recordings once an account has been cancelled for more than 60 days (seed 003). */
@RuleSpec(
        id = "link.account-cancelled",
        needsProfile = true,
        severity = Severity.WARNING,
        seed = Seed.CTM,
        providers = Provider.CTM,
        effect = Effect.LOSS)
public final class AccountCancelled implements CallRule {

    static final Duration GRACE = Duration.ofDays(60);

    @Override
    public void check(CallContext ctx) {
        Instant cancelled = ctx.profile().cancelledAt();
        if (cancelled != null && ctx.mayHaveHadRecording() && ctx.asOf().isAfter(cancelled.plus(GRACE))) {
            ctx.report(cancelled.toString());
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(Fact.of("cancelled_at", ctx.profile().cancelledAt()), Fact.of("as_of", ctx.asOf()));
    }
}
