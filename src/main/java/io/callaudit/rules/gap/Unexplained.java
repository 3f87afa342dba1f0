package io.callaudit.rules.gap;

import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Fact;
import io.callaudit.rules.Messages;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.util.List;

/**
 * No recording and no documented reason: the seeds' checklist is exhausted, so this is for the provider's
 * support (seed 000, "Still need help?" in 002). Never fires when a reason or a loss explains the call.
 */
@RuleSpec(id = "gap.unexplained", needsProfile = true, severity = Severity.ERROR, seed = Seed.AIRCALL, fallback = true)
public final class Unexplained implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (!ctx.recorded() && !ctx.gapAccountedFor()) {
            Double talk = ctx.call().knownTalkSeconds();
            ctx.report(talk == null ? "?" : Messages.seconds(talk));
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of("recording_url", ctx.recorded() ? "present" : "absent"),
                Fact.of("explained by an earlier step", ctx.gapAccountedFor()));
    }
}
