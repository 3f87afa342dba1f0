package io.callaudit.rules;

/**
 * One piece of data a rule looked at, as {@code callaudit explain} shows it: the field or profile key by
 * its wire name (the same in every language) and its value.
 */
public record Fact(String name, Object value) {

    public static Fact of(String name, Object value) {
        return new Fact(name, value);
    }
}
