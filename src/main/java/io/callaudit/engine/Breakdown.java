package io.callaudit.engine;

import io.callaudit.model.CallRecord;
import io.callaudit.rules.Finding;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where recordings go missing, counted as the calls stream past: per number and per agent, calls without a
 * recording over time, and the first lost and unexplained calls. It is kept with the {@link Tally} rather
 * than worked out by a report from the results because a spilled result keeps only what the other reports
 * need (id, source, outcome, findings), and because a second pass over a million results would cost what
 * the whole page must not.
 *
 * <p>Everything is bounded, so a million calls cost what a thousand do: at most {@link #MAX_GROUPS}
 * distinct numbers and agents (later ones are counted together), hour and day buckets up to a cap, and
 * {@link #LISTED} calls of each kind.
 */
public final class Breakdown {

    /** Lost and unexplained calls kept, each; the JSON and NDJSON reports have every one. */
    public static final int LISTED = 100;

    /** Distinct numbers (and agents) counted one by one; beyond this, a new one joins the "other" row. */
    static final int MAX_GROUPS = 5_000;
    /** Hour buckets kept; past this many the hourly view is dropped and the daily one drawn. */
    static final int MAX_HOURS = 24 * 93;
    /** Day buckets kept; a batch spanning more is cut to its latest days (older ones join the first). */
    static final int MAX_DAYS = 3_660;

    private static final long HOUR = 3_600;
    private static final long DAY = 86_400;

    private final Groups numbers = new Groups();
    private final Groups agents = new Groups();
    /** Start of the bucket (local time, as epoch seconds read in UTC) to [explained, unexplained, lost] calls. */
    private final TreeMap<Long, long[]> hours = new TreeMap<>();

    private final TreeMap<Long, long[]> days = new TreeMap<>();
    private boolean hoursOverflow;
    private final Listing lost = new Listing(LISTED);
    private final Listing unexplained = new Listing(LISTED);
    private Instant first;
    private Instant last;
    private final ZoneId zone;

    /** @param zone the profile's time zone: a day in the timeline is a day there */
    Breakdown(ZoneId zone) {
        this.zone = zone;
    }

    /** @param expected whether the call should have been recorded ({@link RecordingRate#expected}) */
    void add(CallResult c, boolean expected) {
        CallRecord call = c.call();
        boolean recorded = c.outcome() == Outcome.RECORDED;
        String reason = recorded || c.outcome() == Outcome.PENDING ? null : primary(c);
        numbers.add(
                call.numberId() != null ? call.numberId() : call.numberDigits(),
                call.numberDigits(),
                recorded,
                expected,
                reason);
        agents.add(
                call.userId() != null ? call.userId() : call.userEmail(), call.userEmail(), recorded, expected, reason);
        Instant at = call.startedAt();
        if (at != null) {
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
            // A pending call is not missing anything yet: it stays out of the timeline (the legend says so).
            if (!recorded && c.outcome() != Outcome.PENDING) {
                int slot = c.outcome() == Outcome.EXPLAINED_GAP ? 0 : c.outcome() == Outcome.UNEXPLAINED_GAP ? 1 : 2;
                // Buckets are keyed by local wall-clock seconds, so a day is the profile's day.
                long second = local(at);
                bump(days, Math.floorDiv(second, DAY) * DAY, slot, MAX_DAYS);
                if (!hoursOverflow) {
                    bump(hours, Math.floorDiv(second, HOUR) * HOUR, slot, Integer.MAX_VALUE);
                    if (hours.size() > MAX_HOURS) {
                        hoursOverflow = true;
                        hours.clear();
                    }
                }
            }
        }
        if (c.outcome() == Outcome.LOST) {
            lost.add(c);
        } else if (c.outcome() == Outcome.UNEXPLAINED_GAP) {
            unexplained.add(c);
        }
    }

    private static void bump(TreeMap<Long, long[]> buckets, long key, int slot, int cap) {
        long[] counts = buckets.get(key);
        if (counts == null) {
            if (buckets.size() >= cap) {
                // Keep the latest buckets: what a manager asks is "since when", and the recent end answers it.
                Long oldest = buckets.firstKey();
                if (key < oldest) {
                    key = oldest;
                    counts = buckets.get(oldest);
                } else {
                    long[] dropped = buckets.pollFirstEntry().getValue();
                    long[] next = buckets.firstEntry() == null
                            ? new long[3]
                            : buckets.firstEntry().getValue();
                    for (int i = 0; i < 3; i++) {
                        next[i] += dropped[i];
                    }
                }
            }
            if (counts == null) {
                counts = new long[3];
                buckets.put(key, counts);
            }
        }
        counts[slot]++;
    }

    /**
     * Unrecorded calls over time: by hour when the batch spans at most three days, else by day. Every bucket
     * between the first call and the last is present, the empty ones too, so the axis is time.
     */
    public Timeline timeline() {
        boolean hourly = !hoursOverflow && first != null && last.getEpochSecond() - first.getEpochSecond() <= 3 * DAY;
        TreeMap<Long, long[]> kept = hourly ? hours : days;
        TreeMap<Long, long[]> buckets = new TreeMap<>();
        if (!kept.isEmpty()) {
            long step = hourly ? HOUR : DAY;
            long from = Math.floorDiv(local(first), step) * step;
            long to = Math.floorDiv(local(last), step) * step;
            // The daily view keeps the latest MAX_DAYS days (older calls are counted in the first of them).
            from = Math.max(from, Math.min(kept.firstKey(), to - (MAX_DAYS - 1) * step));
            for (long t = from; t <= to; t += step) {
                long[] counts = kept.get(t);
                buckets.put(t, counts == null ? new long[3] : counts);
            }
        }
        return new Timeline(hourly, buckets);
    }

    /** The numbers calls were made on or to, keyed by provider line id, else by digits. */
    public Groups numbers() {
        return numbers;
    }

    /** The agents who handled calls, keyed by user id, else by e-mail. */
    public Groups agents() {
        return agents;
    }

    /** The first {@link #LISTED} lost calls, in input order, and how many there were. */
    public Listing lost() {
        return lost;
    }

    /** The first {@link #LISTED} unexplained gaps, in input order, and how many there were. */
    public Listing unexplained() {
        return unexplained;
    }

    /** The earliest call start, or null when no call had one. */
    public Instant first() {
        return first;
    }

    /** The latest call start, or null when no call had one. */
    public Instant last() {
        return last;
    }

    /** The time zone the timeline's hours and days are in. */
    public ZoneId zone() {
        return zone;
    }

    /** Local wall-clock seconds of {@code at}, as buckets are keyed. */
    private long local(Instant at) {
        return at.getEpochSecond() + zone.getRules().getOffset(at).getTotalSeconds();
    }

    /**
     * @param hourly whether buckets are hours (else days)
     * @param buckets bucket start (local time, as epoch seconds read in UTC) to [explained, unexplained,
     *     lost], in time order
     */
    public record Timeline(boolean hourly, Map<Long, long[]> buckets) {}

    private static String primary(CallResult c) {
        Finding primary = c.primaryReason();
        return primary == null ? null : primary.ruleId();
    }

    /** The first lost or unexplained calls, and how many there were. */
    public static final class Listing {
        private final int cap;
        private final List<CallResult> shown = new ArrayList<>();
        private long total;

        Listing(int cap) {
            this.cap = cap;
        }

        void add(CallResult c) {
            if (total++ < cap) {
                shown.add(c);
            }
        }

        public List<CallResult> shown() {
            return shown;
        }

        public long total() {
            return total;
        }
    }

    /** Counts for one number or agent. */
    public static final class Group {
        private final String key;
        private final String label;
        private long calls;
        private long recorded;
        private long expected;
        private final Map<String, long[]> reasons = new HashMap<>();

        Group(String key, String label) {
            this.key = key;
            this.label = label;
        }

        /** The line id, user id (or digits, e-mail when that is all the export gave); null for a group of many. */
        public String key() {
            return key;
        }

        /** The digits or e-mail the export gave with the key (personal data: mask it under redaction), or null. */
        public String label() {
            return label;
        }

        public long calls() {
            return calls;
        }

        public long recorded() {
            return recorded;
        }

        void add(boolean isRecorded, boolean isExpected, String reason) {
            calls++;
            if (isRecorded) {
                recorded++;
            }
            if (isExpected) {
                expected++;
            }
            if (reason != null) {
                reasons.computeIfAbsent(reason, r -> new long[1])[0]++;
            }
        }

        void addAll(Group other) {
            calls += other.calls;
            recorded += other.recorded;
            expected += other.expected;
            other.reasons.forEach((r, n) -> reasons.computeIfAbsent(r, k -> new long[1])[0] += n[0]);
        }

        /** Expected calls without a recording: what ranks a number or agent as worth a look. */
        public long missing() {
            return expected - recorded;
        }

        public RecordingRate rate() {
            return new RecordingRate(recorded, expected);
        }

        /** The most frequent primary reason among its calls without a recording (ties: the rule id), or null. */
        public String topReason() {
            String best = null;
            long most = 0;
            for (Map.Entry<String, long[]> e : reasons.entrySet()) {
                long n = e.getValue()[0];
                if (n > most || n == most && best != null && e.getKey().compareTo(best) < 0) {
                    best = e.getKey();
                    most = n;
                }
            }
            return best;
        }
    }

    /** Numbers or agents, at most {@link #MAX_GROUPS} one by one and the rest together. */
    public static final class Groups {
        private final Map<String, Group> byKey = new HashMap<>();
        private final Group unknown = new Group(null, null);
        private final Group overflow = new Group(null, null);

        void add(String key, String label, boolean recorded, boolean expected, String reason) {
            Group g;
            if (key == null) {
                g = unknown;
            } else {
                g = byKey.get(key);
                if (g == null) {
                    g = byKey.size() < MAX_GROUPS ? new Group(key, label) : overflow;
                    if (g != overflow) {
                        byKey.put(key, g);
                    }
                }
            }
            g.add(recorded, expected, reason);
        }

        /**
         * The {@code limit} groups with the most expected calls missing a recording (then the most calls, then
         * the key), and one group holding all the others, the unknown and the overflow; null when empty.
         */
        public Top top(int limit) {
            List<Group> all = new ArrayList<>(byKey.values());
            all.sort(Comparator.comparingLong(Group::missing)
                    .reversed()
                    .thenComparing(
                            Comparator.comparingLong((Group g) -> g.calls).reversed())
                    .thenComparing(g -> g.key));
            List<Group> shown = new ArrayList<>(all.subList(0, Math.min(limit, all.size())));
            Group rest = new Group(null, null);
            for (Group g : all.subList(shown.size(), all.size())) {
                rest.addAll(g);
            }
            rest.addAll(unknown);
            rest.addAll(overflow);
            return new Top(shown, rest.calls == 0 ? null : rest);
        }
    }

    /** @param rest the calls of every group not shown (and of calls without one), null when there are none */
    public record Top(List<Group> shown, Group rest) {}
}
