package io.callaudit.rules.link;

import io.callaudit.model.CallStatus;
import io.callaudit.model.Provider;
import io.callaudit.model.RetentionCriteria;
import io.callaudit.model.SelectiveRetention;
import io.callaudit.model.Storage;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Effect;
import io.callaudit.rules.Fact;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import io.callaudit.rules.plan.ExotelPlan;
import java.time.Duration;
import java.util.List;

/**
 * Recordings are deleted for good once the retention period has passed (seed 004, "Retention Policies").
 * A selective-retention entry matching the call's flow or outcome overrides the account period; without a
 * period in the profile, Exotel's plan default applies (Starter 30 days, Growth 90). Recordings delivered to
 * the customer's own storage are the customer's to keep: Exotel's retention does not apply to them.
 */
@RuleSpec(
        id = "link.retention-expired",
        needsProfile = true,
        severity = Severity.ERROR,
        seed = Seed.EXOTEL,
        effect = Effect.LOSS)
public final class RetentionExpired implements CallRule {

    /** Exotel's default retention when the profile sets none (seed 004, "Default Retention Periods"). */
    static final int STARTER_DEFAULT_DAYS = 30;

    static final int GROWTH_DEFAULT_DAYS = 90;

    @Override
    public void check(CallContext ctx) {
        // A storage or selective retention the plan does not offer is not what Exotel does: the account
        // default holds, and the plan.* finding says so.
        if (ExotelPlan.storage(ctx.profile()) != Storage.PROVIDER) {
            return;
        }
        Integer days = ctx.profile().recording().retentionDays();
        String key = "recording.retention_days";
        if (days == null && ctx.provider() == Provider.EXOTEL && ctx.profile().plan() != null) {
            days = switch (ctx.profile().plan()) {
                case STARTER -> STARTER_DEFAULT_DAYS;
                case GROWTH -> GROWTH_DEFAULT_DAYS;
                case ENTERPRISE -> null;
            };
            key = "plan";
        }
        for (SelectiveRetention rule : ExotelPlan.selectiveRetention(ctx.profile())) {
            if (matches(rule, ctx)) {
                days = rule.days();
                key = "recording.selective_retention[" + rule.index() + "]";
                break;
            }
        }
        if (days == null || !ctx.mayHaveHadRecording()) {
            return;
        }
        if (ctx.asOf().isAfter(ctx.call().startedAt().plus(Duration.ofDays(days)))) {
            ctx.report(days, key);
        }
    }

    private static boolean matches(SelectiveRetention rule, CallContext ctx) {
        if (rule.criteria() == RetentionCriteria.FLOW) {
            return rule.value().equals(ctx.call().flowId());
        }
        CallStatus status = ctx.call().status();
        String outcome = status == CallStatus.ANSWERED ? "completed" : status == null ? "" : status.wire();
        return rule.value().equals(outcome) || (status != null && rule.value().equals(status.wire()));
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of("recording.retention_days", ctx.profile().recording().retentionDays()),
                Fact.of("started_at", ctx.call().startedAt()),
                Fact.of("as_of", ctx.asOf()));
    }
}
