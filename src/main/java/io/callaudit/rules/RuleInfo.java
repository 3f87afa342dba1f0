package io.callaudit.rules;

import io.callaudit.model.Provider;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A registered rule's metadata, validated once at registration so a malformed rule fails the build's
 * tests rather than a user's audit.
 */
public record RuleInfo(
        String id,
        Severity severity,
        Family family,
        Seed seed,
        boolean fallback,
        Effect effect,
        boolean configurable,
        Set<Provider> providers,
        Rule rule) {

    public RuleInfo {
        providers = Set.copyOf(providers);
    }

    /** True when the rule applies to {@code provider}'s calls and profiles ({@link RuleSpec#providers()}). */
    public boolean appliesTo(Provider provider) {
        return provider == null || providers.contains(provider);
    }

    private static final Pattern ID = Pattern.compile("^[a-z]+\\.[a-z0-9]+(-[a-z0-9]+)*$");

    /**
     * True when the rule cannot judge without a profile ({@link RuleSpec#needsProfile()}, or a profile rule).
     * Read from the annotation on demand: the rule set asks once per rule, at registration.
     */
    public boolean needsProfile() {
        return rule instanceof ProfileRule
                || rule.getClass().getAnnotation(RuleSpec.class).needsProfile();
    }

    /** Reads and checks the {@link RuleSpec} of {@code rule}. */
    public static RuleInfo of(Rule rule) {
        RuleSpec spec = rule.getClass().getAnnotation(RuleSpec.class);
        if (spec == null) {
            throw new IllegalStateException(rule.getClass().getName() + " has no @RuleSpec");
        }
        if (!ID.matcher(spec.id()).matches()) {
            throw new IllegalStateException("malformed rule id '" + spec.id() + "'");
        }
        String prefix = spec.id().substring(0, spec.id().indexOf('.'));
        Family family = null;
        for (Family f : Family.values()) {
            if (f.wire().equals(prefix)) {
                family = f;
            }
        }
        if (family == null) {
            throw new IllegalStateException("rule id '" + spec.id() + "' names no family");
        }
        return new RuleInfo(
                spec.id(),
                spec.severity(),
                family,
                spec.seed(),
                spec.fallback(),
                spec.effect(),
                spec.configurable(),
                spec.providers().length == 0
                        ? EnumSet.allOf(Provider.class)
                        : EnumSet.copyOf(Arrays.asList(spec.providers())),
                rule);
    }
}
