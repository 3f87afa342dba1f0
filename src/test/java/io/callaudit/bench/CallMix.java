package io.callaudit.bench;

import java.util.Arrays;

/**
 * Draws the calls of a batch in start order, with the mix an audit has to explain: missed calls, voicemails,
 * short and over-long talk, parallel legs, calls on lines with recording off or deleted, a few unexplained gaps,
 * and the recorded rest.
 *
 * <p>Agents are scheduled, not drawn blindly: an answered call goes to an agent who is free at its start, so the
 * only overlapping legs of one agent are the ~2 % parallel legs placed on purpose (a second call started while
 * the agent's earlier call is still going). Blind assignment would make a third of all calls "parallel" at 10 M.
 *
 * <p>Only the calls' facts come from this class's random stream; the cosmetic fields of each format (sids,
 * customer numbers, tags) come from another, so the same seed yields the same mix in every format.
 */
final class CallMix {

    /** What a call is, before any format spells it. */
    enum Kind {
        /** Answered; recorded unless its line does not record its direction (or did not yet). */
        ANSWERED,
        /** Nobody answered. */
        MISSED,
        /** Nobody answered; the caller left a voicemail, which is the call's audio. */
        VOICEMAIL,
        /** Answered, talk below the provider's minimum, no recording. */
        SHORT,
        /** Answered, talk over four hours; Aircall saves no recording that long. */
        LONG,
        /** A second answered call of an agent already on a call; on Aircall it has no recording. */
        PARALLEL,
        /** Answered, ordinary length, no recording and nothing to explain it. */
        UNEXPLAINED
    }

    /** One call as drawn; reused from call to call, so generation allocates nothing per call. */
    static final class Call {
        long index;
        Kind kind;
        boolean inbound;
        long startedAt;
        /** Epoch second of the answer, or -1 when nobody answered. */
        long answeredAt;

        long endedAt;
        int talkSeconds;
        /** Index of the agent, or -1 for a call nobody took (it rang a team). */
        int agent;

        int line;
        /** Whether the provider holds a recording (for a voicemail: the voicemail). */
        boolean recorded;
        /** Index into {@link #MISSED_REASONS}, or -1. */
        int missedReason;

        boolean answered() {
            return answeredAt >= 0;
        }
    }

    /** Aircall's documented {@code missed_call_reason} values, most frequent first. */
    static final String[] MISSED_REASONS = {
        "agents_did_not_answer",
        "short_abandoned",
        "no_available_agent",
        "abandoned_in_ivr",
        "abandoned_in_classic",
        "out_of_opening_hours"
    };
    /** The reason for a caller who hung up in the IVR, who never reached an agent. */
    static final int ABANDONED_IN_IVR = 3;

    private static final double[] MISSED_REASON_CUMULATIVE = {0.40, 0.60, 0.75, 0.85, 0.95, 1.0};

    /** Mean time between two call starts: ~115 answered calls at once across 400 agents. */
    static final int MEAN_GAP_MILLIS = 2500;

    private final CallFormat format;
    private final SplitMix rng;
    private final long firstStart;
    private final long enabledAt;
    private final long[] busySince = new long[Fleet.AGENTS];
    private final long[] busyUntil = new long[Fleet.AGENTS];
    private long clockMillis;
    private long next;
    private long overlaps;

    CallMix(CallFormat format, long calls, long seed) {
        this.format = format;
        this.rng = new SplitMix(seed);
        this.firstStart = Fleet.LAST_CALL - calls * MEAN_GAP_MILLIS / 1000;
        this.enabledAt = firstStart + (Fleet.LAST_CALL - firstStart) / 2;
        this.clockMillis = firstStart * 1000;
        Arrays.fill(busySince, Long.MIN_VALUE);
        Arrays.fill(busyUntil, Long.MIN_VALUE);
    }

    /** When the line that switched recording on late ({@link Fleet#enabledLate}) did so. */
    long recordingEnabledAt() {
        return enabledAt;
    }

    /** Answered calls that found every agent busy and so overlap one by accident; zero in practice. */
    long accidentalOverlaps() {
        return overlaps;
    }

