package io.callaudit.lambda;

import io.callaudit.model.WireEnum;
import io.callaudit.rules.Severity;

/**
 * The configuration, checked: what {@link FunctionConfig} says once the prefixes are known not to overlap
 * and the threshold is a severity. Building one is the start-up check.
 *
 * @param profileKey the one profile for every batch, or null to look for the nearest one
 * @param failOn the lowest severity that fails the batch (exit 1), or null for never
 * @param html whether the HTML report is written beside the JSON one
 */
record Settings(Prefixes prefixes, String profileKey, Severity failOn, boolean redact, boolean html) {

    /**
     * @throws IllegalArgumentException when the prefixes overlap or fail-on is not a severity or never
     */
    static Settings of(FunctionConfig config) {
        Prefixes prefixes = Prefixes.of(config);
        String failOn = config.failOn();
        Severity threshold = WireEnum.parse(Severity.class, failOn);
        if (threshold == null && !failOn.equals("never")) {
            throw new IllegalArgumentException("callaudit.lambda.fail-on: '" + failOn + "' is not one of "
                    + WireEnum.choices(Severity.class) + " | never");
        }
        String profileKey = config.profileKey().filter(k -> !k.isBlank()).orElse(null);
        if (profileKey != null && prefixes.isOutput(profileKey)) {
            throw new IllegalArgumentException("callaudit.lambda.profile-key: '" + profileKey
                    + "' is under the output prefix '" + prefixes.output() + "', which holds reports only");
        }
        return new Settings(prefixes, profileKey, threshold, config.redact(), config.htmlReport());
    }
}
