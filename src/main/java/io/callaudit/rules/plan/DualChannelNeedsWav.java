package io.callaudit.rules.plan;

import io.callaudit.model.AudioFormat;
import io.callaudit.model.FlowConfig;
import io.callaudit.model.Provider;
import io.callaudit.model.RecordingMode;
import io.callaudit.rules.ProfileContext;
import io.callaudit.rules.ProfileRule;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;

/**
 * Dual-channel recordings are stereo WAV only (seed 004); an explicit MP3 format next to a dual-channel mode
 * contradicts them. A per-call dual request is not judged by the account's format: its audio is WAV anyway.
 */
@RuleSpec(
        id = "plan.dual-channel-needs-wav",
        severity = Severity.ERROR,
        seed = Seed.EXOTEL,
        providers = Provider.EXOTEL)
public final class DualChannelNeedsWav implements ProfileRule {

    @Override
    public void check(ProfileContext ctx) {
        if (ExotelPlan.of(ctx.profile()) == null || ctx.profile().recording().format() != AudioFormat.MP3) {
            return;
        }
        if (ctx.profile().recording().mode() == RecordingMode.DUAL) {
            ctx.report("recording.format", "recording.mode");
        }
        for (FlowConfig flow : ctx.profile().flows()) {
            if (flow.mode() == RecordingMode.DUAL) {
                ctx.report(flow.key() + ".mode", flow.key() + ".mode");
            }
        }
    }
}
