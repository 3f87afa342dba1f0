package io.callaudit.report;

import io.callaudit.engine.Outcome;
import io.callaudit.engine.Suppression;
import io.callaudit.rules.Severity;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The reports' own words (headings, labels, verdicts) in the report's language. Rule prose lives with the
 * rules; keeping the chrome of every human-facing format (text, markdown, the JUnit and SARIF notes) in one
 * bundle lets a translator see everything callaudit says in one place, and a test keeps the languages' keys
 * equal. Machine-facing names (JSON keys, CSV headers, status values) are not chrome: they never translate.
 */
final class Chrome {

    static final String BUNDLE = "io.callaudit.report.text";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Chrome(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
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

    /**
     * Why a suppressed finding does not fail the run, e.g. {@code waived: reason, owner, until 2026-12-31}
     * or {@code baselined: previous.json}: the same words in every format, so a waiver is always visible
     * with who signed it and until when.
     */
    String suppression(Suppression suppression) {
        if (suppression.kind() == Suppression.Kind.WAIVED) {
            return text(
                    "status.waived",
                    orDash(suppression.reason()),
                    orDash(suppression.owner()),
                    suppression.expires() == null ? "-" : suppression.expires().toString());
        }
        return text("status.baselined", orDash(suppression.reason()));
    }

    /** An outcome as people read it in this language; the wire name stays in JSON, CSV and SARIF. */
    String outcome(Outcome outcome) {
        String key = "outcome." + outcome.wire();
        return bundle.containsKey(key) ? text(key) : outcome.wire();
    }

    /** A severity as people read it in this language, lower case. */
    String severity(Severity severity) {
        return text("severity." + severity.wire());
    }

    /** A severity as a finding's label in a listing, upper case. */
    String severityLabel(Severity severity) {
        return severity(severity).toUpperCase(locale);
    }

    /** An ingestion verdict ({@code ingested}, {@code skipped}) as people read it in this language. */
    String ingestVerdict(String verdict) {
        return text("ingest." + verdict);
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
