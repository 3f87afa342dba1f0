package io.callaudit.rules.link;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.DateTimeException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The expiry a signed recording link carries in its own query, so an expired link is found without a
 * profile: presigned S3 ({@code X-Amz-Date} + {@code X-Amz-Expires}, SigV4), CloudFront ({@code Expires},
 * epoch seconds), Google Cloud Storage V4 ({@code X-Goog-Date} + {@code X-Goog-Expires}) and Azure SAS
 * ({@code se}, an ISO instant). Anything else, or anything malformed, has no known expiry.
 */
public enum SignedLink {
    S3("X-Amz-Date", "X-Amz-Expires"),
    GCS("X-Goog-Date", "X-Goog-Expires"),
    CLOUDFRONT(null, "Expires"),
    AZURE_SAS(null, "se");

    /** {@code 20240131T120000Z}, the SigV4 and GCS V4 signing time. */
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT);

    private final String dateParam;
    private final String expiryParam;

    SignedLink(String dateParam, String expiryParam) {
        this.dateParam = dateParam;
        this.expiryParam = expiryParam;
    }

    /** When {@code url} stops working according to its own signature, or null when it does not say. */
    public static Instant expiry(String url) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        Map<String, String> params = query(url.substring(q + 1));
        for (SignedLink kind : values()) {
            Instant at = kind.read(params);
            if (at != null) {
                return at;
            }
        }
        return null;
    }

    private Instant read(Map<String, String> params) {
        String expiry = params.get(expiryParam.toLowerCase(Locale.ROOT));
        if (expiry == null) {
            return null;
        }
        try {
            return switch (this) {
                case S3, GCS -> {
                    String date = params.get(dateParam.toLowerCase(Locale.ROOT));
                    long seconds = Long.parseLong(expiry);
                    yield date == null || seconds < 0 ? null
                            : LocalDateTime.parse(date, BASIC).toInstant(ZoneOffset.UTC).plusSeconds(seconds);
                }
                case CLOUDFRONT -> Instant.ofEpochSecond(Long.parseLong(expiry));
                case AZURE_SAS -> params.containsKey("sig") ? azure(expiry) : null;
            };
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /** {@code se} is an ISO 8601 instant, with or without seconds, or a bare date (midnight UTC). */
    private static Instant azure(String se) {
        if (se.length() == 10) {
            return java.time.LocalDate.parse(se).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        String s = se.length() == 17 && se.endsWith("Z") ? se.substring(0, 16) + ":00Z" : se;
        return OffsetDateTime.parse(s).toInstant();
    }

    /** Percent-decoding of a query component ({@code +} is a space), UTF-8; a bad escape throws. */
    private static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("truncated escape");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad escape");
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Query parameters by lower-cased name; the first of a repeated name wins. */
    private static Map<String, String> query(String query) {
        int hash = query.indexOf('#');
        String q = hash < 0 ? query : query.substring(0, hash);
        Map<String, String> out = new HashMap<>();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            try {
                out.putIfAbsent(decode(pair.substring(0, eq)).toLowerCase(Locale.ROOT), decode(pair.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                // a malformed escape: that parameter says nothing
            }
        }
        return out;
    }
}
