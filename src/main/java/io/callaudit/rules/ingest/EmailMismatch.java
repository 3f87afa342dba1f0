package io.callaudit.rules.ingest;

import io.callaudit.model.IngestionUser;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.CallRule;
import io.callaudit.rules.Fact;
import io.callaudit.rules.Localized;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Sensitive;
import io.callaudit.rules.Severity;
import java.util.List;

/**
 * The platform matches the agent's email exactly against its users (seed 002 §1). A near miss (other case,
 * other domain) is named, since that is what the user will have to fix. A call nobody answered and nobody
 * was assigned has no agent to match, and is not reported.
 */
@RuleSpec(id = "ingest.email-mismatch", severity = Severity.WARNING, seed = Seed.AIRSPEED)
public final class EmailMismatch implements CallRule {

    @Override
    public void check(CallContext ctx) {
        String email = ctx.call().userEmail();
        if (ctx.call().sharedLine() || ctx.ingestionUser() != null) {
            return;
        }
        if (email == null) {
            if (!ctx.neverAnswered()) {
                ctx.report("-", Localized.of("hint.no-email"));
            }
            return;
        }
        ctx.report(Sensitive.email(email), hint(email, ctx));
    }

    private static Localized hint(String email, CallContext ctx) {
        String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        for (IngestionUser user : ctx.profile().ingestion().users()) {
            if (user.email() != null && user.email().equalsIgnoreCase(email)) {
                return Localized.of("hint.email-case", Sensitive.email(user.email()));
            }
        }
        for (IngestionUser user : ctx.profile().ingestion().users()) {
            String other = user.email() == null ? "" : user.email();
            int at = other.indexOf('@');
            if (at > 0 && other.substring(0, at).equalsIgnoreCase(local)) {
                return Localized.of("hint.email-domain", Sensitive.email(other));
            }
        }
        return Localized.of("hint.email-unknown");
    }

    @Override
    public List<Fact> facts(CallContext ctx) {
        return List.of(
                Fact.of("user_email", Sensitive.email(ctx.call().userEmail())),
                Fact.of("exact platform user", ctx.ingestionUser() != null));
    }
}
