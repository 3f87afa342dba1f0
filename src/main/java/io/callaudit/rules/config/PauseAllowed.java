package io.callaudit.rules.config;

import io.callaudit.model.NumberConfig;
import io.callaudit.model.Provider;
import io.callaudit.rules.ProfileContext;
import io.callaudit.rules.ProfileRule;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;

/**
 * "Allow the user to start and pause recording" means a paused call may have no recording (seed 000 §1,
 * "Note"): worth knowing before it ships.
 */
@RuleSpec(id = "config.pause-allowed", severity = Severity.INFO, seed = Seed.AIRCALL, providers = Provider.AIRCALL)
public final class PauseAllowed implements ProfileRule {

    @Override
    public void check(ProfileContext ctx) {
        for (NumberConfig number : ctx.profile().numbers()) {
            if (number.pauseAllowed()) {
                ctx.report(number.key() + ".allow_user_pause", number.id() == null ? number.key() : number.id());
            }
        }
    }
}
