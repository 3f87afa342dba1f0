package io.callaudit.engine;

import io.callaudit.model.CallRecord;
import io.callaudit.model.CallStatus;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stretch of the batch that is still open: calls whose duplicates, later webhook events or parallel
 * partner may yet arrive. A call leaves the window, in input order, once the stream has moved a full window
 * past its start, so memory follows the window (hours of calls), not the batch (years of them).
 *
 * <p>Exports come in time order, ascending or descending, and webhook streams are ordered by event time,
 * which is at most a call's length away from its start. The window is sized for that: records out of order
 * by more than the window are still audited and still deduplicated (the {@link IdSet} remembers the last
 * million or more ids), but a duplicate that arrives after its call left keeps the first record instead of the
 * last, and a parallel leg whose first call arrives that late is not recognised.
 */
final class CallWindow {

    /** Receives each call as it leaves the window. */
    interface Sink {
        void accept(CallRecord call, String parallelHolder, List<Finding> duplicates);
    }

    /** Six hours: longer than Aircall's 4-hour recording limit, so a holder call is seen before its leg. */
    static final long DEFAULT_SECONDS = 6 * 3600;

    /**
     * How often calls that can no longer hold a parallel leg are forgotten. The sweep walks the window, so
     * running it rarely keeps it cheap; between sweeps an agent's list grows by a few calls at most.
     */
    static final int SWEEP_EVERY = 1024;

    private final RuleSet rules;
    private final long window;
    private final Sink sink;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    /** An agent's calls, by user id, or by email when the export names no id (two maps: the keys could clash). */
    private final Map<String, List<Pending>> agentsById = new HashMap<>();

    private final Map<String, List<Pending>> agentsByEmail = new HashMap<>();
    private final IdSet done = new IdSet();
    /**
     * The window's earliest and latest starts, as monotonic queues over its first-in-first-out order, so the
     * sweep knows them without walking the window: front = the extreme, each later entry beats all after it.
     */
    private final ArrayDeque<Pending> earliest = new ArrayDeque<>();

    private final ArrayDeque<Pending> latest = new ArrayDeque<>();
    private final List<Finding> lateDuplicates = new ArrayList<>();
    private long first = Long.MIN_VALUE;
    private long hi = Long.MIN_VALUE;
    private long lo = Long.MAX_VALUE;
    private long superseded;
    private long added;

    /** A call in the window: the record that currently wins, and what was said about its duplicates. */
    private static final class Pending {
        CallRecord record;
        final long start;
        /** The id's {@link IdSet} hash, computed once when the call arrives. */
        final long idHash;
        /** Millisecond bounds and the answered flag, kept for the parallel-leg scan, which runs per call. */
        long startMillis;

        long endMillis;
        boolean answered;
        /** Set when the call leaves the window; it may stay in its agent's list a while longer. */
        boolean left;

        List<Finding> duplicates = List.of();

        Pending(CallRecord record, long idHash) {
            this.start = record.startedAt().getEpochSecond();
            this.idHash = idHash;
            set(record);
        }

        void set(CallRecord r) {
            record = r;
            startMillis = r.startedAt().toEpochMilli();
            // A call still going on has no known end: it claims no overlap rather than every later call.
            endMillis = r.endedAt() == null ? startMillis : r.endedAt().toEpochMilli();
            answered = answered(r);
        }
    }

    CallWindow(RuleSet rules, long windowSeconds, Sink sink) {
        this.rules = rules;
        this.window = windowSeconds;
        this.sink = sink;
    }

    void add(CallRecord call) {
        long start = call.startedAt().getEpochSecond();
        if (first == Long.MIN_VALUE) {
            first = start;
        }
        hi = Math.max(hi, start);
        lo = Math.min(lo, start);
        Pending seen = pending.get(call.id());
        if (seen != null) {
            superseded++;
            merge(seen, call);
        } else {
            long idHash = IdSet.hash(call.id());
            if (done.containsHash(idHash)) {
                superseded++;
                if (call.webhook() == null) {
                    lateDuplicates.add(rules.inputFinding(
                            "input.duplicate-call", call.id(), call.source(), "an earlier record, audited already"));
                }
            } else {
                open(new Pending(call, idHash));
            }
        }
        drain(false);
        if (++added % SWEEP_EVERY == 0) {
            sweepAgents();
        }
    }

