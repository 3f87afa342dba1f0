package io.callaudit.ingest;

import io.callaudit.model.CallRecord;
import io.callaudit.model.Direction;
import io.callaudit.model.SourceRef;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Reads the common Aircall NDJSON line, one bare call object, straight from its bytes into a call, pulling out
 * the dozen fields the audit uses and only checking the rest is well-formed JSON. A Jackson tree per call cost
 * more than the whole audit did; this is about five times faster and allocates little beyond the call itself.
 *
 * <p>It is a fast path, not a second parser with its own opinions: it accepts a line only when it is sure the
 * tree path ({@link JsonRecordStream} and {@link AircallMapper}) would read the same call from it, and answers
 * null otherwise, so the reader hands that line to the tree path, which reads it or rejects it with its usual
 * message. Anything unusual falls back: an escape or a non-ASCII byte in a value it uses, a repeated key, a
 * number where it expects a plain integer, a webhook envelope or wrapper, a page, anything after the object,
 * deep nesting, long lines, and of course malformed JSON, which it must never accept.
 */
final class AircallLineScanner {

    /** Past this, Jackson's read constraints (name and number lengths) could come into play: leave it to Jackson. */
    private static final int MAX_LINE = 32 * 1024;

    private static final int MAX_DEPTH = 64;
    private static final int MAX_NUMBER = 64;

    /** Thrown to abandon the fast path; preallocated, since it is control flow, not an error. */
    private static final class Fallback extends RuntimeException {
        Fallback() {
            super(null, null, false, false);
        }
    }

    private static final Fallback FALLBACK = new Fallback();

    // Keys of the call object the audit reads; the bit of each marks it seen, to fall back on repeats.
    private static final int ID = 1;
    private static final int DIRECTION = 1 << 1;
    private static final int STARTED = 1 << 2;
    private static final int ANSWERED = 1 << 3;
    private static final int ENDED = 1 << 4;
    private static final int MISSED = 1 << 5;
    private static final int VOICEMAIL = 1 << 6;
    private static final int VOICEMAIL_SHORT = 1 << 7;
    private static final int ASSET = 1 << 8;
    private static final int RECORDING = 1 << 9;
    private static final int RECORDING_SHORT = 1 << 10;
    private static final int NUMBER = 1 << 11;
    private static final int USER = 1 << 12;
    private static final int TEAMS = 1 << 13;
    /** Keys that make the object something else than a bare call: an envelope, a wrapper or a page. */
    private static final int OTHER_SHAPE = -1;

    private static final int IGNORED = 0;

    /**
     * The top-level keys, from the one vocabulary both Aircall readers share ({@link AircallKey}), each with its
     * bit; a key of the call the scanner has no bit for falls back, so none is ever dropped on this path.
     */
    private static final byte[][] CALL_KEYS = Stream.of(AircallKey.values())
            .filter(k -> k.scope == AircallKey.Scope.CALL || k.scope == AircallKey.Scope.SHAPE)
            .map(k -> k.ascii)
            .toArray(byte[][]::new);

    private static final int[] CALL_KEY_BITS = Stream.of(AircallKey.values())
            .filter(k -> k.scope == AircallKey.Scope.CALL || k.scope == AircallKey.Scope.SHAPE)
            .mapToInt(AircallLineScanner::bit)
            .toArray();

    /** The bit a top-level key is read under; {@link #IGNORED} for keys only the tree path consults. */
    private static int bit(AircallKey k) {
        return switch (k) {
            case ID -> ID;
            case DIRECTION -> DIRECTION;
            case STARTED_AT -> STARTED;
            case ANSWERED_AT -> ANSWERED;
            case ENDED_AT -> ENDED;
            // only consulted without ended_at, and every call without one goes to the tree path
            case DURATION, STATUS -> IGNORED;
            case MISSED_CALL_REASON -> MISSED;
            case VOICEMAIL -> VOICEMAIL;
            case VOICEMAIL_SHORT_URL -> VOICEMAIL_SHORT;
            case ASSET -> ASSET;
            case RECORDING -> RECORDING;
            case RECORDING_SHORT_URL -> RECORDING_SHORT;
            case NUMBER -> NUMBER;
            case USER -> USER;
            case TEAMS -> TEAMS;
            case CALL_WRAPPER, CALLS, EXOTEL_CALLS, DATA, EVENT, RESOURCE -> OTHER_SHAPE;
            // nested keys are read inside number and user; a new call key must be given a bit here
            default -> throw new IllegalStateException("no bit for Aircall key " + k.wire);
        };
    }

