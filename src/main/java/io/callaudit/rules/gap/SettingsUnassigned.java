package io.callaudit.rules.gap;

import io.callaudit.model.NumberConfig;
import io.callaudit.model.Provider;
import io.callaudit.model.SettingsConfig;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Effect;
import io.callaudit.rules.Fact;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.util.List;

/**
 * A CTM tracking number records only through the call-settings configuration assigned to it; a number
 * assigned to none, or to one that was deleted, is not recorded (seed 003 §2).
 */
@RuleSpec(
        id = "gap.settings-unassigned",
        needsProfile = true,
        severity = Severity.WARNING,
        seed = Seed.CTM,
        providers = Provider.CTM,
        effect = Effect.EXPLAINS_GAP,
        configurable = true)
public final class SettingsUnassigned implements CallRule {

    @Override
    public void check(CallContext ctx) {
        NumberConfig number = ctx.number();
        if (ctx.recorded() || ctx.neverAnswered() || number == null) {
            return;
        }
        if (number.settings() == null) {
            ctx.report(number.id(), "-");
            return;
        }
        SettingsConfig config = ctx.settingsConfig();
        if (config == null
                || (config.deletedAt() != null
                        && !config.deletedAt().isAfter(ctx.call().startedAt()))) {
            ctx.report(number.id(), number.settings());
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of("provider", ctx.provider().wire()),
                Fact.of(
                        "number.settings",
                        ctx.number() == null ? null : ctx.number().settings()));
    }
}
