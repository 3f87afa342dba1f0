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
 * Without a profile, and with nothing in the call or the payload that explains it, a missing recording cannot
 * be judged: the switches that most often explain one (a number's recording, its inventory, retention) are in
 * the account's settings, which the audit did not see. Saying "every documented cause ruled out" there would
 * be a claim without evidence, so this says "not checkable" instead, at warning, where {@link Unexplained}
 * would say error with a profile.
 */
@RuleSpec(id = "gap.not-checkable", severity = Severity.WARNING, seed = Seed.AIRCALL, fallback = true)
public final class NotCheckable implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (!ctx.profile().applied() && !ctx.recorded() && !ctx.gapAccountedFor()) {
            Double talk = ctx.call().knownTalkSeconds();
            ctx.report(talk == null ? "?" : Messages.seconds(talk));
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of("profile", ctx.profile().applied() ? ctx.profile().file() : null),
                Fact.of("recording_url", ctx.recorded() ? "present" : "absent"),
                Fact.of("explained by an earlier step", ctx.gapAccountedFor()));
    }
}
