package io.callaudit.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for one record of ASCII JSON. Everything the generator writes is ASCII, so encoding
 * through a {@code Writer} would only cost time: at a gigabyte per million calls the generator must not be
 * the slow part of a benchmark run.
 */
final class AsciiBuffer {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private byte[] buf = new byte[4096];
    private int len;

    void reset() {
        len = 0;
    }

    int length() {
        return len;
    }

    /** Drops everything after the first {@code length} bytes. */
    void truncate(int length) {
        len = length;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    /** Appends ASCII text as is: keys, punctuation and values known to need no escaping. */
    AsciiBuffer raw(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
        return this;
    }

    AsciiBuffer raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
        return this;
    }

    AsciiBuffer ch(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    /** A JSON string, quoted and escaped: names and comments come from fixed lists, but the writer stays safe. */
    AsciiBuffer str(String s) {
        if (s == null) {
            return raw(NULL);
        }
        ensure(s.length() + 2);
        buf[len++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                ensure(2 + s.length() - i);
                buf[len++] = '\\';
                buf[len++] = (byte) c;
            } else if (c < 0x20 || c > 0x7e) {
                ensure(7 + s.length() - i);
                buf[len++] = '\\';
                buf[len++] = 'u';
                buf[len++] = HEX[(c >> 12) & 0xf];
                buf[len++] = HEX[(c >> 8) & 0xf];
                buf[len++] = HEX[(c >> 4) & 0xf];
                buf[len++] = HEX[c & 0xf];
            } else {
                buf[len++] = (byte) c;
            }
        }
        ensure(1);
        buf[len++] = '"';
        return this;
    }

    AsciiBuffer nul() {
        return raw(NULL);
    }

    AsciiBuffer bool(boolean b) {
        return raw(b ? "true" : "false");
    }

    AsciiBuffer num(long v) {
        ensure(20);
        if (v == 0) {
            buf[len++] = '0';
            return this;
        }
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int start = len;
        while (v > 0) {
            buf[len++] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** Exactly {@code width} decimal digits, zero-padded; for phone numbers and date fields. */
    AsciiBuffer digits(long v, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            buf[len + i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        len += width;
        return this;
    }

    /** Sixteen lower-case hex digits of {@code v}: call sids, signatures, short-URL tokens. */
    AsciiBuffer hex(long v) {
        ensure(16);
        for (int i = 15; i >= 0; i--) {
            buf[len + i] = HEX[(int) (v & 0xf)];
            v >>>= 4;
        }
        len += 16;
        return this;
    }

    /**
     * A UTC or local civil time from seconds since the epoch (the offset already added for local times), as
     * {@code yyyy-MM-dd<sep>HH:mm:ss}. Hand-rolled (Howard Hinnant's days-to-civil) because
     * {@code DateTimeFormatter} would be most of the generator's time.
     */
    AsciiBuffer civil(long epochSecond, char sep) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        long secs = Math.floorMod(epochSecond, 86_400L);
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2) {
            y++;
        }
        digits(y, 4).ch('-').digits(m, 2).ch('-').digits(d, 2).ch(sep);
        return digits(secs / 3600, 2).ch(':').digits(secs / 60 % 60, 2).ch(':').digits(secs % 60, 2);
    }
}
