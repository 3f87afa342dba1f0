package io.callaudit.engine;

import io.callaudit.model.CallRecord;
import io.callaudit.model.FlowConfig;
import io.callaudit.model.LineEvent;
import io.callaudit.model.NumberConfig;
import io.callaudit.model.Profile;
import io.callaudit.model.ReadResult;
import io.callaudit.model.Rejection;
import io.callaudit.rules.CallContext;
import io.callaudit.rules.Effect;
import io.callaudit.rules.Finding;
import io.callaudit.rules.Localized;
import io.callaudit.rules.ProviderFacts;
import io.callaudit.rules.RuleSet;
import io.callaudit.rules.Sensitive;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs the whole checklist over one batch: collapses webhook events and duplicates to one call each,
 * finds parallel legs, applies every rule in precedence order, and decides each call's outcome.
 *
 * <p>The batch streams through a {@link CallWindow}: a call is audited once no record still to come can
 * change it (a later webhook event, a duplicate, the first leg of a parallel call), so memory follows the
 * window, not the batch.
 */
public final class Auditor {

    private final RuleSet rules;
    private final Profile profile;
    private final Instant asOf;
    private final NumberIndex numbers;
    private final Map<String, FlowConfig> flows = new HashMap<>();
    private final Supplier<ResultStore> store;
    /** What the input's own line events said, by line id, as far as the stream has got. */
    private final Map<String, LineEvent> lines = new HashMap<>();

    /**
     * @param asOf the audit clock for retention and link expiry
     * @param digitsNormaliser maps a phone number as written to a comparable key, or null when it cannot
     */
    public Auditor(RuleSet rules, Profile profile, Instant asOf, UnaryOperator<String> digitsNormaliser) {
        this(rules, profile, asOf, digitsNormaliser, ResultStore::inMemory);
    }

    /** @param store where results go as calls leave the window; one store per audit */
    public Auditor(
            RuleSet rules,
            Profile profile,
            Instant asOf,
            UnaryOperator<String> digitsNormaliser,
            Supplier<ResultStore> store) {
        this.store = store;
        this.rules = rules;
        this.profile = profile;
        this.asOf = asOf;
        this.numbers = new NumberIndex(profile, digitsNormaliser);
        for (FlowConfig f : profile.flows()) {
            flows.put(f.id(), f);
        }
    }

    /** Audits every record of {@code input}; the caller owns and closes the underlying readers. */
    public AuditResult audit(Iterable<ReadResult> input) {
        ResultStore results = store.get();
        Tally tally = new Tally(profile.timezone());
        Streamed streamed = stream(input, (call, holder, duplicates) -> {
            CallResult result = auditCall(call, holder, duplicates);
            tally.add(result);
            results.add(result);
        });
        return new AuditResult(
                profile,
                asOf,
                streamed.read(),
                streamed.superseded(),
                streamed.skipped(),
                rules.checkProfile(profile),
                results.seal(),
                streamed.rejected(),
                streamed.inputFindings(),
                Map.of(),
                List.of(),
                false,
                tally);
    }

    /**
     * The checklist for one call of the batch, step by step; the whole batch is read because a parallel leg
     * and the duplicates of a call depend on the rest of it.
     *
     * @return null when no call has that id
     */
    public Explanation explain(Iterable<ReadResult> input, String callId) {
        Explanation[] found = new Explanation[1];
        stream(input, (call, holder, duplicates) -> {
            if (call.id().equals(callId)) {
                found[0] =
                        new Explanation(auditCall(call, holder, duplicates), rules.explainCall(context(call, holder)));
            }
        });
        return found[0];
    }

    /** What reading the batch produced besides the calls themselves. */
    private record Streamed(
            long read,
            long superseded,
            List<Rejection> rejected,
            List<Finding> inputFindings,
            Map<String, Long> skipped) {}

