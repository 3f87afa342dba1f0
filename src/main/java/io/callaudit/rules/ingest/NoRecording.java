package io.callaudit.rules.ingest;

import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Fact;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.util.List;

/** The downstream platform needs audio to process a call (seed 002 §4): nothing upstream, nothing to import. */
@RuleSpec(id = "ingest.no-recording", severity = Severity.INFO, seed = Seed.AIRSPEED)
public final class NoRecording implements CallRule {

    @Override
    public void check(CallContext ctx) {
        if (!ctx.recorded() || ctx.lost()) {
            ctx.report();
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(Fact.of("recording_url", ctx.recorded() ? "present" : "absent"), Fact.of("lost", ctx.lost()));
    }
}
