package io.callaudit.rules.input;

import io.callaudit.rules.InputRule;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;

/**
 * A call with no link yet that is too recent to judge: it has not ended (Aircall's {@code call.created} and
 * {@code call.answered} carry {@code ended_at: null}), or ended less than the provider's recording delay
 * before the audit clock (Aircall's {@code call.ended} comes about 30 s after hang-up, once the recording
 * exists; Exotel says {@code RecordingAvailableBy}). Only the engine knows the clock and the stream, so it
 * raises this; it is information, never a failing verdict.
 */
@RuleSpec(id = "input.pending-call", severity = Severity.INFO, seed = Seed.AIRCALL)
public final class PendingCall implements InputRule {}