    /**
     * The call keys by a hash of their length, first and last bytes, so a key is compared with one candidate at most
     * instead of twenty: a call object has thirty keys and this ran for each.
     */
    private static final int[] KEY_SLOTS = keySlots();

    private static final byte[] NULL = ascii("null");
    private static final byte[] RECORDING_PAGE = ascii(AircallFields.RECORDING_PAGE);
    private static final byte[] VOICEMAIL_PAGE = ascii(AircallFields.VOICEMAIL_PAGE);
    private static final long NO_TEXT = -1;
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");

    private static final byte[] KEY_DIGITS = AircallKey.NUMBER_DIGITS.ascii;
    private static final byte[] KEY_E164 = AircallKey.NUMBER_E164_DIGITS.ascii;
    private static final byte[] KEY_LIVE_RECORDING = AircallKey.NUMBER_LIVE_RECORDING.ascii;
    private static final byte[] KEY_EMAIL = AircallKey.USER_EMAIL.ascii;

    /** The reader's buffer, kept between lines (with its view) since it changes only when a line outgrows it. */
    private byte[] b;

    private ByteBuffer words;
    private int p;
    private int end;
    private int seen;

    /**
     * The call on {@code line}, or null when the line should go to the tree path instead.
     *
     * @param from the first byte of the line, its terminator excluded
     * @param to one past the last byte of the line
     */
    CallRecord scan(byte[] bytes, int from, int to, String file, long line) {
        if (to - from > MAX_LINE) {
            return null;
        }
        if (bytes != b) {
            b = bytes;
            words = Words.view(bytes);
        }
        p = from;
        end = to;
        seen = 0;
        try {
            AircallFields call = callObject();
            skipWhitespace();
            if (p != end) {
                return null;
            }
            return call.toCall(new SourceRef(file, line), null);
        } catch (Fallback e) {
            return null;
        }
    }

    private AircallFields callObject() {
        skipWhitespace();
        expect('{');
        AircallFields f = new AircallFields();
        long voicemail = NO_TEXT;
        long voicemailShort = NO_TEXT;
        long asset = NO_TEXT;
        long recording = NO_TEXT;
        long recordingShort = NO_TEXT;
        String digits = null;
        String e164 = null;
        skipWhitespace();
        if (peek() == '}') {
            throw FALLBACK; // no id: the tree path says so
        }
        while (true) {
            int bit = key();
            if (bit == OTHER_SHAPE || (bit != IGNORED && (seen & bit) != 0)) {
                throw FALLBACK;
            }
            seen |= bit;
            switch (bit) {
                case ID -> f.id = id();
                case DIRECTION -> f.direction = direction();
                case STARTED -> f.started = timestamp();
                case ANSWERED -> f.answered = timestamp();
                case ENDED -> f.ended = timestamp();
                case MISSED -> f.missedReason = text();
                case VOICEMAIL -> voicemail = textRange();
                case VOICEMAIL_SHORT -> voicemailShort = textRange();
                case ASSET -> asset = textRange();
                case RECORDING -> recording = textRange();
                case RECORDING_SHORT -> recordingShort = textRange();
                case NUMBER -> {
                    if (!nullLiteral()) {
                        String[] number = nested(KEY_DIGITS, KEY_E164, KEY_LIVE_RECORDING);
                        f.numberId = number[0];
                        f.lineRecording = nestedFlag;
                        digits = number[1];
                        e164 = number[2];
                    }
                }
                case USER -> {
                    if (!nullLiteral()) {
                        f.hasUser = true;
                        String[] user = nested(KEY_EMAIL, null, null);
                        f.userId = user[0];
                        f.userEmail = user[1];
                    }
                }
                case TEAMS -> f.teamsAssigned = teams();
                default -> skipValue(0);
            }
            if (endOf('}')) {
                break;
            }
        }
        if (f.id == null || f.started == null || f.ended == null || f.ended.isBefore(f.started)) {
            throw FALLBACK; // missing or contradictory: the tree path names the field (or derives ended_at)
        }
        // Only the link the record keeps becomes a string; AircallFields picks the first of these that is set.
        f.voicemail =
                voicemail != NO_TEXT ? string(voicemail) : voicemailShort != NO_TEXT ? string(voicemailShort) : null;
        if (recording != NO_TEXT) {
            f.recording = string(recording);
        } else if (recordingShort != NO_TEXT) {
            f.recordingShortUrl = string(recordingShort);
        }
        // The asset page matters as the recording's last-resort link, or as the sign of a voicemail.
        if (asset != NO_TEXT && (contains(asset, RECORDING_PAGE) || contains(asset, VOICEMAIL_PAGE))) {
            f.asset = string(asset);
        }
        f.numberDigits = AircallMapper.first(digits, e164);
        return f;
    }

