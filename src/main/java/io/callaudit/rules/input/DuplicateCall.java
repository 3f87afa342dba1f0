package io.callaudit.rules.input;

import io.callaudit.rules.InputRule;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;

/**
 * The same call id twice outside a webhook stream: the last record wins and the call is audited once, but
 * an export that repeats calls usually means overlapping pages or files.
 */
@RuleSpec(id = "input.duplicate-call", severity = Severity.WARNING, seed = Seed.DOMAIN)
public final class DuplicateCall implements InputRule {}
