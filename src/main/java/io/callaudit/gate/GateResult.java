package io.callaudit.gate;

import io.callaudit.engine.AuditResult;
import java.util.List;

/**
 * The audit after waivers and baseline, and the waivers that matched nothing.
 *
 * @param result the audit with suppressions, waiver findings ({@code waiver.expired}, {@code waiver.malformed})
 *     and stale baseline entries applied
 * @param unusedWaivers valid, unexpired waivers that match no finding of this run, in file order: not a
 *     problem in itself (the waived situation may simply not have occurred in this batch), but a hint for the
 *     reviewer that the exception may be obsolete, so reports list it apart from the findings
 */
public record GateResult(AuditResult result, List<Waiver> unusedWaivers) {

    public GateResult {
        unusedWaivers = List.copyOf(unusedWaivers);
    }
}
