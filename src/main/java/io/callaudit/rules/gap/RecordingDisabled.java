package io.callaudit.rules.gap;

import io.callaudit.model.CallRecord;
import io.callaudit.model.FlowConfig;
import io.callaudit.model.NumberConfig;
import io.callaudit.model.Provider;
import io.callaudit.model.SettingsConfig;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Effect;
import io.callaudit.rules.Fact;
import io.callaudit.rules.Localized;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.util.List;

/**
 * Recording was switched off for this call, at whichever level the provider switches it: per number and
 * direction (Aircall, seed 000 §1), not yet on when the call happened (seed 002 §4), the CTM configuration
 * (seed 003 §2), the Exotel account or flow, or the per-call {@code Record} flag (seed 004). The most specific
 * switch wins: a per-call {@code Record=true} overrides an account or flow that is off. Aircall voicemails are
 * not call recordings, so a number's call-recording switch does not explain a missing voicemail.
 */
@RuleSpec(
        id = "gap.recording-disabled",
        severity = Severity.WARNING,
        seed = Seed.AIRCALL,
        effect = Effect.EXPLAINS_GAP,
        configurable = true)
public final class RecordingDisabled implements CallRule {

    /**
     * Also on an unanswered call: "not answered" comes first, but a support engineer lists recording being off
     * too (the contract's own example gives both), since answering would not have produced a recording.
     */
    @Override
    public void check(CallContext ctx) {
        if (ctx.recorded() || (ctx.voicemail() && ctx.provider() == Provider.AIRCALL)) {
            return;
        }
        Object why = reason(ctx);
        if (why != null) {
            ctx.report(why);
        }
    }

    /**
     * The level that switched recording off, as a profile key or call field, or null. The line's switch
     * comes from the profile when it says, else from the payload; the argument says which.
     */
    private static Object reason(CallContext ctx) {
        CallRecord call = ctx.call();
        if (Boolean.FALSE.equals(call.recordRequested())) {
            return "record_requested=false";
        }
        Boolean profileSays = ctx.profileRecording();
        if (profileSays != null) {
            if (!profileSays) {
                return ctx.profileRecordingKey();
            }
        } else if (Boolean.FALSE.equals(ctx.payloadRecording())) {
            return Localized.of("hint.from-payload", ctx.payloadRecordingWhere());
        }
        NumberConfig number = ctx.number();
        if (number != null) {
            if (number.recordingEnabledAt() != null && call.startedAt().isBefore(number.recordingEnabledAt())) {
                return number.key() + ".recording_enabled_at";
            }
        }
        if (ctx.provider() == Provider.CTM) {
            SettingsConfig config = ctx.settingsConfig();
            if (config != null
                    && !config.recordings()
                    && (config.deletedAt() == null || config.deletedAt().isAfter(call.startedAt()))) {
                return "settings_configs[" + config.index() + "].recordings";
            }
        }
        if (Boolean.TRUE.equals(call.recordRequested())) {
            return null;
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

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of(
                        "direction",
                        ctx.call().direction() == null
                                ? null
                                : ctx.call().direction().wire()),
                Fact.of("record_requested", ctx.call().recordRequested()),
                Fact.of("number", ctx.number() == null ? null : ctx.number().key()),
                Fact.of("payload: number.live_recording_activated", ctx.payloadRecording()),
                Fact.of("flow", ctx.flow() == null ? null : ctx.flow().key()),
                Fact.of("recording.enabled", ctx.profile().recording().enabledOrDefault()));
    }
}
