package io.callaudit.rules;

import io.callaudit.model.Provider;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's public identity, kept on the rule class itself so that id, severity and source cannot drift
 * apart (Error Prone's {@code @BugPattern}). Prose lives in the message bundles, keyed by {@link #id()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleSpec {

    /** Stable public id, {@code family.kebab-name}; part of the report contract. */
    String id();

    Severity severity();

    Seed seed();

    /**
     * The providers whose help articles state the rule; empty for every provider. A rule does not fire, and
     * {@code explain} does not walk it, for another provider's calls or profile: a provider's article says
     * nothing about another's behaviour.
     */
    Provider[] providers() default {};

    /**
     * Fallback rules only fire when no evidence-based rule explains the call; they run after all others.
     */
    boolean fallback() default false;

    /** What the rule's firing does to the call's outcome; profile and input rules keep {@code NONE}. */
    Effect effect() default Effect.NONE;

    /**
     * True when the gap this rule explains is caused by a profile setting, so a profile change can create or
     * remove it; {@code callaudit diff} uses this to tell which calls a change stops or starts recording.
     */
    boolean configurable() default false;

    /**
     * True when the rule can only judge with a profile (an inventory, retention, a pause switch): without
     * one it does not run, and the report names it among the rules that could not. Profile rules need one
     * by nature and need not say so.
     */
    boolean needsProfile() default false;
}