    /** The boolean {@link #nested} read last ({@code number.live_recording_activated}), null when absent. */
    private Boolean nestedFlag;

    /**
     * A nested object ({@code number}, {@code user}) of which {@code id} and one or two text fields are read:
     * {id, first, second}, and a boolean {@code flag} into {@link #nestedFlag}. Anything but an object falls back.
     */
    private String[] nested(byte[] first, byte[] second, byte[] flag) {
        String[] out = new String[3];
        nestedFlag = null;
        int nestedSeen = 0;
        if (empty('{', '}')) {
            return out;
        }
        while (true) {
            skipWhitespace();
            int k = nestedKey(first, second, flag);
            if (k != 0 && (nestedSeen & k) != 0) {
                throw FALLBACK;
            }
            nestedSeen |= k;
            switch (k) {
                case 1 -> out[0] = id();
                case 2 -> out[1] = text();
                case 4 -> out[2] = text();
                case 8 -> nestedFlag = bool();
                default -> skipValue(1);
            }
            if (endOf('}')) {
                return out;
            }
        }
    }

    /** Opens an object or array; true when it closes right away (and is then consumed whole). */
    private boolean empty(char open, char close) {
        expect(open);
        skipWhitespace();
        if (peek() == close) {
            p++;
            return true;
        }
        return false;
    }

    /** After a member or element: true at the closing bracket, false after a comma, else not JSON. */
    private boolean endOf(char close) {
        skipWhitespace();
        byte c = next();
        if (c == close) {
            return true;
        }
        if (c != ',') {
            throw FALLBACK;
        }
        return false;
    }

    /** {@code teams}: whether it is a non-empty array (anything else assigns no team). */
    private boolean teams() {
        skipWhitespace();
        if (peek() != '[') {
            skipValue(0);
            return false;
        }
        int at = p + 1;
        while (at < end && isWhitespace(b[at])) {
            at++;
        }
        boolean empty = at < end && b[at] == ']';
        skipValue(0);
        return !empty;
    }

    /**
     * A key of the call object: its bit in {@link #CALL_KEY_BITS}, {@link #IGNORED} for any other key. Escaped keys fall
     * back, since an escape could spell a key the audit reads.
     */
    private int key() {
        skipWhitespace();
        expect('"');
        int start = p;
        int stop = skipStringBody();
        int len = stop - start;
        skipWhitespace();
        expect(':');
        skipWhitespace();
        if (len == 0) {
            return IGNORED;
        }
        int i = KEY_SLOTS[keySlot(len, b[start], b[stop - 1])];
        return i >= 0 && CALL_KEYS[i].length == len && equalsAt(CALL_KEYS[i], start) ? CALL_KEY_BITS[i] : IGNORED;
    }

    private static int keySlot(int length, byte first, byte last) {
        return (length + last + first * 5) & 255;
    }

    /** Slot to key index; a build that gave two keys one slot would fail here, at class initialisation. */
    private static int[] keySlots() {
        int[] slots = new int[256];
        Arrays.fill(slots, -1);
        for (int i = 0; i < CALL_KEYS.length; i++) {
            byte[] k = CALL_KEYS[i];
            int slot = keySlot(k.length, k[0], k[k.length - 1]);
            if (slots[slot] >= 0) {
                throw new IllegalStateException("call keys share a slot: " + new String(k, StandardCharsets.US_ASCII));
            }
            slots[slot] = i;
        }
        return slots;
    }

    /**
     * A key of a nested object: 1 for {@code id}, 2 for {@code first}, 4 for {@code second}, 8 for {@code flag},
     * else 0.
     */
    private int nestedKey(byte[] first, byte[] second, byte[] flag) {
        expect('"');
        int start = p;
        int stop = skipStringBody();
        int len = stop - start;
        skipWhitespace();
        expect(':');
        skipWhitespace();
        if (len == 2 && b[start] == 'i' && b[start + 1] == 'd') {
            return 1;
        }
        if (first.length == len && equalsAt(first, start)) {
            return 2;
        }
        if (second != null && second.length == len && equalsAt(second, start)) {
            return 4;
        }
        if (flag != null && flag.length == len && equalsAt(flag, start)) {
            return 8;
        }
        return 0;
    }

