package io.callaudit.rules.plan;

import io.callaudit.model.Plan;
import io.callaudit.model.Provider;
import io.callaudit.rules.ProfileContext;
import io.callaudit.rules.ProfileRule;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;

/** Retention by flow or outcome is Enterprise-only (seed 004, "Selective Retention"). */
@RuleSpec(
        id = "plan.selective-retention-not-in-plan",
        severity = Severity.ERROR,
        seed = Seed.EXOTEL,
        providers = Provider.EXOTEL)
public final class SelectiveRetentionNotInPlan implements ProfileRule {

    @Override
    public void check(ProfileContext ctx) {
        Plan plan = ExotelPlan.of(ctx.profile());
        if (!ExotelPlan.offersSelectiveRetention(ctx.profile())
                && !ctx.profile().recording().selectiveRetention().isEmpty()) {
            ctx.report(
                    "recording.selective_retention",
                    ctx.profile().recording().selectiveRetention().size(),
                    plan.wire());
        }
    }
}