    /** Fills {@code c} with the next call, starts never decreasing (an export is sorted by start). */
    void next(Call c) {
        clockMillis += rng.nextInt(2 * MEAN_GAP_MILLIS + 1);
        long t = clockMillis / 1000;
        c.index = next++;
        c.startedAt = t;
        c.line = rng.nextInt(Fleet.LINES);
        c.missedReason = -1;
        double u = rng.nextDouble();
        double dir = rng.nextDouble();
        int ring = rng.between(2, 25);
        int agentDraw = rng.nextInt(Fleet.AGENTS);
        // Always drawn, whatever the kind, so one call's kind never shifts the next call's randomness.
        double lengthDraw = rng.nextDouble();
        int extra = rng.nextInt(Integer.MAX_VALUE);

        Kind kind = u < 0.02
                ? Kind.PARALLEL
                : u < 0.17
                        ? Kind.MISSED
                        : u < 0.19
                                ? Kind.VOICEMAIL
                                : u < 0.24
                                        ? Kind.SHORT
                                        : u < 0.242 ? Kind.LONG : u < 0.245 ? Kind.UNEXPLAINED : Kind.ANSWERED;
        if (kind == Kind.VOICEMAIL && !format.hasVoicemail()) {
            kind = Kind.MISSED;
        }
        int agent = -1;
        if (kind == Kind.PARALLEL) {
            agent = busyAgent(agentDraw, t);
            if (agent < 0) {
                kind = Kind.ANSWERED;
            }
        }
        c.kind = kind;
        c.inbound = kind == Kind.VOICEMAIL || dir < (kind == Kind.MISSED ? 0.75 : 0.65);

        if (kind == Kind.MISSED || kind == Kind.VOICEMAIL) {
            c.answeredAt = -1;
            c.talkSeconds = 0;
            c.agent = c.inbound ? -1 : agentDraw;
            if (kind == Kind.VOICEMAIL) {
                c.endedAt = t + 20 + ring + 8 + (int) (lengthDraw * 82);
                c.recorded = true;
                c.missedReason = 0;
            } else {
                c.endedAt = t + 3 + (int) (lengthDraw * 57);
                c.recorded = false;
                c.missedReason = c.inbound ? missedReason((extra % 1000) / 1000.0) : -1;
            }
            return;
        }

        int talk = switch (kind) {
            case SHORT -> extra % (format.shortTalkMax() + 1);
            case LONG -> 14_460 + extra % 1_741;
            case PARALLEL -> logUniform(lengthDraw, 10, 600);
            default -> logUniform(lengthDraw, 10, 1800);
        };
        c.answeredAt = t + ring;
        c.talkSeconds = talk;
        c.endedAt = c.answeredAt + talk;
        boolean off = !(c.inbound ? Fleet.recordsInbound(c.line) : Fleet.recordsOutbound(c.line))
                || (Fleet.enabledLate(c.line) && t < enabledAt);
        c.recorded = switch (kind) {
            case SHORT, UNEXPLAINED -> false;
            case LONG -> !format.hasMaximum() && !off;
            case PARALLEL -> !format.parallelLegsUnrecorded() && !off;
            default -> !off;
        };
        if (kind == Kind.PARALLEL) {
            busyUntil[agent] = Math.max(busyUntil[agent], c.endedAt);
        } else {
            agent = freeAgent(agentDraw, t);
            if (agent < 0) {
                overlaps++;
                agent = agentDraw;
            }
            busySince[agent] = t;
            busyUntil[agent] = c.endedAt;
        }
        c.agent = agent;
    }

    /** The first agent from {@code from} whose last call has ended by {@code t}, or -1. */
    private int freeAgent(int from, long t) {
        for (int i = 0; i < Fleet.AGENTS; i++) {
            int a = (from + i) % Fleet.AGENTS;
            if (busyUntil[a] <= t) {
                return a;
            }
        }
        return -1;
    }

    /**
     * The first agent from {@code from} on a call that started strictly before {@code t} and is still going: the
     * audit's definition of a parallel leg (seed 000 §3).
     */
    private int busyAgent(int from, long t) {
        for (int i = 0; i < Fleet.AGENTS; i++) {
            int a = (from + i) % Fleet.AGENTS;
            if (busyUntil[a] > t && busySince[a] < t) {
                return a;
            }
        }
        return -1;
    }

    /** Whether the reason means the caller hung up before anyone could answer, rather than nobody answering. */
    static boolean abandoned(int missedReason) {
        return missedReason == 1 || missedReason == ABANDONED_IN_IVR || missedReason == 4;
    }

    private static int missedReason(double draw) {
        for (int i = 0; i < MISSED_REASON_CUMULATIVE.length; i++) {
            if (draw < MISSED_REASON_CUMULATIVE[i]) {
                return i;
            }
        }
        return MISSED_REASONS.length - 1;
    }

    private static int logUniform(double draw, int lo, int hi) {
        return (int) Math.round(lo * Math.exp(draw * Math.log((double) hi / lo)));
    }
}