    /** A call seen for the first time enters the window, its agent's list and the window's extremes. */
    private void open(Pending p) {
        pending.put(p.record.id(), p);
        while (!earliest.isEmpty() && earliest.peekLast().start >= p.start) {
            earliest.pollLast();
        }
        earliest.addLast(p);
        while (!latest.isEmpty() && latest.peekLast().start <= p.start) {
            latest.pollLast();
        }
        latest.addLast(p);
        List<Pending> calls = agentCalls(p.record, true);
        if (calls != null) {
            calls.add(p);
        }
    }

    /** Lets every remaining call leave: the stream is over. */
    void finish() {
        drain(true);
    }

    /** Calls still in the window; what memory follows. */
    int open() {
        return pending.size();
    }

    /** Calls remembered per agent for parallel-leg detection. */
    int remembered() {
        int n = 0;
        for (Map<String, List<Pending>> agents : List.of(agentsById, agentsByEmail)) {
            for (List<Pending> calls : agents.values()) {
                n += calls.size();
            }
        }
        return n;
    }

    long superseded() {
        return superseded;
    }

    /** Duplicates of calls that had already left the window when they arrived. */
    List<Finding> lateDuplicates() {
        return lateDuplicates;
    }

    private void merge(Pending seen, CallRecord call) {
        CallRecord before = seen.record;
        if (before.webhook() != null && call.webhook() != null) {
            if (call.webhook().supersedes(before.webhook())) {
                seen.set(call);
            }
            return;
        }
        if (seen.duplicates.isEmpty()) {
            seen.duplicates = new ArrayList<>(1);
        }
        seen.duplicates.add(
                rules.inputFinding("input.duplicate-call", call.id(), call.source(), String.valueOf(before.source())));
        seen.set(call);
    }

    private void drain(boolean all) {
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (!all && !closed(p.start)) {
                return;
            }
            it.remove();
            p.left = true;
            if (earliest.peekFirst() == p) {
                earliest.pollFirst();
            }
            if (latest.peekFirst() == p) {
                latest.pollFirst();
            }
            done.addHash(p.idHash);
            sink.accept(p.record, holder(p), p.duplicates);
        }
    }

    /** True when no record still to come can change the call that started at {@code start}. */
    private boolean closed(long start) {
        return ascending() ? hi - window > start : lo + window < start;
    }

    /** Whether the stream runs forwards in time: it has moved further after its first call than before it. */
    private boolean ascending() {
        return hi - first >= first - lo;
    }

    /** The earliest answered call of the same agent that was still going when this one started. */
    private String holder(Pending leg) {
        if (!leg.answered) {
            return null;
        }
        List<Pending> calls = agentCalls(leg.record, false);
        if (calls == null) {
            return null;
        }
        long at = leg.startMillis;
        Pending best = null;
        for (int i = 0; i < calls.size(); i++) {
            Pending other = calls.get(i);
            if (other != leg
                    && other.answered
                    && other.startMillis < at
                    && other.endMillis > at
                    && (best == null || other.startMillis < best.startMillis)) {
                best = other;
            }
        }
        return best == null ? null : best.record.id();
    }

    /**
     * Drops calls that can no longer hold a leg still to be judged: every leg still to come, or still in the
     * window, starts after the bound (ascending streams) or before it (descending ones).
     */
    private void sweepAgents() {
        boolean ascending = ascending();
        long bound = ascending ? hi - window : lo + window;
        if (!pending.isEmpty()) {
            bound = ascending ? Math.min(bound, earliest.peekFirst().start) : Math.max(bound, latest.peekFirst().start);
        }
        long limit = bound;
        for (Map<String, List<Pending>> agents : List.of(agentsById, agentsByEmail)) {
            Iterator<List<Pending>> it = agents.values().iterator();
            while (it.hasNext()) {
                List<Pending> calls = it.next();
                calls.removeIf(p -> p.left && (ascending ? p.endMillis / 1000 <= limit : p.start >= limit));
                if (calls.isEmpty()) {
                    it.remove();
                }
            }
        }
    }

    /**
     * The calls remembered for the call's agent, created when {@code create}; null when the call has no agent
     * of its own (a shared line, or no user in the export).
     */
    private List<Pending> agentCalls(CallRecord c, boolean create) {
        if (c.sharedLine()) {
            return null;
        }
        Map<String, List<Pending>> agents;
        String key;
        if (c.userId() != null) {
            agents = agentsById;
            key = c.userId();
        } else if (c.userEmail() != null) {
            agents = agentsByEmail;
            key = c.userEmail();
        } else {
            return null;
        }
        return create ? agents.computeIfAbsent(key, k -> new ArrayList<>(4)) : agents.get(key);
    }

    private static boolean answered(CallRecord c) {
        return c.status() == CallStatus.ANSWERED || (c.status() == null && c.answeredAt() != null);
    }
}
