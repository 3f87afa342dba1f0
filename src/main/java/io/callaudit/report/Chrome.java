package io.callaudit.report;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The text report's own words (headings, labels, verdicts) in the report's language. Rule prose lives with
 * the rules; keeping the chrome in a bundle of its own lets a translator see everything this report says
 * in one place, and a test keeps the languages' keys equal.
 */
final class Chrome {

    static final String BUNDLE = "io.callaudit.report.text";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Chrome(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Chrome in {@code locale}, English when the language is not one we ship (as for rule prose). */
    static Chrome of(Locale locale) {
        return new Chrome(locale);
    }

    /**
     * The text at {@code key} with its arguments. Arguments are strings, never numbers, so counts read the
     * same in every language ("1234", not "1.234"); apostrophes in the bundle are literal, as in
     * {@link io.callaudit.rules.Messages}.
     */
    String text(String key, String... args) {
        String pattern = bundle.getString(key).replace("'", "''");
        return new MessageFormat(pattern, locale).format(args);
    }
}
