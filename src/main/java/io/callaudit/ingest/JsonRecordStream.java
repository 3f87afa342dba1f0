package io.callaudit.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a stream of JSON values into call records without holding more than one of them. A record is an element
 * of a root array, an element of a page ({@code {"calls":[...]}} from Aircall and CTM, {@code {"Calls":[...]}}
 * from Exotel's bulk API), or any other root object (a call, a {@code {"call":{...}}} or {@code {"Call":{...}}}
 * wrapper, a webhook envelope); root values may follow one another, so concatenated pages and
 * one-value-per-line input read the same way.
 */
final class JsonRecordStream {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** The keys whose array value makes an object a page of calls rather than a call. */
    static final Set<String> PAGE_KEYS = Set.of("calls", "Calls");

    private static final Pattern SOURCE = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

    /** One record and the line its value starts on. */
    record Item(JsonNode node, long line) {}

    private final JsonParser parser;
    private final long lineOffset;
    private boolean inArray;
    private boolean inPage;
    private String pageKey;
    private final Set<String> pageFields = new HashSet<>();

    /**
     * @param lineOffset added to the parser's line numbers, for a parser that sees one line of a larger file
     */
    JsonRecordStream(JsonParser parser, long lineOffset) {
        this.parser = parser;
        this.lineOffset = lineOffset;
    }

    /**
     * The next record, or null at the end of input.
     *
     * @throws IOException on malformed JSON ({@link com.fasterxml.jackson.core.JsonProcessingException}, an
     *         {@link JsonEOFException} when the input stops mid-value)
     */
    Item next() throws IOException {
        while (true) {
            if (inArray) {
                JsonToken t = parser.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    inArray = false;
                    if (inPage) {
                        skipRestOfObject();
                        inPage = false;
                    }
                    continue;
                }
                long line = line();
                return new Item(record(t), line);
            }
            JsonToken t = parser.nextToken();
            if (t == null) {
                return null;
            }
            long line = line();
            if (t == JsonToken.START_ARRAY) {
                inArray = true;
                continue;
            }
            if (t != JsonToken.START_OBJECT) {
                return new Item(record(t), line);
            }
            ObjectNode fields = MAPPER.createObjectNode();
            while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken v = parser.nextToken();
                if (PAGE_KEYS.contains(name) && v == JsonToken.START_ARRAY) {
                    // A page: the fields seen so far are its meta, stream its calls instead of keeping them.
                    inArray = true;
                    inPage = true;
                    pageKey = name;
                    fields.fieldNames().forEachRemaining(pageFields::add);
                    break;
                }
                JsonNode value = MAPPER.readTree(parser);
                fields.set(name, value == null ? NullNode.getInstance() : value);
            }
            if (!inPage) {
                return new Item(fields, line);
            }
        }
    }

    /** The key holding the calls of the last page seen ({@code calls} or {@code Calls}), or null when none was. */
    String pageKey() {
        return pageKey;
    }

    /**
     * The names of the pages' other top-level fields, read so far: how an empty page still tells whose list
     * response it is (CTM's {@code total_entries} next to its calls, Aircall's {@code meta}).
     */
    Set<String> pageFields() {
        return Collections.unmodifiableSet(pageFields);
    }

    /**
     * The current record as a tree. A nested array is skipped, not read: a record must be an object, and
     * reading an arbitrary array would let one value take unbounded memory.
     */
    private JsonNode record(JsonToken t) throws IOException {
        if (t == JsonToken.START_ARRAY) {
            parser.skipChildren();
            return MAPPER.createArrayNode();
        }
        JsonNode node = MAPPER.readTree(parser);
        return node == null ? NullNode.getInstance() : node;
    }

    private void skipRestOfObject() throws IOException {
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            pageFields.add(parser.currentName());
            parser.nextToken();
            parser.skipChildren();
        }
        if (t != JsonToken.END_OBJECT) {
            // nextToken() only returns null at the end of input, which here is inside the page object.
            throw new JsonEOFException(parser, t, "Unexpected end-of-input in a page");
        }
    }

    /**
     * Whether the input stopped mid-value. Jackson signals this with {@link JsonEOFException} from some paths
     * and a plain parse exception from others, always with the same wording.
     */
    static boolean isTruncation(JsonProcessingException e) {
        return e instanceof JsonEOFException
                || e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unexpected end-of-input");
    }

    /** Jackson's message without its source description, with lines counted in the whole file. */
    String describe(JsonProcessingException e) {
        return describe(e, lineOffset);
    }

    static String describe(JsonProcessingException e, long lineOffset) {
        String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
        Matcher m = SOURCE.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "line " + (Long.parseLong(m.group(1)) + lineOffset) + ", column " + m.group(2));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The line where the error was found, counted in the whole file; 0 when Jackson did not say. */
    long lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr() + lineOffset;
    }

    private long line() {
        return parser.currentTokenLocation().getLineNr() + lineOffset;
    }
}
