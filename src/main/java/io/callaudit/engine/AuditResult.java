package io.callaudit.engine;

import io.callaudit.model.Profile;
import io.callaudit.model.Rejection;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleSet;
import io.callaudit.rules.Severity;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything an audit found, in the order reports print it: profile findings, then calls in input order,
 * then rejected records.
 *
 * @param skipped records that are not calls (a webhook log's user, number, contact, tag events), by kind
 * @param suppressions waived and baselined findings
 * @param staleBaseline baseline entries that match no current finding
 * @param profileCheck true for {@code check-config}, which audits profiles and no calls
 * @param tally counts over {@code calls} kept by the engine, or null to count them by iterating
 */
public record AuditResult(
        Profile profile,
        Instant asOf,
        long recordsRead,
        long superseded,
        Map<String, Long> skipped,
        List<Finding> profileFindings,
        List<CallResult> calls,
        List<Rejection> rejected,
        List<Finding> inputFindings,
        Map<Finding, Suppression> suppressions,
        List<String> staleBaseline,
        boolean profileCheck,
        Tally tally)
        implements AutoCloseable {

    public AuditResult {
        skipped = skipped == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(skipped));
        profileFindings = List.copyOf(profileFindings);
        calls = calls instanceof SealedResults ? calls : List.copyOf(calls);
        rejected = List.copyOf(rejected);
        inputFindings = List.copyOf(inputFindings);
        suppressions = suppressions == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(suppressions));
        staleBaseline = staleBaseline == null ? List.of() : List.copyOf(staleBaseline);
    }

    /**
     * Frees the results' storage once every report is written: a long-lived process (a warm Lambda) audits
     * batch after batch, and spilled results must not pile up on its disk.
     */
    @Override
    public void close() {
        if (calls instanceof SealedResults sealed) {
            sealed.close();
        }
    }

    /** The zone offset-less input times were read in, or null for a profile check, which reads no calls. */
    public ZoneId timeZone() {
        if (profileCheck || profile == null) {
            return null;
        }
        // "UTC" reads better in a report than the offset's id "Z".
        return profile.timezone().equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : profile.timezone();
    }

    /** A result as the engine produces it, before waivers and baselines are applied. */
    public AuditResult(
            Profile profile,
            Instant asOf,
            long recordsRead,
            long superseded,
            List<Finding> profileFindings,
            List<CallResult> calls,
            List<Rejection> rejected,
            List<Finding> inputFindings) {
        this(
                profile,
                asOf,
                recordsRead,
                superseded,
                Map.of(),
                profileFindings,
                calls,
                rejected,
                inputFindings,
                Map.of(),
                List.of(),
                false,
                null);
    }

    /**
     * The result of checking profiles alone ({@code check-config}): no calls were expected, so reading none
     * is not a failure.
     */
    public static AuditResult ofProfileCheck(Profile profile, Instant asOf, List<Finding> profileFindings) {
        return new AuditResult(
                profile,
                asOf,
                0,
                0,
                Map.of(),
                profileFindings,
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                List.of(),
                true,
                null);
    }

    /**
     * The same result with findings suppressed, extra findings about the suppressions themselves (an expired
     * waiver is reported), and baseline entries that no longer match anything.
     */
    public AuditResult withSuppressions(
            Map<Finding, Suppression> suppressed, List<Finding> extraFindings, List<String> stale) {
        List<Finding> input = new ArrayList<>(inputFindings);
        input.addAll(extraFindings);
        Map<Finding, Suppression> all = new HashMap<>(suppressions);
        all.putAll(suppressed);
        return new AuditResult(
                profile,
                asOf,
                recordsRead,
                superseded,
                skipped,
                profileFindings,
                calls,
                rejected,
                input,
                all,
                stale,
                profileCheck,
                tally);
    }

    /**
     * The suppression of {@code finding}, or null when it is open. Matched by value: results read back from
     * disk are new objects with the same content.
     */
    public Suppression suppression(Finding finding) {
        return suppressions.get(finding);
    }

    /** Every finding: profile, then per call, then rejected records. */
    public List<Finding> findings() {
        return new FindingsView();
    }

    /**
     * All findings without gathering them: each iteration walks the calls again (they may be on disk), so a
     * report over millions of calls holds one call's findings at a time.
     */
    private final class FindingsView extends AbstractList<Finding> {

        @Override
        public Iterator<Finding> iterator() {
            Iterator<CallResult> byCall = calls.iterator();
            return new Iterator<>() {
                private Iterator<Finding> current = profileFindings.iterator();
                private boolean inputDone;

                @Override
                public boolean hasNext() {
                    while (!current.hasNext()) {
                        if (byCall.hasNext()) {
                            current = byCall.next().findings().iterator();
                        } else if (!inputDone) {
                            inputDone = true;
                            current = inputFindings.iterator();
                        } else {
                            return false;
                        }
                    }
                    return true;
                }

                @Override
                public Finding next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return current.next();
                }
            };
        }

        @Override
        public Finding get(int index) {
            int i = 0;
            for (Finding f : this) {
                if (i++ == index) {
                    return f;
                }
            }
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public int size() {
            int n = 0;
            for (Iterator<Finding> it = iterator(); it.hasNext(); it.next()) {
                n++;
            }
            return n;
        }
    }

    /**
     * True when an audit read nothing at all: a run never passes because it found nothing to check. A
     * profile check reads no calls by design and is never empty.
     */
    public boolean empty() {
        return !profileCheck && recordsRead == 0;
    }

    public Summary summary(RuleSet rules) {
        Tally t = counts();
        Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            byOutcome.put(o, t.outcome(o));
        }
        Map<String, Long> counts = new TreeMap<>(Comparator.comparingInt(rules::precedence));
        counts.putAll(t.byRule());
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            bySeverity.put(s, t.severity(s));
        }
        for (List<Finding> outside : List.of(profileFindings, inputFindings)) {
            for (Finding f : outside) {
                counts.merge(f.ruleId(), 1L, Long::sum);
                bySeverity.merge(f.severity(), 1L, Long::sum);
            }
        }
        long waived = 0;
        long baselined = 0;
        for (Suppression sup : suppressions.values()) {
            if (sup.kind() == Suppression.Kind.WAIVED) {
                waived++;
            } else {
                baselined++;
            }
        }
        long skippedCount = 0;
        for (long n : skipped.values()) {
            skippedCount += n;
        }
        return new Summary(
                recordsRead,
                calls.size(),
                rejected.size(),
                superseded,
                skippedCount,
                skipped,
                byOutcome,
                new LinkedHashMap<>(counts),
                bySeverity,
                waived,
                baselined,
                t.recordingRate());
    }

    /** Where recordings go missing, by number, agent and time, and the first calls worth a look. */
    public Breakdown breakdown() {
        return counts().breakdown();
    }

    /**
     * The rules this audit could not run for want of a profile, empty when one was applied: the report says
     * so at its top, so their silence is not read as "ruled out".
     */
    public List<String> rulesNotRun(RuleSet rules) {
        if (profile == null || profile.applied() || profileCheck) {
            return List.of();
        }
        return rules.needingProfile().stream().map(r -> r.id()).toList();
    }

    /** True when an open (not waived, not baselined) finding at or above {@code threshold} exists. */
    public boolean failsAt(Severity threshold) {
        return failing(threshold) > 0;
    }

    /** Open findings at or above {@code threshold}; {@code null} means never fail, so none count. */
    public long failing(Severity threshold) {
        if (threshold == null) {
            return 0;
        }
        long n = counts().atLeast(threshold);
        Set<Finding> outside = new HashSet<>(profileFindings);
        outside.addAll(inputFindings);
        for (Finding f : outside) {
            if (f.severity().atLeast(threshold) && suppression(f) == null) {
                n++;
            }
        }
        for (Finding f : suppressions.keySet()) {
            if (f.severity().atLeast(threshold) && !outside.contains(f)) {
                n--;
            }
        }
        return n;
    }

    /** The engine's counts, or counts made now for a result built without them. */
    private Tally counts() {
        if (tally != null) {
            return tally;
        }
        Tally t = new Tally(profile == null ? java.time.ZoneOffset.UTC : profile.timezone());
        for (CallResult c : calls) {
            t.add(c);
        }
        return t;
    }
}
