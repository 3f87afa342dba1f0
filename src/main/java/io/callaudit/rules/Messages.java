package io.callaudit.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rule prose in the user's language. Rule classes hold no text: summary, message and remediation live in
 * {@code messages.properties} (English) and {@code messages_es.properties} (Spanish), keyed by rule id.
 * An instance caches parsed patterns and is meant for one thread, as a report writer is.
 */
public final class Messages {

    static final String BUNDLE = "io.callaudit.rules.messages";

    private final ResourceBundle bundle;
    /**
     * Parsed patterns by key: a large batch formats the same few dozen patterns millions of times. Concurrent,
     * and each pattern used under its own lock ({@link MessageFormat} is not thread-safe), because a report
     * renders its findings on a second thread while the first writes the calls.
     */
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();
    /**
     * Texts already formatted, by key and arguments: a batch of a million calls says the same twenty thousand
     * things, and formatting was most of a report's time. Bounded, since a batch of distinct values must not
     * grow the heap; past the bound texts are formatted each time.
     */
    private final Map<Formatted, String> formatted = new ConcurrentHashMap<>();

    private static final int MAX_FORMATTED = 20_000;

    private record Formatted(String key, List<Object> args, boolean redact) {}

    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Messages in {@code locale}, English when the language is not one we ship. */
    public static Messages of(Locale locale) {
        return new Messages(locale);
    }

    public static Messages english() {
        return of(Locale.ROOT);
    }

    public Locale locale() {
        return locale;
    }

    public String summary(String ruleId) {
        return text(ruleId + ".summary");
    }

    public String remediation(String ruleId) {
        return text(ruleId + ".remediation");
    }

    /** The finding's message with its arguments filled in, personal data masked when {@code redact}. */
    public String message(Finding finding, boolean redact) {
        return format(finding.ruleId() + ".message", finding.args(), redact);
    }

    /** Any bundle text by key, with arguments; used for report chrome as well as rule prose. */
    public String format(String key, List<Object> args, boolean redact) {
        Formatted cacheKey = new Formatted(key, args, redact);
        String known = formatted.get(cacheKey);
        if (known != null) {
            return known;
        }
        String text = formatNow(key, args, redact);
        if (formatted.size() < MAX_FORMATTED) {
            formatted.put(cacheKey, text);
        }
        return text;
    }

    private String formatNow(String key, List<Object> args, boolean redact) {
        Object[] rendered = new Object[args.size()];
        for (int i = 0; i < rendered.length; i++) {
            rendered[i] = render(args.get(i), redact);
        }
        MessageFormat pattern =
                formats.computeIfAbsent(key, k -> new MessageFormat(text(k).replace("'", "''"), locale));
        synchronized (pattern) {
            return pattern.format(rendered);
        }
    }

    /** True when the bundle has {@code key}; used by the registry to refuse rules without prose. */
    public boolean has(String key) {
        try {
            bundle.getString(key);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }

    public String text(String key) {
        return bundle.getString(key);
    }

    /**
     * One argument as reports print it: strings, never locale-formatted numbers ("14401 s" must read the same
     * in every report), personal data masked when {@code redact}, prose in this language.
     */
    public String render(Object arg, boolean redact) {
        if (arg instanceof Localized l) {
            return format(l.key(), l.args(), redact);
        }
        if (arg instanceof Sensitive s) {
            return redact ? s.masked() : String.valueOf(s.value());
        }
        if (arg instanceof Double d) {
            return seconds(d);
        }
        return String.valueOf(arg);
    }

    /**
     * Whole seconds print without a fraction; partial seconds keep up to three decimals, never rounded up to
     * a threshold they are below ("4.999 s, below the 5 s minimum").
     */
    public static String seconds(double value) {
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            return String.valueOf(value);
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(3, RoundingMode.DOWN).stripTrailingZeros();
        return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
    }
}
