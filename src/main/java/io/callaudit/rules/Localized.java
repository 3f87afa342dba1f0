package io.callaudit.rules;

import java.util.List;

/**
 * A message argument that is itself prose (a hint, a qualifier), rendered from the bundle in the report's
 * language rather than baked in by the rule.
 */
public record Localized(String key, List<Object> args) {

    public static Localized of(String key, Object... args) {
        return new Localized(key, List.of(args));
    }
}
