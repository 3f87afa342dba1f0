package io.callaudit.rules.link;

import io.callaudit.model.Provider;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Fact;
import io.callaudit.rules.Localized;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Recording links are time-limited (Exotel: 24 h by default, seed 004 "Access Control"; Aircall's direct links
 * are presigned S3 URLs valid minutes to an hour): an old link is not a lost recording, the API hands out a
 * fresh one. Said only of recordings that still exist. A signed link's own query says when it expires
 * ({@link SignedLink}), which needs no profile; else the issue time and the profile's (or Exotel's) lifetime.
 */
@RuleSpec(id = "link.url-expired", severity = Severity.WARNING, seed = Seed.EXOTEL)
public final class UrlExpired implements CallRule {

    static final int EXOTEL_DEFAULT_TTL_HOURS = 24;

    @Override
    public void check(CallContext ctx) {
        if (!ctx.recorded() || ctx.lost()) {
            return;
        }
        Instant signed = SignedLink.expiry(ctx.call().recordingUrl());
        if (signed != null) {
            if (ctx.asOf().isAfter(signed)) {
                ctx.report(signed.toString(), Localized.of("hint.signed-link"));
            }
            return;
        }
        Instant issued = ctx.call().recordingCreatedAt();
        if (issued == null) {
            return;
        }
        Integer ttl = ctx.profile().recording().urlTtlHours();
        if (ttl == null && ctx.provider() == Provider.EXOTEL) {
            ttl = EXOTEL_DEFAULT_TTL_HOURS;
        }
        Instant expiry = ttl == null ? null : issued.plus(Duration.ofHours(ttl));
        if (expiry != null && ctx.asOf().isAfter(expiry)) {
            ctx.report(expiry.toString(), Localized.of("hint.link-lifetime", issued.toString(), ttl));
        }
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of("signed link expires", SignedLink.expiry(ctx.call().recordingUrl())),
                Fact.of("recording_created_at", ctx.call().recordingCreatedAt()),
                Fact.of("recording.url_ttl_hours", ctx.profile().recording().urlTtlHours()),
                Fact.of("as_of", ctx.asOf()));
    }
}
