package io.callaudit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callaudit.model.WireEnum;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, forgiving-where-it-is-safe access to one record's fields. Every accessor treats an absent key and
 * JSON {@code null} alike (Aircall sends both for "no recording"), reads a CSV cell's text as the value it
 * spells, and names the field, with its path inside the record, when the value is unusable.
 */
final class ObjectFields {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    /**
     * The instants a call can have: from 1970 (a negative UNIX time is a sign error) to the end of 2200 (later
     * is a unit mistake, milliseconds read as seconds, or a fuzzed value). Checked where a time is read so
     * nothing the engine's arithmetic cannot hold ({@code Instant.toEpochMilli}) reaches it.
     */
    static final long MIN_EPOCH_SECOND = 0;
    /** 2201-01-01T00:00:00Z, excluded. */
    static final long MAX_EPOCH_SECOND = 7_289_654_400L;
    /** A week: no provider records or bills a call longer, and a longer duration is a unit mistake. */
    static final double MAX_DURATION_SECONDS = 7 * 24 * 3600;

    private static final int MAX_QUOTED = 60;
    /** Times before this are placeholders, not times (see {@link #localTimeOrUnknown}). */
    private static final Instant SENTINEL_BOUND = Instant.parse("1971-01-01T00:00:00Z");
    /** CTM's documented {@code called_at} ("2012-08-17 10:24 AM"), seconds allowed, AM/PM in any case. */
    private static final DateTimeFormatter TWELVE_HOUR = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("uuuu-MM-dd h:mm[:ss] a")
            .toFormatter(Locale.US);
    /** Exotel's passthru {@code Created} ("Wed, 23 Feb 2022 12:31:59"): RFC 1123's layout without the zone. */
    private static final DateTimeFormatter DAY_MONTH = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEE, d MMM uuuu HH:mm[:ss]")
            .toFormatter(Locale.US);
    /**
     * An offset written after a local time, as CTM's client library shows {@code called_at}
     * ("2013-05-01 11:48 PM -04:00"): {@code ±hh:mm}, {@code ±hhmm}, {@code Z} or {@code UTC}.
     */
    private static final Pattern TRAILING_OFFSET =
            Pattern.compile("^(.+?)\\s+(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})$", Pattern.CASE_INSENSITIVE);

    private final ObjectNode node;
    private final String path;

    private ObjectFields(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The record itself; anything but a JSON object cannot be a call. */
    static ObjectFields root(JsonNode record) throws FieldException {
        if (record instanceof ObjectNode object) {
            return new ObjectFields(object, "");
        }
        throw new FieldException(null, "not a JSON object", quote(record));
    }

    /** The same record seen through a wrapper key, reporting fields by their plain names. */
    static ObjectFields unwrapped(ObjectNode inner) {
        return new ObjectFields(inner, "");
    }

    Iterator<String> names() {
        return node.fieldNames();
    }

    boolean has(String name) {
        return value(name) != null;
    }

    /** The value, or null when the key is absent or JSON null. */
    JsonNode value(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    /** A nested object, or null when absent; its fields are reported as {@code name.field}. */
    ObjectFields object(String name) throws FieldException {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (v instanceof ObjectNode object) {
            return new ObjectFields(object, field(name) + ".");
        }
        throw new FieldException(field(name), "not an object", quote(v));
    }

    /**
     * An array of objects, or an empty list when absent; the elements' fields are reported as
     * {@code name[i].field}, so a bad leg of a call is found without counting.
     */
    List<ObjectFields> objects(String name) throws FieldException {
        JsonNode v = value(name);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new FieldException(field(name), "not an array", quote(v));
        }
        List<ObjectFields> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String at = field(name) + "[" + i + "]";
            if (!(v.get(i) instanceof ObjectNode element)) {
                throw new FieldException(at, "not an object", quote(v.get(i)));
            }
            out.add(new ObjectFields(element, at + "."));
        }
        return out;
    }

