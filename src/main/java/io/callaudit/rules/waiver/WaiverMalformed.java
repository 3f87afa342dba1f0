package io.callaudit.rules.waiver;

import io.callaudit.rules.InputRule;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;

/**
 * A waiver missing its rule, target, reason, owner or expiry (or naming an unknown rule) suppresses nothing:
 * an unreviewable exception is no exception.
 */
@RuleSpec(id = "waiver.malformed", severity = Severity.ERROR, seed = Seed.DOMAIN)
public final class WaiverMalformed implements InputRule {}
