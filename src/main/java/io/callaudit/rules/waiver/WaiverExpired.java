package io.callaudit.rules.waiver;

import io.callaudit.rules.InputRule;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;

/**
 * A waiver past its expiry stops suppressing and says so: a temporary exception must not become permanent
 * by nobody looking at it again.
 */
@RuleSpec(id = "waiver.expired", severity = Severity.WARNING, seed = Seed.DOMAIN)
public final class WaiverExpired implements InputRule {}
