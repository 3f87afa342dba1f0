package io.callaudit.rules;

import io.callaudit.model.Profile;
import io.callaudit.model.ProfileLocation;
import io.callaudit.model.Provider;
import io.callaudit.model.SourceRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The registered rules and the one way to run them. Registration validates every rule (annotation, id
 * shape, unique id, prose in both languages) so a half-added rule fails the tests, not an audit.
 */
public final class RuleSet {

    /** Languages every rule must be written in. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ROOT, Locale.forLanguageTag("es"));

    private static final RuleSet BUILT_IN = new RuleSet(BuiltInRules.all());

    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> byId = new LinkedHashMap<>();
    private final Map<String, Integer> precedence = new HashMap<>();
    private final List<RuleInfo> evidenceCallRules = new ArrayList<>();
    private final List<RuleInfo> fallbackCallRules = new ArrayList<>();
    private final List<RuleInfo> profileRules = new ArrayList<>();
    private final List<RuleInfo> needingProfile = new ArrayList<>();
    /** The same rules by identity, asked for every rule of every call of an audit without a profile. */
    private final Set<RuleInfo> needsProfile = Collections.newSetFromMap(new IdentityHashMap<>());

    RuleSet(List<Rule> rules) {
        List<RuleInfo> infos = new ArrayList<>();
        List<Messages> languages = LANGUAGES.stream().map(Messages::of).toList();
        for (Rule rule : rules) {
            RuleInfo info = RuleInfo.of(rule);
            if (byId.putIfAbsent(info.id(), info) != null) {
                throw new IllegalStateException("duplicate rule id " + info.id());
            }
            for (Messages m : languages) {
                for (String part : List.of("summary", "message", "remediation")) {
                    if (!m.has(info.id() + "." + part)) {
                        throw new IllegalStateException("rule " + info.id() + " has no " + part + " in "
                                + (m.locale().getLanguage().isEmpty()
                                        ? "en"
                                        : m.locale().getLanguage()));
                    }
                }
            }
            precedence.put(info.id(), infos.size());
            infos.add(info);
            if (rule instanceof CallRule) {
                (info.fallback() ? fallbackCallRules : evidenceCallRules).add(info);
            }
            if (rule instanceof ProfileRule) {
                profileRules.add(info);
            }
            if (info.needsProfile()) {
                needsProfile.add(info);
                needingProfile.add(info);
            }
        }
        this.rules = List.copyOf(infos);
    }

    public static RuleSet builtIn() {
        return BUILT_IN;
    }

    /** All rules in precedence order. */
    public List<RuleInfo> all() {
        return rules;
    }

    /** The rule with {@code id}, or null. */
    public RuleInfo get(String id) {
        return byId.get(id);
    }

    /** Position in DOMAIN.md's precedence order; lower comes first. */
    public int precedence(String id) {
        return precedence.getOrDefault(id, Integer.MAX_VALUE);
    }

    public Comparator<Finding> byPrecedence() {
        return Comparator.comparingInt(f -> precedence(f.ruleId()));
    }

    /**
     * A finding of an input rule, which only the engine can raise because only it sees the stream.
     */
    public Finding inputFinding(String ruleId, String callId, SourceRef source, Object... args) {
        RuleInfo info = byId.get(ruleId);
        if (info == null || !(info.rule() instanceof InputRule)) {
            throw new IllegalArgumentException("not an input rule: " + ruleId);
        }
        return new Finding(info, info.severity(), List.of(args), callId, null, null, source, null);
    }

    /** A finding of a pipeline rule about a located entry of a reviewed file (a waiver). */
    public Finding locatedFinding(String ruleId, ProfileLocation location, Object... args) {
        RuleInfo info = byId.get(ruleId);
        if (info == null || !(info.rule() instanceof InputRule)) {
            throw new IllegalArgumentException("not an input rule: " + ruleId);
        }
        return new Finding(info, info.severity(), List.of(args), null, null, null, null, location);
    }

    /**
     * The rules an audit without a profile cannot run, in precedence order: what the report lists so nobody
     * reads their silence as "ruled out".
     */
    public List<RuleInfo> needingProfile() {
        return List.copyOf(needingProfile);
    }

    /** Runs every profile rule; none without a profile, whose defaults are nobody's configuration. */
    public List<Finding> checkProfile(Profile profile) {
        if (!profile.applied()) {
            return List.of();
        }
        ProfileContext ctx = new ProfileContext(profile);
        for (RuleInfo info : profileRules) {
            if (!info.appliesTo(profile.provider())) {
                continue;
            }
            ctx.enter(info);
            ((ProfileRule) info.rule()).check(ctx);
        }
        return ctx.findings();
    }

    /**
     * The checklist for one call: every call rule that applies, in precedence order, with what it found and
     * the data it looked at. Runs the rules itself, so {@code ctx} must be fresh.
     */
    public List<Step> explainCall(CallContext ctx) {
        List<Finding> findings = checkCall(ctx);
        List<Step> steps = new ArrayList<>();
        for (RuleInfo info : rules) {
            if (!(info.rule() instanceof CallRule rule) || !runs(info, ctx.profile())) {
                continue;
            }
            List<Finding> mine = findings.stream().filter(f -> f.rule() == info).toList();
            steps.add(new Step(info, mine, rule.facts(ctx)));
        }
        return steps;
    }

    /**
     * Runs the call rules: evidence first in precedence order, then fallbacks, which only fire when the
     * evidence explains nothing. Ingestion rules run only when the profile configures ingestion.
     *
     * @return the findings in precedence order, the primary reason first
     */
    public List<Finding> checkCall(CallContext ctx) {
        Applicable rulesToRun = applicable(ctx.profile());
        for (List<RuleInfo> pass : rulesToRun.passes()) {
            for (RuleInfo info : pass) {
                ctx.enter(info);
                ((CallRule) info.rule()).check(ctx);
            }
        }
        List<Finding> out = new ArrayList<>(ctx.findings());
        out.sort(byPrecedence());
        return Collections.unmodifiableList(out);
    }

    /**
     * Whether a rule runs under {@code profile}: only for the profile's provider; ingestion rules only when the
     * profile configures ingestion; rules that need a profile only when one was given.
     */
    private boolean runs(RuleInfo info, Profile profile) {
        if (!info.appliesTo(profile.provider())) {
            return false;
        }
        if (info.family() == Family.INGEST && !profile.ingestionConfigured()) {
            return false;
        }
        return profile.applied() || !needsProfile.contains(info);
    }

    /**
     * The call rules that run under one kind of profile (provider, applied or not, ingestion or not), evidence
     * first, then fallbacks. Decided once per audit rather than for every rule of every call: an audit has one
     * profile, so the last answer is kept and reused while the profile's kind stays the same.
     */
    private record Applicable(Provider provider, boolean applied, boolean ingestion, List<List<RuleInfo>> passes) {

        boolean answers(Profile profile) {
            return provider == profile.provider()
                    && applied == profile.applied()
                    && ingestion == profile.ingestionConfigured();
        }
    }

    private volatile Applicable applicable;

    private Applicable applicable(Profile profile) {
        Applicable known = applicable;
        if (known != null && known.answers(profile)) {
            return known;
        }
        List<List<RuleInfo>> passes = List.of(
                evidenceCallRules.stream().filter(info -> runs(info, profile)).toList(),
                fallbackCallRules.stream().filter(info -> runs(info, profile)).toList());
        known = new Applicable(profile.provider(), profile.applied(), profile.ingestionConfigured(), passes);
        applicable = known;
        return known;
    }
}
