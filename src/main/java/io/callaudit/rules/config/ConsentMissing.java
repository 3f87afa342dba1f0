package io.callaudit.rules.config;

import io.callaudit.model.FlowConfig;
import io.callaudit.model.Provider;
import io.callaudit.model.RecordingSettings;
import io.callaudit.rules.Localized;
import io.callaudit.rules.ProfileContext;
import io.callaudit.rules.ProfileRule;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;

/**
 * Most jurisdictions require telling callers they are recorded (seed 004, "Compliance Considerations").
 * On Exotel, where the seed expects a greeting, leaving it unset counts as missing; elsewhere only an
 * explicit {@code false} is reported.
 */
@RuleSpec(id = "config.consent-missing", severity = Severity.WARNING, seed = Seed.EXOTEL)
public final class ConsentMissing implements ProfileRule {

    @Override
    public void check(ProfileContext ctx) {
        RecordingSettings rec = ctx.profile().recording();
        boolean expected = ctx.profile().provider() == Provider.EXOTEL;
        boolean accountMissing = missing(rec.consentGreeting(), expected);
        if (rec.enabledOrDefault() && accountMissing) {
            ctx.report("recording.consent_greeting", Localized.of("hint.account"));
        }
        for (FlowConfig flow : ctx.profile().flows()) {
            boolean records = flow.record() != null ? flow.record() : rec.enabledOrDefault();
            boolean flowMissing = flow.consentGreeting() != null
                    ? !flow.consentGreeting()
                    : accountMissing && !rec.enabledOrDefault();
            if (records && flowMissing) {
                ctx.report(flow.key() + ".consent_greeting", Localized.of("hint.flow", flow.id()));
            }
        }
    }

    private static boolean missing(Boolean greeting, boolean expected) {
        return greeting == null ? expected : !greeting;
    }
}
