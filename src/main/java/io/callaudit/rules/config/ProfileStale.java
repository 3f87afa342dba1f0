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
        Boolean payload = ctx.payloadRecording();
        if (payload == null) {
            return;
        }
        Boolean profile = ctx.profileRecording();
        if (profile == null || profile.booleanValue() == payload.booleanValue()) {
            return;
        }
        NumberConfig n = ctx.number();
        boolean recordsNeither = Boolean.FALSE.equals(n.recordInbound()) && Boolean.FALSE.equals(n.recordOutbound());
        if (!payload || recordsNeither) {
            ctx.report(
                    ctx.profileRecordingKey(),
                    String.valueOf(profile),
                    ctx.payloadRecordingWhere(),
                    String.valueOf(payload));
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of("profile", ctx.profileRecording()),
                Fact.of("payload: number.live_recording_activated", ctx.payloadRecording()));
    }
}
