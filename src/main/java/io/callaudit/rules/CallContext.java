package io.callaudit.rules;

import io.callaudit.model.CallRecord;
import io.callaudit.model.CallStatus;
import io.callaudit.model.FlowConfig;
import io.callaudit.model.IngestionUser;
import io.callaudit.model.LineEvent;
import io.callaudit.model.NumberConfig;
import io.callaudit.model.Profile;
import io.callaudit.model.Provider;
import io.callaudit.model.SettingsConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a call rule sees: the call, the profile, and the lookups the engine resolved for it (number,
 * flow, CTM configuration, the parallel leg holding the recording). Rules report through it; the
 * context remembers what fired so later rules in precedence order can build on earlier ones.
 */
public final class CallContext {

    private final CallRecord call;
    private final Profile profile;
    private final Instant asOf;
    private final Lookups lookups;
    private final List<Finding> findings = new ArrayList<>();
    private RuleInfo current;

    /**
     * What the engine resolved for the call before the rules run.
     *
     * @param number the inventory entry for the call's line, or null
     * @param numberListed false when the call names a line the inventory does not list
     * @param flow the flow override, or null
     * @param parallelHolderId the earlier overlapping call of the same agent, or null
     * @param lineEvent what the input's own events last said of the call's line ({@code number.updated},
     *     {@code number.deleted}), or null
     */
    public record Lookups(
            NumberConfig number, boolean numberListed, FlowConfig flow, String parallelHolderId, LineEvent lineEvent) {

        public Lookups(NumberConfig number, boolean numberListed, FlowConfig flow, String parallelHolderId) {
            this(number, numberListed, flow, parallelHolderId, null);
        }

        public static Lookups none() {
            return new Lookups(null, true, null, null, null);
        }
    }

    public CallContext(CallRecord call, Profile profile, Instant asOf, Lookups lookups) {
        this.call = call;
        this.profile = profile;
        this.asOf = asOf;
        this.lookups = lookups;
    }

    public CallRecord call() {
        return call;
    }

    public Profile profile() {
        return profile;
    }

    public Provider provider() {
        return profile.provider();
    }

    public ProviderFacts facts() {
        return ProviderFacts.of(profile.provider());
    }

    public Instant asOf() {
        return asOf;
    }

    public NumberConfig number() {
        return lookups.number();
    }

    public boolean numberListed() {
        return lookups.numberListed();
    }

    public FlowConfig flow() {
        return lookups.flow();
    }

    public String parallelHolderId() {
        return lookups.parallelHolderId();
    }

    /** The input's latest event about the call's line, or null. */
    public LineEvent lineEvent() {
        return lookups.lineEvent();
    }

    /**
     * Whether the profile switches recording on for the call's line and direction, or null when it does not
     * say (no profile, the line not listed, the switch not written). Asked for every call: allocates nothing.
     */
    public Boolean profileRecording() {
        NumberConfig n = number();
        if (!profile.applied() || n == null || call.direction() == null) {
            return null;
        }
        return n.recordFlag(call.direction());
    }

    /** The profile key {@link #profileRecording()} read, for a finding. */
    public String profileRecordingKey() {
        return number().key() + ".record_" + call.direction().wire();
    }

    /**
     * Whether the payload says the line records: the call's own line object first (Aircall's
     * {@code number.live_recording_activated}), else the input's latest event about the line; null when
     * neither says. Asked for every call: allocates nothing.
     */
    public Boolean payloadRecording() {
        if (call.lineRecording() != null) {
            return call.lineRecording();
        }
        LineEvent e = lineEvent();
        return e == null ? null : e.recording();
    }

    /** Where {@link #payloadRecording()} was read: the field and the record, for a finding. */
    public String payloadRecordingWhere() {
        if (call.lineRecording() != null) {
            return "number.live_recording_activated" + (call.source() == null ? "" : " @ " + call.source());
        }
        LineEvent e = lineEvent();
        return e.kind() + " live_recording_activated" + (e.source() == null ? "" : " @ " + e.source());
    }

    /** The CTM configuration assigned to the call's number, if it exists in the profile. */
    public SettingsConfig settingsConfig() {
        NumberConfig n = number();
        if (n == null || n.settings() == null) {
            return null;
        }
        for (SettingsConfig c : profile.settingsConfigs()) {
            if (c.name().equals(n.settings())) {
                return c;
            }
        }
        return null;
    }

    /** The downstream user whose email is exactly the agent's, or null. */
    public IngestionUser ingestionUser() {
        if (!profile.ingestionConfigured() || call.userEmail() == null) {
            return null;
        }
        for (IngestionUser u : profile.ingestion().users()) {
            if (call.userEmail().equals(u.email())) {
                return u;
            }
        }
        return null;
    }

    public boolean recorded() {
        return call.hasRecording();
    }

    /**
     * Nobody (no agent, no voicemail) picked up. An explicit status wins; without one, a missing answer
     * time means unanswered.
     */
    public boolean neverAnswered() {
        CallStatus s = call.status();
        if (s == null) {
            return call.answeredAt() == null;
        }
        return switch (s) {
            case ANSWERED, VOICEMAIL -> false;
            case MISSED, BUSY, FAILED, NO_ANSWER, ABANDONED -> true;
        };
    }

    public boolean voicemail() {
        return call.status() == CallStatus.VOICEMAIL;
    }

    /** Reports the current rule on this call. */
    public void report(Object... args) {
        findings.add(new Finding(
                current,
                current.severity(),
                List.of(args),
                call.id(),
                numberKey(),
                call.flowId(),
                call.source(),
                null));
    }

    private String numberKey() {
        if (number() != null && number().id() != null) {
            return number().id();
        }
        return call.numberId() != null ? call.numberId() : call.numberDigits();
    }

    /** True when an earlier rule in precedence order fired on this call. */
    public boolean fired(String ruleId) {
        for (Finding f : findings) {
            if (f.ruleId().equals(ruleId)) {
                return true;
            }
        }
        return false;
    }

    /** True when a rule of {@code family} already fired on this call. */
    public boolean fired(Family family) {
        for (Finding f : findings) {
            if (f.rule().family() == family) {
                return true;
            }
        }
        return false;
    }

    /** True when something already fired that explains the missing recording or says it was lost. */
    public boolean gapAccountedFor() {
        for (Finding f : findings) {
            if (f.rule().effect() != Effect.NONE) {
                return true;
            }
        }
        return false;
    }

    /** True when a non-fallback gap rule explains the missing recording. */
    public boolean gapExplainedByEvidence() {
        for (Finding f : findings) {
            if (f.rule().effect() == Effect.EXPLAINS_GAP && !f.rule().fallback()) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the call has a recording link, or looks as if it should have had one (answered, and no
     * evidence explains a gap): the calls a loss of audio actually affects.
     */
    public boolean mayHaveHadRecording() {
        return recorded() || (!neverAnswered() && !gapExplainedByEvidence());
    }

    /** True when a rule that says the audio is gone already fired. */
    public boolean lost() {
        for (Finding f : findings) {
            if (f.rule().effect() == Effect.LOSS) {
                return true;
            }
        }
        return false;
    }

    void enter(RuleInfo rule) {
        this.current = rule;
    }

    public List<Finding> findings() {
        return findings;
    }
}
