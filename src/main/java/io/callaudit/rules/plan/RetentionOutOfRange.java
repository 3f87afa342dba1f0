package io.callaudit.rules.plan;

import io.callaudit.model.Plan;
import io.callaudit.model.Provider;
import io.callaudit.model.SelectiveRetention;
import io.callaudit.rules.ProfileContext;
import io.callaudit.rules.ProfileRule;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.util.Set;

/**
 * Exotel offers 30, 60, 90, 180 and 365 days within the plan's range: Starter 7–90, Growth 7–180,
 * Enterprise 7–365 and beyond, custom (seed 004, "Retention Policies").
 */
@RuleSpec(
        id = "plan.retention-out-of-range",
        severity = Severity.ERROR,
        seed = Seed.EXOTEL,
        providers = Provider.EXOTEL)
public final class RetentionOutOfRange implements ProfileRule {

    static final Set<Integer> OFFERED = Set.of(30, 60, 90, 180, 365);
    static final int MINIMUM = 7;

    @Override
    public void check(ProfileContext ctx) {
        Plan plan = ExotelPlan.of(ctx.profile());
        if (plan == null) {
            return;
        }
        Integer days = ctx.profile().recording().retentionDays();
        if (days != null && !allowed(plan, days)) {
            ctx.report("recording.retention_days", days, plan.wire(), range(plan));
        }
        for (SelectiveRetention rule : ctx.profile().recording().selectiveRetention()) {
            if (!allowed(plan, rule.days())) {
                String key = "recording.selective_retention[" + rule.index() + "].days";
                ctx.report(key, rule.days(), plan.wire(), range(plan));
            }
        }
    }

    static boolean allowed(Plan plan, int days) {
        return switch (plan) {
            case STARTER -> days <= 90 && OFFERED.contains(days);
            case GROWTH -> days <= 180 && OFFERED.contains(days);
            case ENTERPRISE -> days >= MINIMUM;
        };
    }

    static String range(Plan plan) {
        return switch (plan) {
            case STARTER -> "30, 60, 90";
            case GROWTH -> "30, 60, 90, 180";
            case ENTERPRISE -> "7+";
        };
    }
}
