package io.callaudit.rules.ingest;

import io.callaudit.model.IngestionUser;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Fact;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Sensitive;
import io.callaudit.rules.Severity;
import java.util.List;

/** Only users with a Recording seat have their calls imported (seed 002 §2). */
@RuleSpec(id = "ingest.no-recording-seat", severity = Severity.WARNING, seed = Seed.AIRSPEED)
public final class NoRecordingSeat implements CallRule {

    @Override
    public void check(CallContext ctx) {
        IngestionUser user = ctx.ingestionUser();
        if (user != null && !user.recordingSeat()) {
            ctx.report(Sensitive.email(user.email()), user.seat() == null ? "-" : user.seat());
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(Fact.of(
                "seat", ctx.ingestionUser() == null ? null : ctx.ingestionUser().seat()));
    }
}
