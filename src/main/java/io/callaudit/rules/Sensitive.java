package io.callaudit.rules;

/**
 * Personal data carried in a finding's arguments: phone numbers, emails, recording URLs. Logs never
 * show it in clear; reports show it unless {@code --redact} asks them not to.
 */
public record Sensitive(Kind kind, String value) {

    /** What sort of personal data, which decides how it is masked. */
    public enum Kind {
        PHONE,
        EMAIL,
        URL,
        /** Any other value quoted from the batch (a rejected record's field): masked whole. */
        VALUE
    }

    public static Sensitive phone(String value) {
        return new Sensitive(Kind.PHONE, value);
    }

    public static Sensitive email(String value) {
        return new Sensitive(Kind.EMAIL, value);
    }

    public static Sensitive url(String value) {
        return new Sensitive(Kind.URL, value);
    }

    public static Sensitive value(String value) {
        return new Sensitive(Kind.VALUE, value);
    }

    /** Enough left to tell two values apart in a review, not enough to reach the person. */
    public String masked() {
        if (value == null) {
            return "null";
        }
        return switch (kind) {
            case PHONE -> {
                String digits = value.replaceAll("[^0-9]", "");
                yield "•••" + (digits.length() > 2 ? digits.substring(digits.length() - 2) : "");
            }
            case EMAIL -> {
                int at = value.indexOf('@');
                yield at > 0 ? value.charAt(0) + "•••" + value.substring(at) : "•••";
            }
            case URL -> {
                int scheme = value.indexOf("://");
                int slash = scheme < 0 ? -1 : value.indexOf('/', scheme + 3);
                yield (slash < 0 ? value : value.substring(0, slash)) + "/•••";
            }
            case VALUE -> "•••";
        };
    }

    @Override
    public String toString() {
        return masked();
    }
}
