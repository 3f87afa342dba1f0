package io.callaudit.rules.link;

import io.callaudit.model.Provider;
import java.time.Duration;
import java.time.Instant;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;

/**
 * Recording links are time-limited (Exotel: 24 h by default, seed 004 "Access Control"): an old link is
 * not a lost recording, the API hands out a fresh one.
 */
@RuleSpec(id = "link.url-expired", severity = Severity.WARNING, seed = Seed.EXOTEL)
public final class UrlExpired implements CallRule {

    static final int EXOTEL_DEFAULT_TTL_HOURS = 24;

    @Override
    public void check(CallContext ctx) {
        Instant issued = ctx.call().recordingCreatedAt();
        if (!ctx.recorded() || issued == null) {
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
}
