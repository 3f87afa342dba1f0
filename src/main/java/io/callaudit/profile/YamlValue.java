package io.callaudit.profile;

import io.callaudit.model.WireEnum;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The value written under one key (or at one list index), read by the type the contract gives that key.
 *
 * <p>Values are read from the scalar's text, never from the type YAML 1.1 would infer: {@code NO} stays
 * Norway, {@code 0812} keeps its zero, and {@code yes} is not a boolean. Every conversion either returns
 * the typed value (null when the key is absent or written as {@code null}, {@code ~} or nothing) or throws
 * a {@link ProfileException} naming this value's line and key path.
 */
final class YamlValue {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("0|[1-9][0-9]{0,9}");

    /**
     * The years a profile's dates may fall in, the same as a call's: earlier or later is a typo (an extra
     * digit) or a value the engine's arithmetic cannot hold, and a silent full audit against it would be wrong.
     */
    static final int FIRST_YEAR = 1970;

    static final int LAST_YEAR = 2200;
    private static final Instant FIRST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant AFTER_LAST = Instant.parse("2201-01-01T00:00:00Z");

    /** RFC 3339 date-time with the offset optional; seconds are required, as RFC 3339 requires them. */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private final ProfileSource source;
    private final String path;
    private final Node node;
    private final int line;

    /**
     * @param node the written value, or null when the key is absent
     * @param line the key's line, or the enclosing mapping's when the key is absent
     */
    YamlValue(ProfileSource source, String path, Node node, int line) {
        this.source = source;
        this.path = path;
        this.node = node;
        this.line = line;
    }

    int line() {
        return line;
    }

    boolean written() {
        return node != null;
    }

