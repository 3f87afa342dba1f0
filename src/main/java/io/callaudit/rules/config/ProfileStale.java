package io.callaudit.rules.config;

import io.callaudit.model.NumberConfig;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Fact;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.util.List;

/**
 * The profile and the payload disagree about a line's recording switch (Aircall's number object carries
 * {@code live_recording_activated}, seed 000 §1: recording is set per number). The profile still decides the
 * verdict, since it is the reviewed statement of intent, but one of the two is out of date and a verdict built
 * on a stale profile is wrong: say so for each call it touches.
 */
@RuleSpec(id = "config.profile-stale", needsProfile = true, severity = Severity.WARNING, seed = Seed.AIRCALL)
public final class ProfileStale implements CallRule {

    /**
     * Aircall's switch is one per number, the profile's one per direction: {@code false} in the payload
     * contradicts a direction the profile records, but {@code true} only contradicts a profile that records
     * neither direction of the line.
     */
    @Override
    public void check(CallContext ctx) {
        CallContext.LineFact profile = ctx.profileRecording();
        CallContext.LineFact payload = ctx.payloadRecording();
        if (profile == null || payload == null || profile.value() == payload.value()) {
            return;
        }
        NumberConfig n = ctx.number();
        boolean recordsNeither = Boolean.FALSE.equals(n.recordInbound()) && Boolean.FALSE.equals(n.recordOutbound());
        if (!payload.value() || recordsNeither) {
            ctx.report(profile.where(), String.valueOf(profile.value()), payload.where(),
                    String.valueOf(payload.value()));
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        CallContext.LineFact profile = ctx.profileRecording();
        CallContext.LineFact payload = ctx.payloadRecording();
        return List.of(Fact.of("profile", profile == null ? null : profile.where() + "=" + profile.value()),
                Fact.of("payload", payload == null ? null : payload.where() + "=" + payload.value()));
    }
}
