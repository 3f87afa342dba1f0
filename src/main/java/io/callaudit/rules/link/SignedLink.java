package io.callaudit.rules.link;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The expiry a signed recording link carries in its own query, so an expired link is found without a
 * profile: presigned S3 ({@code X-Amz-Date} + {@code X-Amz-Expires}, SigV4), Google Cloud Storage V4
 * ({@code X-Goog-Date} + {@code X-Goog-Expires}), CloudFront ({@code Expires}, epoch seconds) and Azure SAS
 * ({@code se}, an ISO instant, with its {@code sig}). Anything else, or anything malformed, has no known expiry.
 *
 * <p>Read for every recorded call of a batch, so the query is scanned once, in place, for the few parameter
 * names that matter; nothing is decoded or allocated for the rest.
 */
final class SignedLink {

    /** {@code 20240131T120000Z}, the SigV4 and GCS V4 signing time. */
    private static final String[] NAMES = {
        "X-Amz-Date", "X-Amz-Expires", "X-Goog-Date", "X-Goog-Expires", "Expires", "se", "sig"
    };

    private static final int AMZ_DATE = 0;
    private static final int AMZ_EXPIRES = 1;
    private static final int GOOG_DATE = 2;
    private static final int GOOG_EXPIRES = 3;
    private static final int EXPIRES = 4;
    private static final int SE = 5;
    private static final int SIG = 6;

    private SignedLink() {}

    /** When {@code url} stops working according to its own signature, or null when it does not say. */
    static Instant expiry(String url) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        String[] values = new String[NAMES.length];
        int end = url.indexOf('#', q);
        end = end < 0 ? url.length() : end;
        int i = q + 1;
        while (i < end) {
            int amp = url.indexOf('&', i);
            amp = amp < 0 || amp > end ? end : amp;
            int eq = url.indexOf('=', i);
            if (eq > i && eq < amp) {
                int len = eq - i;
                for (int n = 0; n < NAMES.length; n++) {
                    if (values[n] == null && NAMES[n].length() == len && url.regionMatches(true, i, NAMES[n], 0, len)) {
                        values[n] = url.substring(eq + 1, amp);
                        break;
                    }
                }
            }
            i = amp + 1;
        }
        try {
            if (values[AMZ_DATE] != null && values[AMZ_EXPIRES] != null) {
                return signedAt(values[AMZ_DATE], values[AMZ_EXPIRES]);
            }
            if (values[GOOG_DATE] != null && values[GOOG_EXPIRES] != null) {
                return signedAt(values[GOOG_DATE], values[GOOG_EXPIRES]);
            }
            if (values[EXPIRES] != null) {
                return Instant.ofEpochSecond(Long.parseLong(values[EXPIRES]));
            }
            if (values[SE] != null && values[SIG] != null) {
                return azure(decode(values[SE]));
            }
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            // NumberFormatException included: a malformed parameter says nothing, and neither does an expiry
            // past what an Instant holds (X-Amz-Expires near Long.MAX_VALUE overflows plusSeconds)
        }
        return null;
    }

    /**
     * {@code X-Amz-Date}/{@code X-Amz-Expires} (and Google's): {@code yyyyMMdd'T'HHmmss'Z'} plus a lifetime in
     * seconds. Read by position: every recorded call of an export with pre-signed links comes through here, and
     * a formatter parse per call was a tenth of the audit's time.
     */
    private static Instant signedAt(String date, String expires) {
        long seconds = Long.parseLong(expires);
        if (seconds < 0) {
            return null;
        }
        if (date.length() != 16 || date.charAt(8) != 'T' || date.charAt(15) != 'Z') {
            throw new DateTimeException("not a basic ISO date-time: " + date);
        }
        LocalDateTime signed = LocalDateTime.of(
                digits(date, 0, 4),
                digits(date, 4, 6),
                digits(date, 6, 8),
                digits(date, 9, 11),
                digits(date, 11, 13),
                digits(date, 13, 15));
        return signed.toInstant(ZoneOffset.UTC).plusSeconds(seconds);
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a digit in " + s);
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** {@code se} is an ISO 8601 instant, with or without seconds, or a bare date (midnight UTC). */
    private static Instant azure(String se) {
        if (se.length() == 10) {
            return LocalDate.parse(se).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        String s = se.length() == 17 && se.endsWith("Z") ? se.substring(0, 16) + ":00Z" : se;
        return OffsetDateTime.parse(s).toInstant();
    }

    /** Percent-decoding of a query value ({@code +} is a space), UTF-8; a bad escape throws. */
    private static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
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
}
