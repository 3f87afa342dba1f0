package io.callaudit.rules.input;

import io.callaudit.rules.InputRule;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;

/** A record that could not be read as a call is reported, never silently dropped; the batch goes on. */
@RuleSpec(id = "input.rejected-record", severity = Severity.ERROR, seed = Seed.DOMAIN)
public final class RejectedRecord implements InputRule {}
