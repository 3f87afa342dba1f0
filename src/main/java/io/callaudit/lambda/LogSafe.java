package io.callaudit.lambda;

import io.callaudit.rules.Sensitive;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks phone numbers, emails and recording URLs in text bound for logs and error responses. The function
 * logs its own messages, which name objects and counts only, but an error's detail can quote the batch (a
 * parser echoing a token, a profile error naming a value), and DOMAIN.md forbids personal data in clear in
 * logs. Masks look like the reports' {@code --redact} ones ({@link Sensitive#masked()}).
 */
final class LogSafe {

    private static final Pattern URL = Pattern.compile("\\b(?:https?|s3|ftp)://[^\\s'\"<>]+");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    /** Seven to fifteen digits, optionally with a leading +, spaces, dots, dashes or brackets; not a date. */
    private static final Pattern PHONE =
            Pattern.compile("(?<![\\w.])(?!\\d{4}-\\d{2}-\\d{2})\\+?\\(?\\d(?:[\\s().-]{0,2}\\d){6,14}(?![\\w])");

    private LogSafe() {}

    /**
     * {@code text} with personal data masked; the {@code keep} strings (object keys and {@code s3://} URIs,
     * which name files, not people, and which operators need to find the object) are left as they are.
     */
    static String redact(String text, String... keep) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (from < text.length()) {
            int next = -1;
            String kept = null;
            for (String k : keep) {
                int at = k == null || k.isEmpty() ? -1 : text.indexOf(k, from);
                if (at >= 0 && (next < 0 || at < next || at == next && k.length() > kept.length())) {
                    next = at;
                    kept = k;
                }
            }
            if (next < 0) {
                out.append(mask(text.substring(from)));
                break;
            }
            out.append(mask(text.substring(from, next))).append(kept);
            from = next + kept.length();
        }
        return out.toString();
    }

    private static String mask(String text) {
        String s = replace(URL, text, Sensitive.Kind.URL);
        s = replace(EMAIL, s, Sensitive.Kind.EMAIL);
        return replace(PHONE, s, Sensitive.Kind.PHONE);
    }

    private static String replace(Pattern pattern, String text, Sensitive.Kind kind) {
        Matcher m = pattern.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(new Sensitive(kind, m.group()).masked()));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
