package io.callaudit.rules.link;

import io.callaudit.model.CallStatus;
import io.callaudit.model.RetentionCriteria;
import io.callaudit.model.SelectiveRetention;
import java.time.Duration;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Effect;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;

/**
 * Recordings are deleted for good once the retention period has passed (seed 004, "Retention Policies").
 * A selective-retention entry matching the call's flow or outcome overrides the account period.
 */
@RuleSpec(id = "link.retention-expired", severity = Severity.ERROR, seed = Seed.EXOTEL, effect = Effect.LOSS)
public final class RetentionExpired implements CallRule {

    @Override
    public void check(CallContext ctx) {
        Integer days = ctx.profile().recording().retentionDays();
        String key = "recording.retention_days";
        for (SelectiveRetention rule : ctx.profile().recording().selectiveRetention()) {
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
}