    /** Absent, or written as YAML null: both mean "not set". */
    boolean isNull() {
        return node == null || node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    ProfileException error(String problem) {
        return source.error(line, path, problem);
    }

    /** Fails unless a non-null value was written; returns this for chaining. */
    YamlValue required() {
        if (node == null) {
            throw error("required key is missing");
        }
        if (isNull()) {
            throw error("required value is null");
        }
        return this;
    }

    /** Non-empty text; numbers and dates are taken as written ({@code id: 812} is {@code "812"}). */
    String text() {
        if (isNull()) {
            return null;
        }
        String text = scalar("text").getValue();
        if (text.isBlank()) {
            throw error("must not be empty (write null, or leave the key out, to unset it)");
        }
        return text;
    }

    /** Only {@code true} and {@code false}: YAML 1.1's yes/no/on/off are too easy to write by accident. */
    Boolean bool() {
        if (isNull()) {
            return null;
        }
        ScalarNode scalar = scalar("true or false");
        String text = scalar.getValue();
        if (scalar.isPlain() && ("true".equals(text) || "false".equals(text))) {
            return Boolean.valueOf(text);
        }
        throw error("expected true or false, got " + describe(scalar) + quoteHint(scalar, "true", "false"));
    }

    boolean bool(boolean defaultValue) {
        Boolean value = bool();
        return value == null ? defaultValue : value;
    }

    /**
     * A count of days, hours or seconds. The upper bound keeps the engine's time arithmetic (an as-of date plus
     * a retention) far inside what an {@code Instant} holds, and catches a unit slip (milliseconds for seconds).
     */
    Integer positiveInt(int max) {
        return wholeNumber(1, max, "a positive whole number");
    }

    Integer nonNegativeInt(int max) {
        return wholeNumber(0, max, "a whole number of 0 or more");
    }

    private Integer wholeNumber(int min, int max, String expected) {
        if (isNull()) {
            return null;
        }
        ScalarNode scalar = scalar(expected);
        String text = scalar.getValue();
        if (scalar.isPlain() && WHOLE_NUMBER.matcher(text).matches()) {
            if (text.length() > 10) {
                throw error("out of range: " + text + " (at most " + max + ")");
            }
            long value = Long.parseLong(text);
            if (value > max) {
                throw error("out of range: " + text + " (at most " + max + ")");
            }
            if (value >= min) {
                return (int) value;
            }
        }
        String hint = !scalar.isPlain() && WHOLE_NUMBER.matcher(text).matches() ? " (remove the quotes)" : "";
        throw error("expected " + expected + ", got " + describe(scalar) + hint);
    }

    /** One of the enum's wire spellings, case as written: the contract spells them in lower case. */
    <E extends Enum<E> & WireEnum> E choice(Class<E> type) {
        if (isNull()) {
            return null;
        }
        String text = scalar(WireEnum.choices(type)).getValue();
        E value = WireEnum.parse(type, text);
        if (value == null) {
            throw error("unknown value '" + text + "' (expected " + WireEnum.choices(type) + ")");
        }
        return value;
    }

    /** Like {@link #choice}, but a missing value names the choices, so the fix is in the message. */
    <E extends Enum<E> & WireEnum> E requiredChoice(Class<E> type) {
        if (node == null) {
            throw error("required key is missing (expected " + WireEnum.choices(type) + ")");
        }
        if (isNull()) {
            throw error("required value is null (expected " + WireEnum.choices(type) + ")");
        }
        return choice(type);
    }

    /**
     * An RFC 3339 date-time. Without an offset it is read in the profile's {@code timezone}, because that
     * is how providers write local times. In a DST gap the time moves forward by the gap; in an overlap the
     * earlier instant is taken.
     */
    Instant instant() {
        if (isNull()) {
            return null;
        }
        String text = scalar("an RFC 3339 date-time").getValue();
        try {
            TemporalAccessor parsed = DATE_TIME.parseBest(normalise(text), OffsetDateTime::from, LocalDateTime::from);
            Instant instant = parsed instanceof OffsetDateTime offset
                    ? offset.toInstant()
                    : ((LocalDateTime) parsed).atZone(source.zone()).toInstant();
            if (instant.isBefore(FIRST) || !instant.isBefore(AFTER_LAST)) {
                throw error("out of range: '" + text + "' (years " + FIRST_YEAR + " to " + LAST_YEAR + ")");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw error("expected an RFC 3339 date-time such as 2026-11-20T00:00:00Z (or without offset, read in"
                    + " 'timezone'), got '" + text + "'");
        }
    }

    /** A calendar date, YYYY-MM-DD, checked against the calendar (no February 30th). */
    LocalDate date() {
        if (isNull()) {
            return null;
        }
        String text = scalar("a date YYYY-MM-DD").getValue();
        LocalDate date;
        try {
            date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw error("expected a date YYYY-MM-DD, got '" + text + "'");
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw error("out of range: '" + text + "' (years " + FIRST_YEAR + " to " + LAST_YEAR + ")");
        }
        return date;
    }

    ZoneId zone() {
        String text = text();
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw error("unknown time zone '" + text + "' (expected an IANA zone such as Asia/Kolkata, or UTC)");
        }
    }

    /** The mapping under this key with its keys checked, or null when nothing was written. */
    YamlMapping mapping(List<String> allowedKeys) {
        if (isNull()) {
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a mapping, got " + describe(node));
        }
        return new YamlMapping(source, path, mapping, allowedKeys);
    }

    /** Like {@link #mapping}, for list items and other places where leaving the mapping out is no option. */
    YamlMapping requiredMapping(List<String> allowedKeys) {
        if (isNull()) {
            throw error("expected a mapping, got " + (node == null ? "nothing" : "null"));
        }
        return mapping(allowedKeys);
    }

    /**
     * The list items, each on its own line and recorded under {@code key[i]}; an absent or null list is
     * empty.
     */
    List<YamlValue> items() {
        if (isNull()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected a list, got " + describe(node));
        }
        List<YamlValue> items = new ArrayList<>();
        List<Node> nodes = sequence.getValue();
        for (int i = 0; i < nodes.size(); i++) {
            Node item = nodes.get(i);
            String itemPath = ProfileSource.item(path, i);
            int itemLine = ProfileSource.line(item);
            source.recordKey(itemPath, itemLine);
            items.add(new YamlValue(source, itemPath, item, itemLine));
        }
        return items;
    }

    private ScalarNode scalar(String expected) {
        if (node instanceof ScalarNode scalar) {
            return scalar;
        }
        throw error("expected " + expected + ", got " + describe(node));
    }

    /** What was written, in words a user recognises in their file. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.isPlain() ? "'" + scalar.getValue() + "'" : "\"" + scalar.getValue() + "\" (quoted text)";
    }

    private static String quoteHint(ScalarNode scalar, String... plainForms) {
        if (scalar.isPlain()) {
            return "";
        }
        for (String form : plainForms) {
            if (form.equals(scalar.getValue())) {
                return " (remove the quotes)";
            }
        }
        return "";
    }

    /** RFC 3339 allows a space or lower-case 't' and 'z'; the formatter wants the canonical letters. */
    private static String normalise(String text) {
        String s = text;
        if (s.length() > 10 && (s.charAt(10) == ' ' || s.charAt(10) == 't')) {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        if (s.endsWith("z")) {
            s = s.substring(0, s.length() - 1) + 'Z';
        }
        return s;
    }
}
