package io.callaudit.engine;

import io.callaudit.model.CallRecord;
import io.callaudit.model.Profile;
import io.callaudit.model.ReadResult;
import io.callaudit.rules.Effect;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleSet;
import io.callaudit.rules.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a profile change does: the configuration findings it adds and removes and, over a history of calls,
 * which calls it would stop recording, make lose their recording, or start recording. A reviewer sees the
 * consequence of a one-line YAML change in calls, not in keys.
 *
 * @param added profile findings the head has and the base has not
 * @param removed profile findings the base has and the head has not
 * @param addedCallFindings call findings that fire only under the head
 * @param impact per number, direction and flow; empty without calls
 */
public record ProfileDiff(
        Profile base,
        Profile head,
        List<Finding> added,
        List<Finding> removed,
        List<Finding> addedCallFindings,
        List<ImpactRow> impact,
        long callsCompared) {

    /** How a change affects the calls of one line, direction and flow. */
    public record ImpactRow(String number, String direction, String flow, long stop, long lose, long start) {
    }

    /**
     * Compares {@code base} and {@code head} over {@code calls} (already read; may be empty).
     */
    public static ProfileDiff compute(RuleSet rules, Profile base, Profile head, List<ReadResult> calls, Instant asOf,
            UnaryOperator<String> normaliser) {
        Auditor before = new Auditor(rules, base, asOf, normaliser);
        Auditor after = new Auditor(rules, head, asOf, normaliser);
        List<Finding> baseFindings = rules.checkProfile(base);
        List<Finding> headFindings = rules.checkProfile(head);
        List<Finding> added = minus(headFindings, baseFindings);
        List<Finding> removed = minus(baseFindings, headFindings);
        if (calls.isEmpty()) {
            return new ProfileDiff(base, head, added, removed, List.of(), List.of(), 0);
        }
        List<ReadResult> stripped = calls.stream()
                .map(r -> r instanceof ReadResult.Call c ? new ReadResult.Call(c.call().withoutRecording()) : r)
                .toList();
        AuditResult actualBefore = before.audit(calls);
        AuditResult actualAfter = after.audit(calls);
        Map<String, CallResult> recordableBefore = byId(before.audit(stripped));
        Map<String, CallResult> recordableAfter = byId(after.audit(stripped));
        Map<String, CallResult> lossBefore = byId(actualBefore);
        Map<String, long[]> rows = new LinkedHashMap<>();
        List<Finding> addedCallFindings = new ArrayList<>();
        for (CallResult now : actualAfter.calls()) {
            CallRecord call = now.call();
            boolean couldBefore = recordable(recordableBefore.get(call.id()));
            boolean couldAfter = recordable(recordableAfter.get(call.id()));
            boolean newLoss = lost(now) && !lost(lossBefore.get(call.id()));
            String key = String.join("\u0000", value(call.numberId() != null ? call.numberId() : call.numberDigits()),
                    call.direction() == null ? "-" : call.direction().wire(), value(call.flowId()));
            long[] counts = rows.computeIfAbsent(key, k -> new long[3]);
            counts[0] += couldBefore && !couldAfter ? 1 : 0;
            counts[1] += newLoss ? 1 : 0;
            counts[2] += !couldBefore && couldAfter ? 1 : 0;
            addedCallFindings.addAll(minus(now.findings(), lossBefore.get(call.id()).findings()));
        }
        List<ImpactRow> impact = new ArrayList<>();
        rows.forEach((key, c) -> {
            if (c[0] + c[1] + c[2] > 0) {
                String[] parts = key.split("\u0000", -1);
                impact.add(new ImpactRow(parts[0], parts[1], parts[2], c[0], c[1], c[2]));
            }
        });
        return new ProfileDiff(base, head, added, removed, addedCallFindings, impact, actualAfter.calls().size());
    }

    /** Added findings at or above {@code threshold}: the ones that fail the change. */
    public long failing(Severity threshold) {
        if (threshold == null) {
            return 0;
        }
        return added.stream().filter(f -> f.severity().atLeast(threshold)).count()
                + addedCallFindings.stream().filter(f -> f.severity().atLeast(threshold)).count();
    }

    public long stop() {
        return impact.stream().mapToLong(ImpactRow::stop).sum();
    }

    public long lose() {
        return impact.stream().mapToLong(ImpactRow::lose).sum();
    }

    public long start() {
        return impact.stream().mapToLong(ImpactRow::start).sum();
    }

    private static boolean recordable(CallResult stripped) {
        return stripped != null && stripped.findings().stream().noneMatch(f -> f.rule().configurable());
    }

    private static boolean lost(CallResult result) {
        return result != null && result.findings().stream().anyMatch(f -> f.rule().effect() == Effect.LOSS);
    }

    private static Map<String, CallResult> byId(AuditResult result) {
        Map<String, CallResult> map = new LinkedHashMap<>();
        for (CallResult c : result.calls()) {
            map.put(c.id(), c);
        }
        return map;
    }

    /** Findings of {@code a} with no finding of the same rule on the same entity in {@code b}. */
    private static List<Finding> minus(List<Finding> a, List<Finding> b) {
        Set<String> keys = new HashSet<>();
        for (Finding f : b) {
            keys.add(f.ruleId() + "\u0000" + f.entity());
        }
        return a.stream().filter(f -> !keys.contains(f.ruleId() + "\u0000" + f.entity())).toList();
    }

    private static String value(String s) {
        return s == null ? "-" : s;
    }
}
