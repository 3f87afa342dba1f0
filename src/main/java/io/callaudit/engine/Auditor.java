package io.callaudit.engine;

import io.callaudit.model.CallRecord;
import io.callaudit.model.FlowConfig;
import io.callaudit.model.NumberConfig;
import io.callaudit.model.Profile;
import io.callaudit.model.ReadResult;
import io.callaudit.model.Rejection;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.Effect;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleSet;
import io.callaudit.rules.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Runs the whole checklist over one batch: collapses webhook events and duplicates to one call each,
 * finds parallel legs, applies every rule in precedence order, and decides each call's outcome.
 *
 * <p>Calls are held until the end of the batch because a parallel leg can only be judged once every
 * call of its agent has been seen, and because the last record of a duplicated id wins.
 */
public final class Auditor {

    private final RuleSet rules;
    private final Profile profile;
    private final Instant asOf;
    private final NumberIndex numbers;
    private final Map<String, FlowConfig> flows = new HashMap<>();

    /**
     * @param asOf the audit clock for retention and link expiry
     * @param digitsNormaliser maps a phone number as written to a comparable key, or null when it cannot
     */
    public Auditor(RuleSet rules, Profile profile, Instant asOf, UnaryOperator<String> digitsNormaliser) {
        this.rules = rules;
        this.profile = profile;
        this.asOf = asOf;
        this.numbers = new NumberIndex(profile, digitsNormaliser);
        for (FlowConfig f : profile.flows()) {
            flows.put(f.id(), f);
        }
    }

    /** A call as collected: the record that won, where the call first appeared, and its duplicates. */
    private static final class Pending {
        CallRecord record;
        final List<Finding> duplicates = new ArrayList<>(0);

        Pending(CallRecord record) {
            this.record = record;
        }
    }

    /** The batch after collapsing: one record per call id, in order of first appearance. */
    private record Collected(long read, long superseded, Map<String, Pending> calls, List<Rejection> rejected,
            List<Finding> inputFindings) {
    }

    /** Audits every record of {@code input}; the caller owns and closes the underlying readers. */
    public AuditResult audit(Iterable<ReadResult> input) {
        Collected c = collect(input);
        Map<String, String> holders = ParallelLegs.find(c.calls().values().stream().map(p -> p.record).toList());
        List<CallResult> results = new ArrayList<>(c.calls().size());
        for (Pending p : c.calls().values()) {
            results.add(auditCall(p.record, holders.get(p.record.id()), p.duplicates));
        }
        return new AuditResult(profile, asOf, c.read(), c.superseded(), rules.checkProfile(profile), results,
                c.rejected(), c.inputFindings());
    }

    /**
     * The checklist for one call of the batch, step by step; the whole batch is read because a parallel leg
     * depends on the agent's other calls.
     *
     * @return null when no call has that id
     */
    public Explanation explain(Iterable<ReadResult> input, String callId) {
        Collected c = collect(input);
        Pending p = c.calls().get(callId);
        if (p == null) {
            return null;
        }
        Map<String, String> holders = ParallelLegs.find(c.calls().values().stream().map(x -> x.record).toList());
        CallResult result = auditCall(p.record, holders.get(callId), p.duplicates);
        List<Step> steps = rules.explainCall(context(p.record, holders.get(callId)));
        return new Explanation(result, steps);
    }

    private Collected collect(Iterable<ReadResult> input) {
        long read = 0;
        long superseded = 0;
        Map<String, Pending> calls = new LinkedHashMap<>();
        List<Rejection> rejected = new ArrayList<>();
        List<Finding> inputFindings = new ArrayList<>();
        for (ReadResult r : input) {
            read++;
            if (r instanceof ReadResult.Rejected rej) {
                rejected.add(rej.rejection());
                inputFindings.add(rules.inputFinding("input.rejected-record", null, rej.rejection().source(),
                        rej.rejection().describe()));
                continue;
            }
            CallRecord call = ((ReadResult.Call) r).call();
            Pending seen = calls.get(call.id());
            if (seen == null) {
                calls.put(call.id(), new Pending(call));
                continue;
            }
            superseded++;
            CallRecord before = seen.record;
            if (before.webhook() != null && call.webhook() != null) {
                if (call.webhook().supersedes(before.webhook())) {
                    seen.record = call;
                }
            } else {
                seen.duplicates.add(rules.inputFinding("input.duplicate-call", call.id(), call.source(),
                        String.valueOf(before.source())));
                seen.record = call;
            }
        }
        return new Collected(read, superseded, calls, rejected, inputFindings);
    }

    private CallContext context(CallRecord call, String parallelHolder) {
        NumberConfig number = numbers.find(call);
        boolean listed = number != null || !NumberIndex.namesALine(call);
        FlowConfig flow = call.flowId() == null ? null : flows.get(call.flowId());
        return new CallContext(call, profile, asOf, new CallContext.Lookups(number, listed, flow, parallelHolder));
    }

    private CallResult auditCall(CallRecord call, String parallelHolder, List<Finding> duplicates) {
        List<Finding> findings = new ArrayList<>(rules.checkCall(context(call, parallelHolder)));
        findings.addAll(duplicates);
        return new CallResult(call, outcome(call, findings), findings, profile.ingestionConfigured());
    }

    static Outcome outcome(CallRecord call, List<Finding> findings) {
        boolean explained = false;
        for (Finding f : findings) {
            if (f.rule().effect() == Effect.LOSS) {
                return Outcome.LOST;
            }
            explained |= f.rule().effect() == Effect.EXPLAINS_GAP;
        }
        if (call.hasRecording()) {
            return Outcome.RECORDED;
        }
        return explained ? Outcome.EXPLAINED_GAP : Outcome.UNEXPLAINED_GAP;
    }
}