    /** An identifier: providers send integers where we keep strings. Blank counts as absent. */
    String id(String name) throws FieldException {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() || v.isTextual()) {
            String s = v.asText().trim();
            return s.isEmpty() ? null : s;
        }
        throw new FieldException(field(name), "not an integer or string id", quote(v));
    }

    String requiredId(String name) throws FieldException {
        String id = id(name);
        if (id == null) {
            throw FieldException.missing(field(name));
        }
        return id;
    }

    /** A string; blank counts as absent, because an empty URL or email is no URL or email. */
    String text(String name) throws FieldException {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw new FieldException(field(name), "not a string", quote(v));
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    /** Any scalar as text, for vendor fields whose type schemas disagree on (a reason code typed boolean). */
    String scalarText(String name) {
        JsonNode v = value(name);
        if (v == null || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    Boolean bool(String name) throws FieldException {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
            return Boolean.valueOf(v.asText());
        }
        throw new FieldException(field(name), "not a boolean (true | false)", quote(v));
    }

    boolean bool(String name, boolean absent) throws FieldException {
        Boolean b = bool(name);
        return b == null ? absent : b;
    }

    Double number(String name) throws FieldException {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual() && DECIMAL.matcher(v.asText().trim()).matches()) {
            return Double.valueOf(v.asText().trim());
        }
        if (v.isTextual() && v.asText().isBlank()) {
            return null;
        }
        throw new FieldException(field(name), "not a number", quote(v));
    }

    /** A number of seconds: a duration, a talk or ring time; from 0 to a week. */
    Double nonNegative(String name) throws FieldException {
        return seconds(name, number(name));
    }

    /**
     * {@code d}, seconds read from field {@code name} in whatever form its provider writes them (a number, a
     * dashboard's {@code hh:mm:ss}), checked against the one range every duration has: 0 to a week.
     */
    Double seconds(String name, Double d) throws FieldException {
        if (d != null && d < 0) {
            throw new FieldException(field(name), "must not be negative", quote(value(name)));
        }
        if (d != null && !(d <= MAX_DURATION_SECONDS)) {
            throw new FieldException(field(name), "out of range (0 to 604800 seconds, a week)", quote(value(name)));
        }
        return d;
    }

    /** {@code t}, or a rejection of the field when it lies outside the years a call can have. */
    private Instant inRange(String name, Instant t) throws FieldException {
        if (t != null && (t.getEpochSecond() < MIN_EPOCH_SECOND || t.getEpochSecond() >= MAX_EPOCH_SECOND)) {
            throw new FieldException(field(name), "out of range (years 1970 to 2200)", quote(value(name)));
        }
        return t;
    }

    /** An RFC 3339 timestamp; one without an offset is refused, since its instant is unknown. */
    Instant rfc3339(String name) throws FieldException {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            if (v.asText().isBlank()) {
                return null;
            }
            Instant parsed = parseRfc3339(v.asText().trim());
            if (parsed != null) {
                return inRange(name, parsed);
            }
            if (isZoneless(v.asText().trim())) {
                throw new FieldException(
                        field(name), "RFC 3339 timestamp without an offset (add Z or +hh:mm)", quote(v));
            }
        }
        throw new FieldException(field(name), "not an RFC 3339 timestamp", quote(v));
    }

    Instant requiredRfc3339(String name) throws FieldException {
        Instant t = rfc3339(name);
        if (t == null) {
            throw FieldException.missing(field(name));
        }
        return t;
    }

    /**
     * A vendor timestamp: UNIX seconds as documented, or the numeric strings and RFC 3339 strings that
     * re-exported data tends to carry instead.
     */
    Instant unixOrRfc3339(String name) throws FieldException {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        String text = v.asText().trim();
        if (v.isTextual() && text.isEmpty()) {
            return null;
        }
        if (v.isNumber() || v.isTextual() && DECIMAL.matcher(text).matches()) {
            double seconds = v.isNumber() ? v.doubleValue() : Double.parseDouble(text);
            if (!(seconds >= MIN_EPOCH_SECOND && seconds < MAX_EPOCH_SECOND)) {
                throw new FieldException(field(name), "UNIX timestamp out of range (years 1970 to 2200)", quote(v));
            }
            return Instant.ofEpochMilli(Math.round(seconds * 1000));
        }
        if (v.isTextual()) {
            Instant parsed = parseRfc3339(text);
            if (parsed != null) {
                return inRange(name, parsed);
            }
        }
        throw new FieldException(field(name), "not a UNIX timestamp or RFC 3339 timestamp", quote(v));
    }

    /**
     * A vendor's local timestamp: {@code YYYY-MM-DD HH:mm:ss} (Exotel, CTM), {@code YYYY-MM-DD hh:mm AM} (CTM's
     * documented {@code called_at}) or RFC 3339. Exotel and CTM write local times without an offset and do not
     * say in which zone, so those are read in {@code zone}, the account's zone from the profile; an offset in
     * the value wins. In a daylight-saving overlap the earlier instant is taken, in a gap the time is moved
     * forward by the gap's length ({@link LocalDateTime#atZone}).
     */
    Instant localTime(String name, ZoneId zone) throws FieldException {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            String text = v.asText().trim();
            if (text.isEmpty()) {
                return null;
            }
            Instant parsed = parseVendorTime(text, zone);
            if (parsed != null) {
                return inRange(name, parsed);
            }
        }
        throw new FieldException(
                field(name),
                "not a timestamp (YYYY-MM-DD HH:mm:ss, YYYY-MM-DD hh:mm AM, " + "either with an offset, or RFC 3339)",
                quote(v));
    }

    /**
     * {@link #localTime}, except that a value before 1971 reads as unknown: Exotel writes
     * {@code 1970-01-01 05:30:00} (the epoch in India time) where a time is not known yet, and no call in an
     * export happened in 1970.
     */
    Instant localTimeOrUnknown(String name, ZoneId zone) throws FieldException {
        Instant t = localTime(name, zone);
        return t != null && t.isBefore(SENTINEL_BOUND) ? null : t;
    }

    /**
     * A vendor's time in any form {@link #localTime} reads, or null when it is none of them. An offset in the
     * value wins over {@code zone}.
     */
    static Instant parseVendorTime(String text, ZoneId zone) {
        Instant parsed = parseRfc3339(text);
        if (parsed != null) {
            return parsed;
        }
        LocalDateTime local = parseLocal(text);
        if (local != null) {
            return local.atZone(zone).toInstant();
        }
        Matcher m = TRAILING_OFFSET.matcher(text);
        if (m.matches()) {
            LocalDateTime at = parseLocal(m.group(1).trim());
            if (at != null) {
                String offset = m.group(2).toUpperCase(Locale.ROOT);
                try {
                    ZoneOffset z = offset.equals("Z") || offset.equals("UTC") || offset.equals("GMT")
                            ? ZoneOffset.UTC
                            : ZoneOffset.of(
                                    offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset);
                    return at.toInstant(z);
                } catch (DateTimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** A closed-set value; the reason lists what is accepted so the fix is obvious. */
    <E extends Enum<E> & WireEnum> E choice(String name, Class<E> type) throws FieldException {
        JsonNode v = value(name);
        if (v == null || v.isTextual() && v.asText().isBlank()) {
            return null;
        }
        E e = v.isTextual() ? WireEnum.parse(type, v.asText().trim()) : null;
        if (e == null) {
            throw new FieldException(field(name), "not one of " + WireEnum.choices(type), quote(v));
        }
        return e;
    }

    /**
     * A vendor's word for one of a closed set, in any case ({@code Inbound}, {@code outbound-dial}), or null
     * when absent; an unknown word is refused with the words a user should write.
     *
     * @param words the accepted words, lower case, with what each means
     * @param choices the words as the reason lists them
     */
    <E> E word(String name, Map<String, E> words, String choices) throws FieldException {
        String text = text(name);
        if (text == null) {
            return null;
        }
        E value = words.get(text.toLowerCase(Locale.ROOT));
        if (value == null) {
            throw new FieldException(field(name), "not one of " + choices, "'" + text + "'");
        }
        return value;
    }

    /** The field as the user would find it in the file. */
    String field(String name) {
        return path + name;
    }

    /** RFC 3339 allows a space or lower-case {@code t} between date and time, and a lower-case {@code z}. */
    static Instant parseRfc3339(String text) {
        String s = normalise(text);
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDateTime parseLocal(String text) {
        try {
            return LocalDateTime.parse(normalise(text), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeException e) {
            // not ISO: try the 12-hour clock
        }
        try {
            return LocalDateTime.parse(text, TWELVE_HOUR);
        } catch (DateTimeException e) {
            // not the 12-hour clock: try the day-name form
        }
        try {
            return LocalDateTime.parse(text, DAY_MONTH);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isZoneless(String text) {
        try {
            LocalDateTime.parse(normalise(text), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String normalise(String text) {
        if (text.length() > 10 && (text.charAt(10) == ' ' || text.charAt(10) == 't')) {
            text = text.substring(0, 10) + 'T' + text.substring(11);
        }
        if (text.endsWith("z")) {
            text = text.substring(0, text.length() - 1) + 'Z';
        }
        return text;
    }

    /** A value as it appears in the input, shortened so a rejection stays one readable line. */
    static String quote(JsonNode v) {
        String s = v == null ? "null" : v.isTextual() ? "'" + v.asText() + "'" : v.toString();
        return s.length() > MAX_QUOTED ? s.substring(0, MAX_QUOTED) + "…" : s;
    }
}
