package io.callaudit.rules.link;

import io.callaudit.model.Provider;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Fact;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Recording links are time-limited (Exotel: 24 h by default, seed 004 "Access Control"): an old link is
 * not a lost recording, the API hands out a fresh one. Said only of recordings that still exist.
 */
@RuleSpec(id = "link.url-expired", severity = Severity.WARNING, seed = Seed.EXOTEL)
public final class UrlExpired implements CallRule {

    static final int EXOTEL_DEFAULT_TTL_HOURS = 24;

    @Override
    public void check(CallContext ctx) {
        Instant issued = ctx.call().recordingCreatedAt();
        if (!ctx.recorded() || issued == null || ctx.lost()) {
            return;
        }
        Integer ttl = ctx.profile().recording().urlTtlHours();
        if (ttl == null && ctx.provider() == Provider.EXOTEL) {
            ttl = EXOTEL_DEFAULT_TTL_HOURS;
        }
        if (ttl != null && ctx.asOf().isAfter(issued.plus(Duration.ofHours(ttl)))) {
            ctx.report(issued.toString(), ttl);
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(Fact.of("recording_created_at", ctx.call().recordingCreatedAt()),
                Fact.of("recording.url_ttl_hours", ctx.profile().recording().urlTtlHours()), Fact.of("as_of", ctx.asOf()));
    }
}
