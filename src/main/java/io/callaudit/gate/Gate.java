package io.callaudit.gate;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.Suppression;
import io.callaudit.rules.Family;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleSet;
import io.callaudit.rules.Sensitive;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies reviewed waivers and a baseline to an audit, deciding which findings no longer fail the run.
 *
 * <p>The order is fixed: waivers first, then the baseline, so a finding is suppressed for the most specific
 * reason a reader can act on (a waiver names an owner and an expiry; a baseline only says "not new"). Nothing
 * is removed: a suppressed finding stays in {@link AuditResult#findings()}, marked, so a waiver can never hide
 * a problem from the people reading the report. The gate's own findings ({@code waiver.*}) are never
 * suppressed, by a waiver or by a baseline: an expired or malformed waiver must keep being seen until someone
 * fixes the file.
 *
 * <p>Stateless and thread-safe.
 */
public final class Gate {

    private final RuleSet rules;

    public Gate(RuleSet rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * Like {@link #apply(AuditResult, Waivers, Baseline, LocalDate)} on the audit date: {@code as_of}'s date in
     * UTC, the same clock retention and link expiry are judged by, so a re-run of an archived audit gates the
     * same way.
     */
    public GateResult apply(AuditResult result, Waivers waiversOrNull, Baseline baselineOrNull) {
        Objects.requireNonNull(result.asOf(), "the audit has no as_of");
        return apply(result, waiversOrNull, baselineOrNull, LocalDate.ofInstant(result.asOf(), ZoneOffset.UTC));
    }

    /**
     * Suppresses the open findings that a valid, unexpired waiver matches (the first in file order), then the
     * remaining open findings that are in the baseline.
     *
     * @param waiversOrNull the reviewed waivers, or null for none
     * @param baselineOrNull the previous report's findings, or null for none
     * @param today the audit date; a waiver holds through its {@code expires} day and stops the day after
     */
    public GateResult apply(AuditResult result, Waivers waiversOrNull, Baseline baselineOrNull, LocalDate today) {
        Objects.requireNonNull(today, "today");
        List<Finding> extra = new ArrayList<>();
        List<Waiver> active = waiversOrNull == null ? List.of() : waiverFindings(waiversOrNull, today, extra);

        Map<Finding, Suppression> suppressed = new IdentityHashMap<>();
        Set<Waiver> used = new HashSet<>();
        List<Finding> findings = result.findings();
        for (Finding f : findings) {
            if (!suppressible(result, f)) {
                continue;
            }
            for (Waiver w : active) {
                if (w.matches(f)) {
                    used.add(w);
                    suppressed.putIfAbsent(
                            f, new Suppression(Suppression.Kind.WAIVED, w.reason(), w.owner(), w.expires()));
                }
            }
        }
        List<Waiver> unused = active.stream().filter(w -> !used.contains(w)).toList();

        List<String> stale = List.of();
        if (baselineOrNull != null) {
            String provider = provider(result);
            Set<String> seen = new HashSet<>();
            for (Finding f : findings) {
                if (f.rule().family() == Family.WAIVER) {
                    continue;
                }
                BaselineEntry entry = BaselineEntry.of(f, provider);
                seen.add(entry.key());
                seen.add(entry.withoutProvider().key());
                if (suppressible(result, f) && !suppressed.containsKey(f) && baselineOrNull.contains(f, provider)) {
                    suppressed.put(f, Suppression.baselined(baselineOrNull.file()));
                }
            }
            stale = stale(baselineOrNull, seen);
        }
        return new GateResult(result.withSuppressions(suppressed, extra, stale), unused);
    }

    /** The provider whose calls were audited: call ids are unique only within one provider's account. */
    public static String provider(AuditResult result) {
        return result.profile() == null || result.profile().provider() == null
                ? ""
                : result.profile().provider().wire();
    }

    /**
     * Reports malformed and expired entries into {@code out}, in file order, and returns the waivers that may
     * suppress today.
     */
    private List<Waiver> waiverFindings(Waivers waivers, LocalDate today, List<Finding> out) {
        record Located(int index, Finding finding) {}
        List<Located> located = new ArrayList<>();
        for (MalformedWaiver m : waivers.malformed()) {
            located.add(new Located(m.index(), rules.locatedFinding("waiver.malformed", m.location(), m.problem())));
        }
        List<Waiver> active = new ArrayList<>();
        for (Waiver w : waivers.waivers()) {
            if (w.expiredOn(today)) {
                located.add(new Located(
                        w.index(),
                        rules.locatedFinding(
                                "waiver.expired",
                                w.location(),
                                w.rule(),
                                w.target(),
                                w.expires().toString(),
                                owner(w.owner()))));
            } else {
                active.add(w);
            }
        }
        located.sort(Comparator.comparingInt(Located::index));
        for (Located l : located) {
            out.add(l.finding());
        }
        return active;
    }

    /** An owner is usually an email, which reports print only without {@code --redact}. */
    private static Object owner(String owner) {
        return owner.indexOf('@') > 0 ? Sensitive.email(owner) : owner;
    }

    /** Open, and not one of the gate's own findings. */
    private static boolean suppressible(AuditResult result, Finding f) {
        return f.rule().family() != Family.WAIVER && result.suppression(f) == null;
    }

    /**
     * Baseline entries that no current finding has, fixed or gone: listing them is what lets a team shrink the
     * baseline instead of carrying it forever. Entries of the gate's own rules are left out: those findings are
     * never baselined, so their absence says nothing.
     */
    private static List<String> stale(Baseline baseline, Set<String> seen) {
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, BaselineEntry> e : baseline.entries().entrySet()) {
            if (!seen.contains(e.getKey()) && !e.getValue().rule().startsWith(Family.WAIVER.wire() + ".")) {
                out.add(e.getValue().toString());
            }
        }
        return List.copyOf(out);
    }
}