    private boolean equalsAt(byte[] k, int start) {
        for (int j = 0; j < k.length; j++) {
            if (b[start + j] != k[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Skips a key's body after its opening quote and returns where its closing quote is; an escape falls back,
     * since it could spell a key the audit reads.
     */
    private int skipStringBody() {
        skipPlainString(false);
        while (p < end) {
            byte c = b[p];
            if (c == '"') {
                return p++;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                throw FALLBACK;
            }
            p++;
        }
        throw FALLBACK;
    }

    /** An id: a plain integer, or a string, trimmed; blank or JSON null is absent. */
    private String id() {
        byte c = peek();
        if (c == '"') {
            return text();
        }
        if (c == 'n') {
            literal(NULL);
            return null;
        }
        int start = p;
        if (c < '1' || c > '9') {
            throw FALLBACK; // 0, negative: rare enough to leave to Jackson's canonical form
        }
        while (p < end && isDigit(b[p])) {
            p++;
        }
        if (p - start > MAX_NUMBER || p < end && (b[p] == '.' || b[p] == 'e' || b[p] == 'E')) {
            throw FALLBACK;
        }
        return new String(b, start, p - start, StandardCharsets.ISO_8859_1);
    }

    /** A UNIX timestamp in whole seconds, or JSON null; strings and fractions go to the tree path. */
    private Instant timestamp() {
        if (nullLiteral()) {
            return null;
        }
        int start = p;
        long seconds = 0;
        while (p < end && isDigit(b[p])) {
            seconds = seconds * 10 + (b[p] - '0');
            p++;
            if (p - start > 12) {
                throw FALLBACK;
            }
        }
        if (p == start
                || (b[start] == '0' && p - start > 1)
                || seconds >= ObjectFields.MAX_EPOCH_SECOND
                || p < end && (b[p] == '.' || b[p] == 'e' || b[p] == 'E')) {
            throw FALLBACK;
        }
        return Instant.ofEpochSecond(seconds);
    }

    private Direction direction() {
        String s = text();
        if (s == null) {
            return null;
        }
        Direction d = s.equals("inbound") ? Direction.INBOUND : s.equals("outbound") ? Direction.OUTBOUND : null;
        if (d == null) {
            throw FALLBACK;
        }
        return d;
    }

    /**
     * A plain ASCII string, trimmed, blank as absent; or JSON null. Escapes and non-ASCII bytes fall back rather
     * than be decoded a second way.
     */
    private String text() {
        long range = textRange();
        return range == NO_TEXT ? null : string(range);
    }

    /**
     * Where {@link #text()}'s value lies, start and end packed in one long, or {@link #NO_TEXT}: the links of a
     * call are a third of its bytes, and only one of them ends up in the record, so the others never become
     * strings.
     */
    private long textRange() {
        if (nullLiteral()) {
            return NO_TEXT;
        }
        expect('"');
        int start = p;
        skipPlainString(true);
        while (true) {
            if (p >= end) {
                throw FALLBACK;
            }
            byte c = b[p];
            if (c == '"') {
                break;
            }
            if (c == '\\' || c < 0x20) { // bytes >= 0x80 are negative
                throw FALLBACK;
            }
            p++;
        }
        int stop = p++;
        while (start < stop && b[start] == ' ') {
            start++;
        }
        while (stop > start && b[stop - 1] == ' ') {
            stop--;
        }
        return start == stop ? NO_TEXT : (long) start << 32 | stop;
    }

    private String string(long range) {
        int start = (int) (range >>> 32);
        return new String(b, start, (int) range - start, StandardCharsets.ISO_8859_1);
    }

    /** Whether the range holds {@code needle}, as {@code asset.contains(...)} would say. */
    private boolean contains(long range, byte[] needle) {
        int start = (int) (range >>> 32);
        int last = (int) range - needle.length;
        for (int i = start; i <= last; i++) {
            if (equalsAt(needle, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves eight bytes at a time over string content that needs no attention: no quote, no backslash, no
     * control character, and no byte of a multi-byte character when {@code asciiOnly}. Stops at the word that
     * holds one, exactly on it, or before the last partial word; the caller then goes on byte by byte.
     */
    private void skipPlainString(boolean asciiOnly) {
        while (p + 8 <= end) {
            long w = words.getLong(p);
            long found = Words.equal(w, (byte) '"') | Words.equal(w, (byte) '\\') | Words.below(w, 0x20);
            if (asciiOnly) {
                found |= Words.nonAscii(w);
            }
            if (found != 0) {
                p += Words.firstIndex(found);
                return;
            }
            p += 8;
        }
    }

    /** {@code true}, {@code false} or null; a string or anything else goes to the tree path. */
    private Boolean bool() {
        byte c = peek();
        if (c == 't') {
            literal(TRUE);
            return Boolean.TRUE;
        }
        if (c == 'f') {
            literal(FALSE);
            return Boolean.FALSE;
        }
        if (c == 'n') {
            literal(NULL);
            return null;
        }
        throw FALLBACK;
    }

    private boolean nullLiteral() {
        if (peek() == 'n') {
            literal(NULL);
            return true;
        }
        return false;
    }

    /** Skips one JSON value, checking it is well-formed as strictly as Jackson does. */
    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw FALLBACK;
        }
        byte c = peek();
        switch (c) {
            case '"' -> {
                p++;
                skipValidString();
            }
            case '{' -> {
                if (empty('{', '}')) {
                    return;
                }
                while (true) {
                    skipWhitespace();
                    expect('"');
                    skipValidString();
                    skipWhitespace();
                    expect(':');
                    skipWhitespace();
                    skipValue(depth + 1);
                    if (endOf('}')) {
                        return;
                    }
                }
            }
            case '[' -> {
                if (empty('[', ']')) {
                    return;
                }
                while (true) {
                    skipWhitespace();
                    skipValue(depth + 1);
                    if (endOf(']')) {
                        return;
                    }
                }
            }
            case 't' -> literal(TRUE);
            case 'f' -> literal(FALSE);
            case 'n' -> literal(NULL);
            default -> skipNumber();
        }
    }

    /** A string's body after its opening quote: escapes must be JSON's, control characters must be escaped. */
    private void skipValidString() {
        while (true) {
            skipPlainString(false);
            byte c = next();
            if (c == '"') {
                return;
            }
            if (c == '\\') {
                byte e = next();
                switch (e) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {}
                    case 'u' -> {
                        for (int i = 0; i < 4; i++) {
                            if (Character.digit(next(), 16) < 0) {
                                throw FALLBACK;
                            }
                        }
                    }
                    default -> throw FALLBACK;
                }
            } else if (c >= 0 && c < 0x20) {
                throw FALLBACK;
            }
        }
    }

    /** {@code -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?}, as RFC 8259 and Jackson's defaults have it. */
    private void skipNumber() {
        int start = p;
        if (peek() == '-') {
            p++;
        }
        byte first = peek();
        if (first == '0') {
            p++;
        } else if (first >= '1' && first <= '9') {
            digits();
        } else {
            throw FALLBACK;
        }
        if (p < end && b[p] == '.') {
            p++;
            requireDigits();
        }
        if (p < end && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            if (peek() == '+' || b[p] == '-') {
                p++;
            }
            requireDigits();
        }
        if (p - start > MAX_NUMBER) {
            throw FALLBACK;
        }
        if (p < end && (isDigit(b[p]) || b[p] == '.')) {
            throw FALLBACK; // a leading zero followed by digits, or "1.2.3"
        }
    }

    private void requireDigits() {
        if (p >= end || !isDigit(b[p])) {
            throw FALLBACK;
        }
        digits();
    }

    private void digits() {
        while (p < end && isDigit(b[p])) {
            p++;
        }
    }

    /** An exact literal, not followed by anything that would make it a longer token. */
    private void literal(byte[] word) {
        if (p + word.length > end || !equalsAt(word, p)) {
            throw FALLBACK;
        }
        p += word.length;
        if (p < end && Character.isLetterOrDigit(b[p])) {
            throw FALLBACK;
        }
    }

    private void skipWhitespace() {
        while (p < end && isWhitespace(b[p])) {
            p++;
        }
    }

    private static boolean isWhitespace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private byte peek() {
        if (p >= end) {
            throw FALLBACK;
        }
        return b[p];
    }

    private byte next() {
        if (p >= end) {
            throw FALLBACK;
        }
        return b[p++];
    }

    private void expect(char c) {
        if (next() != c) {
            throw FALLBACK;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