    private Streamed stream(Iterable<ReadResult> input, CallWindow.Sink sink) {
        long read = 0;
        List<Rejection> rejected = new ArrayList<>();
        List<Finding> inputFindings = new ArrayList<>();
        Map<String, Long> skipped = new TreeMap<>();
        CallWindow window = new CallWindow(rules, CallWindow.DEFAULT_SECONDS, sink);
        for (ReadResult r : input) {
            read++;
            if (r instanceof ReadResult.Call c) {
                window.add(c.call());
            } else if (r instanceof ReadResult.Rejected rej) {
                rejected.add(rej.rejection());
                inputFindings.add(rules.inputFinding(
                        "input.rejected-record", null, rej.rejection().source(), rejectionArg(rej.rejection())));
            } else if (r instanceof ReadResult.Skipped s) {
                skipped.merge(s.kind(), 1L, Long::sum);
            } else if (r instanceof ReadResult.Line l) {
                skipped.merge(l.event().kind(), 1L, Long::sum);
                learn(l.event());
            }
        }
        window.finish();
        inputFindings.addAll(window.lateDuplicates());
        return new Streamed(read, window.superseded(), rejected, inputFindings, skipped);
    }

    /**
     * Keeps what a line event says, merged with what earlier events said of the same line: a
     * {@code number.updated} after a {@code number.deleted} does not bring the line back.
     */
    private void learn(LineEvent e) {
        if (e.numberId() == null) {
            return;
        }
        lines.merge(
                e.numberId(),
                e,
                (old, now) -> new LineEvent(
                        now.kind(),
                        now.numberId(),
                        now.recording() != null ? now.recording() : old.recording(),
                        old.deletedAt() != null ? old.deletedAt() : now.deletedAt(),
                        now.source()));
    }

    /**
     * A rejection as its finding's message argument: the value it quotes is data from the batch, so it goes in
     * as {@link Sensitive} and a report under {@code --redact} masks it like any phone number.
     */
    private static Object rejectionArg(Rejection rejection) {
        Rejection bare = new Rejection(rejection.source(), rejection.field(), rejection.problem());
        return rejection.value() == null
                ? bare.describe()
                : Localized.of("input.rejected-record.detail", bare.describe(), Sensitive.value(rejection.value()));
    }

    private CallContext context(CallRecord call, String parallelHolder) {
        NumberConfig number = numbers.find(call);
        boolean listed = number != null || !NumberIndex.namesALine(call);
        FlowConfig flow = call.flowId() == null ? null : flows.get(call.flowId());
        LineEvent line = call.numberId() == null || lines.isEmpty() ? null : lines.get(call.numberId());
        return new CallContext(
                call, profile, asOf, new CallContext.Lookups(number, listed, flow, parallelHolder, line));
    }

    private CallResult auditCall(CallRecord call, String parallelHolder, List<Finding> duplicates) {
        if (!call.ended() && !call.hasRecording()) {
            return pending(call, Localized.of("hint.not-ended"), duplicates);
        }
        List<Finding> findings = new ArrayList<>(rules.checkCall(context(call, parallelHolder)));
        Outcome outcome = outcome(call, findings);
        if (outcome == Outcome.UNEXPLAINED_GAP && call.ended()) {
            Instant due = recordingDue(call);
            if (asOf.isBefore(due)) {
                return pending(call, Localized.of("hint.recording-due", due.toString()), duplicates);
            }
        }
        findings.addAll(duplicates);
        return new CallResult(call, outcome, findings, profile.ingestionConfigured());
    }

    /**
     * A call too recent to judge keeps no gap reason: the reasons of a call still ringing (unanswered, zero
     * talk) would be wrong once it ends, and a link may still come.
     */
    private CallResult pending(CallRecord call, Localized why, List<Finding> duplicates) {
        List<Finding> findings = new ArrayList<>(duplicates.size() + 1);
        findings.add(rules.inputFinding("input.pending-call", call.id(), call.source(), why));
        findings.addAll(duplicates);
        return new CallResult(call, Outcome.PENDING, findings, profile.ingestionConfigured());
    }

    /**
     * When the recording should exist: the provider's word for this call ({@code RecordingAvailableBy}),
     * else the end plus the profile's or the provider's documented delay.
     */
    private Instant recordingDue(CallRecord call) {
        if (call.recordingAvailableBy() != null) {
            return call.recordingAvailableBy();
        }
        Integer delay = profile.recording().availabilityDelaySeconds();
        return call.endedAt()
                .plusSeconds(
                        delay != null
                                ? delay
                                : ProviderFacts.of(profile.provider()).recordingDelaySeconds());
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
