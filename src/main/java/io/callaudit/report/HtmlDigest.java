package io.callaudit.report;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.CallResult;
import io.callaudit.engine.Outcome;
import io.callaudit.engine.RecordingRate;
import io.callaudit.model.CallRecord;
import io.callaudit.rules.Finding;
import io.callaudit.rules.Sensitive;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the HTML report draws, gathered in one pass over the calls (which may be on disk): per number and per
 * agent, unrecorded calls over time, and the first lost and unexplained calls. Everything is bounded, so a
 * million calls cost what a thousand do: at most {@link #MAX_GROUPS} distinct numbers and agents are kept
 * (later ones are counted in an "other" row), time buckets are hours or days, and listed calls stop at a cap.
 */
final class HtmlDigest {

    /** Distinct numbers (and agents) counted one by one; beyond this, a new one joins the "other" row. */
    static final int MAX_GROUPS = 5_000;
    /** Hour buckets kept; past this many the hourly view is dropped and the daily one drawn. */
    static final int MAX_HOURS = 24 * 93;
    /** Day buckets kept; a batch spanning more is cut to its latest days (older ones join the first). */
    static final int MAX_DAYS = 3_660;
    private static final long HOUR = 3_600;
    private static final long DAY = 86_400;

    final Groups numbers;
    final Groups agents;
    /** Start of the bucket (local time, as epoch seconds read in UTC) to [explained, unexplained, lost] calls. */
    private final TreeMap<Long, long[]> hours = new TreeMap<>();
    private final TreeMap<Long, long[]> days = new TreeMap<>();
    private boolean hoursOverflow;
    final Listing lost;
    final Listing unexplained;
    Instant first;
    Instant last;

    private final ZoneId zone;

    private HtmlDigest(int listCap, boolean redact, ZoneId zone) {
        this.zone = zone;
        this.numbers = new Groups(redact);
        this.agents = new Groups(redact);
        this.lost = new Listing(listCap);
        this.unexplained = new Listing(listCap);
    }

    /** One pass over {@code result}'s calls, listing up to {@code listCap} lost and unexplained calls each. */
    static HtmlDigest of(AuditResult result, int listCap, boolean redact, ZoneId zone) {
        HtmlDigest d = new HtmlDigest(listCap, redact, zone);
        for (CallResult c : result.calls()) {
            d.add(c);
        }
        return d;
    }

    private void add(CallResult c) {
        CallRecord call = c.call();
        boolean recorded = c.outcome() == Outcome.RECORDED;
        boolean expected = RecordingRate.expected(c);
        String reason = recorded ? null : primary(c);
        String number = call.numberId() != null ? call.numberId() : call.numberDigits();
        numbers.add(number, call.numberDigits(), recorded, expected, reason);
        String agent = call.userId() != null ? call.userId() : call.userEmail();
        agents.add(agent, call.userEmail(), recorded, expected, reason);
        Instant at = call.startedAt();
        if (at != null) {
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
            if (!recorded) {
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
                    long[] next = buckets.firstEntry() == null ? new long[3] : buckets.firstEntry().getValue();
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
    Timeline timeline() {
        boolean hourly = !hoursOverflow && first != null
                && last.getEpochSecond() - first.getEpochSecond() <= 3 * DAY;
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

    /** Local wall-clock seconds of {@code at}, as buckets are keyed. */
    private long local(Instant at) {
        return at.getEpochSecond() + zone.getRules().getOffset(at).getTotalSeconds();
    }

    /**
     * @param hourly whether buckets are hours (else days)
     * @param buckets bucket start (local time, as epoch seconds read in UTC) to [explained, unexplained,
     *     lost], in time order
     */
    record Timeline(boolean hourly, Map<Long, long[]> buckets) {
    }

    private static String primary(CallResult c) {
        List<Finding> reasons = c.reasons();
        return reasons.isEmpty() ? null : reasons.get(0).ruleId();
    }

    /** The first lost or unexplained calls, and how many there were. */
    static final class Listing {
        private final int cap;
        final List<CallResult> shown = new ArrayList<>();
        long total;

        Listing(int cap) {
            this.cap = cap;
        }

        void add(CallResult c) {
            if (total++ < cap) {
                shown.add(c);
            }
        }
    }

    /** Counts for one number or agent. */
    static final class Group {
        /** Null for the row of everything not shown one by one. */
        final String key;
        /** What the page prints for it, personal data already masked when the report is redacted. */
        final String label;
        long calls;
        long recorded;
        long expected;
        private final Map<String, long[]> reasons = new HashMap<>();

        Group(String key, String label) {
            this.key = key;
            this.label = label;
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
        long missing() {
            return expected - recorded;
        }

        RecordingRate rate() {
            return new RecordingRate(recorded, expected);
        }

        /** The most frequent primary reason among its calls without a recording (ties: the rule id), or null. */
        String topReason() {
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
    static final class Groups {
        private final boolean redact;
        private final Map<String, Group> byKey = new HashMap<>();
        final Group unknown = new Group(null, null);
        final Group overflow = new Group(null, null);

        Groups(boolean redact) {
            this.redact = redact;
        }

        void add(String key, String label, boolean recorded, boolean expected, String reason) {
            Group g;
            if (key == null) {
                g = unknown;
            } else {
                g = byKey.get(key);
                if (g == null) {
                    g = byKey.size() < MAX_GROUPS ? new Group(key, display(key, label)) : overflow;
                    if (g != overflow) {
                        byKey.put(key, g);
                    }
                }
            }
            g.add(recorded, expected, reason);
        }

        /**
         * The key and its label ({@code 812 · +33 1 23 45 67 89}), the label masked under redaction; the label
         * alone when the key is the label (a number known only by its digits, an agent only by an e-mail).
         */
        private String display(String key, String label) {
            if (label == null) {
                return key;
            }
            String shown = !redact ? label
                    : label.contains("@") ? Sensitive.email(label).masked() : Sensitive.phone(label).masked();
            return key.equals(label) ? shown : key + " \u00b7 " + shown;
        }

        /**
         * The {@code limit} groups with the most expected calls missing a recording (then the most calls, then
         * the key), and one group holding all the others, the unknown and the overflow; null when empty.
         */
        Top top(int limit) {
            List<Group> all = new ArrayList<>(byKey.values());
            all.sort(Comparator.comparingLong(Group::missing).reversed()
                    .thenComparing(Comparator.comparingLong((Group g) -> g.calls).reversed())
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
    record Top(List<Group> shown, Group rest) {
    }
}
