package io.callaudit.rules;

import io.callaudit.model.Profile;
import java.util.ArrayList;
import java.util.List;

/** What a profile rule sees and where it reports: findings point at the profile key at fault. */
public final class ProfileContext {

    private final Profile profile;
    private final List<Finding> findings = new ArrayList<>();
    private RuleInfo current;

    public ProfileContext(Profile profile) {
        this.profile = profile;
    }

    public Profile profile() {
        return profile;
    }

    /** Reports the current rule at {@code key} (dotted path as in {@link Profile#keyLines()}). */
    public void report(String key, Object... args) {
        findings.add(
                new Finding(current, current.severity(), List.of(args), null, null, null, null, profile.locate(key)));
    }

    void enter(RuleInfo rule) {
        this.current = rule;
    }

    public List<Finding> findings() {
        return findings;
    }
}
