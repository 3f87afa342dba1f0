package io.callaudit.rules.plan;

import io.callaudit.model.FlowConfig;
import io.callaudit.model.Plan;
import io.callaudit.model.Provider;
import io.callaudit.model.RecordingChannels;
import io.callaudit.model.RecordingMode;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Effect;
import io.callaudit.rules.Fact;
import io.callaudit.rules.ProfileContext;
import io.callaudit.rules.ProfileRule;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.util.List;

/**
 * Dual-channel recording is a Growth and Enterprise feature (seed 004, "Dual-Channel"); asking for it on
 * Starter, in the profile or per call, asks for something the account does not have. A per-call request
 * without a recording is explained by it: that is what support would answer.
 */
@RuleSpec(
        id = "plan.dual-channel-not-in-plan",
        severity = Severity.ERROR,
        seed = Seed.EXOTEL,
        providers = Provider.EXOTEL,
        effect = Effect.EXPLAINS_GAP)
public final class DualChannelNotInPlan implements ProfileRule, CallRule {

    @Override
    public void check(ProfileContext ctx) {
        if (ExotelPlan.of(ctx.profile()) != Plan.STARTER) {
            return;
        }
        if (ctx.profile().recording().mode() == RecordingMode.DUAL) {
            ctx.report("recording.mode", "recording.mode", Plan.STARTER.wire());
        }
        for (FlowConfig flow : ctx.profile().flows()) {
            if (flow.mode() == RecordingMode.DUAL) {
                ctx.report(flow.key() + ".mode", flow.key() + ".mode", Plan.STARTER.wire());
            }
        }
    }

    @Override
    public void check(CallContext ctx) {
        if (ExotelPlan.of(ctx.profile()) == Plan.STARTER && ctx.call().recordingChannels() == RecordingChannels.DUAL) {
            ctx.report("RecordingChannels=dual", Plan.STARTER.wire());
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of(
                        "plan",
                        ctx.profile().plan() == null
                                ? null
                                : ctx.profile().plan().wire()),
                Fact.of(
                        "recording_channels",
                        ctx.call().recordingChannels() == null
                                ? null
                                : ctx.call().recordingChannels().wire()));
    }
}
