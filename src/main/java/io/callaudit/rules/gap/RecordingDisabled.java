package io.callaudit.rules.gap;

import io.callaudit.model.CallRecord;
import io.callaudit.model.FlowConfig;
import io.callaudit.model.NumberConfig;
import io.callaudit.model.Provider;
import io.callaudit.model.SettingsConfig;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Effect;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;

/**
 * Recording was switched off for this call, at whichever level the provider switches it: per number and
 * direction (Aircall, seed 000 §1), not yet on when the call happened (seed 002 §4), the CTM configuration
 * (seed 003 §2), the Exotel account or flow, or the per-call {@code Record} flag (seed 004).
 */
@RuleSpec(id = "gap.recording-disabled", severity = Severity.WARNING, seed = Seed.AIRCALL,
        effect = Effect.EXPLAINS_GAP)
public final class RecordingDisabled implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (ctx.recorded() || ctx.neverAnswered()) {
            return;
        }
        String why = reason(ctx);
        if (why != null) {
            ctx.report(why);
        }
    }

    /** The level that switched recording off, as a profile key or call field, or null. */
    private static String reason(CallContext ctx) {
        CallRecord call = ctx.call();
        if (Boolean.FALSE.equals(call.recordRequested())) {
            return "record_requested=false";
        }
        NumberConfig number = ctx.number();
        if (number != null) {
            if (call.direction() != null && !number.records(call.direction())) {
                return number.key() + ".record_" + call.direction().wire();
            }
            if (number.recordingEnabledAt() != null && call.startedAt().isBefore(number.recordingEnabledAt())) {
                return number.key() + ".recording_enabled_at";
            }
        }
        if (ctx.provider() == Provider.CTM) {
            SettingsConfig config = ctx.settingsConfig();
            if (config != null && !config.recordings() && config.deletedAt() == null) {
                return "settings_configs[" + config.index() + "].recordings";
            }
        }
        FlowConfig flow = ctx.flow();
        if (flow != null && flow.record() != null) {
            return flow.record() ? null : flow.key() + ".record";
        }
        if (!ctx.profile().recording().enabledOrDefault()) {
            return "recording.enabled";
        }
        return null;
    }
}
