package io.callaudit.engine;

import io.callaudit.model.CallRecord;
import io.callaudit.model.Profile;
import io.callaudit.model.ReadResult;
import io.callaudit.rules.Effect;
import io.callaudit.rules.Family;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleInfo;
import io.callaudit.rules.RuleSet;
import io.callaudit.rules.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a profile change does: the configuration findings it adds and removes and, over a history of calls,
 * which calls it would stop recording, make lose their recording, start recording, or stop ingesting. A
 * reviewer sees the consequence of a one-line YAML change in calls, not in keys.
 *
 * <p>The history is evidence of what the change would do, not a list of faults to re-judge: a past call
 * that has no recording had none under either profile, and a change cannot alter that. So a call finding
 * counts against the change only when the head makes that call worse (stops its recording, loses it, or
 * stops its ingestion); a change that only starts recording calls passes.
 *
 * @param added profile findings the head has and the base has not
 * @param removed profile findings the base has and the head has not
 * @param addedCallFindings findings the head adds on the calls it makes worse, one group per rule
 * @param impact per number, direction and flow; empty without calls
 */
public record ProfileDiff(
        Profile base,
        Profile head,
        List<Finding> added,
        List<Finding> removed,
        List<CallFindingGroup> addedCallFindings,
        List<ImpactRow> impact,
        long callsCompared) {

    /**
     * How a change affects the calls of one line, direction and flow.
     *
     * @param digits true when {@code number} is the dialled number itself (personal data), not an inventory id
     * @param unIngest calls the downstream platform ingested under the base and would skip under the head
     */
    public record ImpactRow(
            String number,
            boolean digits,
            String direction,
            String flow,
            long stop,
            long lose,
            long start,
            long unIngest) {}

    /**
     * One rule the change makes fire on calls it makes worse, with the calls and lines behind it.
     *
     * @param numbers the lines of those calls, as {@link ImpactRow#number()}; {@code digits} says which are
     *     dialled numbers
     */
    public record CallFindingGroup(
            RuleInfo rule, Severity severity, List<String> callIds, List<String> numbers, Set<String> digits) {}

    /**
     * Compares {@code base} and {@code head} over {@code calls} (already read; may be empty).
     */
    public static ProfileDiff compute(
            RuleSet rules,
            Profile base,
            Profile head,
            List<ReadResult> calls,
            Instant asOf,
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
                .map(r -> r instanceof ReadResult.Call c
                        ? new ReadResult.Call(c.call().withoutRecording())
                        : r)
                .toList();
        AuditResult actualAfter = after.audit(calls);
        Map<String, CallResult> actualBefore = byId(before.audit(calls));
        Map<String, CallResult> recordableBefore = byId(before.audit(stripped));
        Map<String, CallResult> recordableAfter = byId(after.audit(stripped));
        Map<String, long[]> rows = new LinkedHashMap<>();
        Map<String, Boolean> rowDigits = new LinkedHashMap<>();
        Map<String, Grouping> groups = new LinkedHashMap<>();
        for (CallResult now : actualAfter.calls()) {
            CallRecord call = now.call();
            CallResult then = actualBefore.get(call.id());
            CallResult couldThen = recordableBefore.get(call.id());
            CallResult couldNow = recordableAfter.get(call.id());
            boolean couldBefore = recordable(couldThen);
            boolean couldAfter = recordable(couldNow);
            boolean stop = couldBefore && !couldAfter;
            boolean lose = lost(now) && !lost(then);
            boolean unIngest = "ingested".equals(then.ingestVerdict()) && "skipped".equals(now.ingestVerdict());
            boolean digits = call.numberId() == null && call.numberDigits() != null;
            String number = value(call.numberId() != null ? call.numberId() : call.numberDigits());
            String key = String.join(
                    "\u0000",
                    number,
                    call.direction() == null ? "-" : call.direction().wire(),
                    value(call.flowId()));
            rowDigits.putIfAbsent(key, digits);
            long[] counts = rows.computeIfAbsent(key, k -> new long[4]);
            counts[0] += stop ? 1 : 0;
            counts[1] += lose ? 1 : 0;
            counts[2] += !couldBefore && couldAfter ? 1 : 0;
            counts[3] += unIngest ? 1 : 0;
            List<Finding> worse = new ArrayList<>();
            if (stop) {
                // The stripped audit says why the head would not record the call (a recorded call shows no gap).
                worse.addAll(minus(couldNow.findings(), couldThen.findings()).stream()
                        .filter(f -> f.rule().configurable())
                        .toList());
            }
            if (lose) {
                worse.addAll(minus(now.findings(), then.findings()).stream()
                        .filter(f -> f.rule().effect() == Effect.LOSS)
                        .toList());
            }
            if (unIngest) {
                worse.addAll(minus(now.findings(), then.findings()).stream()
                        .filter(f -> f.rule().family() == Family.INGEST)
                        .toList());
            }
            for (Finding f : worse) {
                groups.computeIfAbsent(f.ruleId(), id -> new Grouping(f.rule(), f.severity()))
                        .add(call.id(), number, digits);
            }
        }
        List<ImpactRow> impact = new ArrayList<>();
        rows.forEach((key, c) -> {
            if (c[0] + c[1] + c[2] + c[3] > 0) {
                String[] parts = key.split("\u0000", -1);
                impact.add(new ImpactRow(parts[0], rowDigits.get(key), parts[1], parts[2], c[0], c[1], c[2], c[3]));
            }
        });
        List<CallFindingGroup> addedCallFindings = groups.values().stream()
                .sorted(Comparator.comparingInt(g -> rules.precedence(g.rule.id())))
                .map(Grouping::group)
                .toList();
        return new ProfileDiff(
                base,
                head,
                added,
                removed,
                addedCallFindings,
                impact,
                actualAfter.calls().size());
    }

    /**
     * What fails the change: every call it stops recording, loses or stops ingesting, and every profile
     * finding it adds at or above {@code threshold}. Calls count at any threshold because losing a recording
     * is the harm the gate exists to catch; only {@code never} (a null threshold) reports without failing.
     */
    public long failing(Severity threshold) {
        if (threshold == null) {
            return 0;
        }
        return failingFindings(threshold) + stop() + lose() + unIngest();
    }

    /** Profile findings the change adds at or above {@code threshold}. */
    public long failingFindings(Severity threshold) {
        if (threshold == null) {
            return 0;
        }
        return added.stream().filter(f -> f.severity().atLeast(threshold)).count();
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

    public long unIngest() {
        return impact.stream().mapToLong(ImpactRow::unIngest).sum();
    }

    private static final class Grouping {
        private final RuleInfo rule;
        private final Severity severity;
        private final Set<String> calls = new LinkedHashSet<>();
        private final Set<String> numbers = new LinkedHashSet<>();
        private final Set<String> digits = new HashSet<>();

        Grouping(RuleInfo rule, Severity severity) {
            this.rule = rule;
            this.severity = severity;
        }

        void add(String callId, String number, boolean isDigits) {
            calls.add(callId);
            numbers.add(number);
            if (isDigits) {
                digits.add(number);
            }
        }

        CallFindingGroup group() {
            return new CallFindingGroup(rule, severity, List.copyOf(calls), List.copyOf(numbers), Set.copyOf(digits));
        }
    }

    /**
     * Whether a profile would record the call: stripped of its recording, nothing explains the gap, neither a
     * setting nor a fact of the call. An unanswered call is never recordable, whatever the profile says about
     * its line, so a change to that line neither stops nor starts recording it.
     */
    private static boolean recordable(CallResult stripped) {
        return stripped != null
                && stripped.findings().stream()
                        .noneMatch(f -> f.rule().configurable()
                                || (f.rule().effect() == Effect.EXPLAINS_GAP
                                        && !f.rule().fallback()));
    }

    private static boolean lost(CallResult result) {
        return result != null
                && result.findings().stream().anyMatch(f -> f.rule().effect() == Effect.LOSS);
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
        return a.stream()
                .filter(f -> !keys.contains(f.ruleId() + "\u0000" + f.entity()))
                .toList();
    }

    private static String value(String s) {
        return s == null ? "-" : s;
    }
}
