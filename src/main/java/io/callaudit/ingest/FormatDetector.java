package io.callaudit.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides layout and format from the first bytes of an input. Users pass exports, API dumps and webhook logs
 * under any file name, so the content decides, never the extension.
 */
final class FormatDetector {

    /** Enough for the first records of any export; a first record larger than this is not a call. */
    static final int PEEK_BYTES = 1 << 20;

    /** Records looked at before giving up on recognising the format. */
    /** The first element's name: after the prolog, comments and declarations, which start {@code <?} or {@code <!}. */
    private static final Pattern ROOT_ELEMENT = Pattern.compile("<([A-Za-z_][A-Za-z0-9_.:-]{0,59})");

    private static final int SAMPLES = 20;

    private static final String UNRECOGNISED = "not JSON, NDJSON or CSV call records";

    private final String name;
    private final byte[] head;
    private final boolean whole;
    private final InputFormat forced;

    /**
     * @param head the first bytes of the decompressed input
     * @param whole whether {@code head} is the entire input
     * @param forced the format given by {@code --input-format}, or null to detect it
     */
    FormatDetector(String name, byte[] head, boolean whole, InputFormat forced) {
        this.name = name;
        this.head = head;
        this.whole = whole;
        this.forced = forced;
    }

    static Detection detect(InputSource source, InputFormat forced) {
        byte[] head;
        try {
            head = source.peek(PEEK_BYTES);
        } catch (IOException e) {
            throw new InputException(source.name(), 0, "read error: " + e.getMessage(), e);
        }
        return new FormatDetector(source.name(), head, head.length < PEEK_BYTES, forced).detect();
    }

    /** @throws InputException when the content is none of the known layouts or formats */
    Detection detect() {
        int start = skipWhitespace(0);
        if (start == head.length) {
            // Nothing to read: an empty batch is not unreadable, and the audit reports that it checked nothing.
            return new Detection(Shape.NDJSON, forced == null ? InputFormat.CANONICAL : forced);
        }
        String firstLine = line(start);
        if (head[start] == '{') {
            ObjectNode object = objectAlone(firstLine);
            if (object != null && !isPage(object)) {
                return new Detection(Shape.NDJSON, format(lineSamples()));
            }
        }
        if (head[start] == '{' || head[start] == '[') {
            return json();
        }
        if (head[start] == '<') {
            return xml();
        }
        if (isRequest(firstLine)) {
            return new Detection(Shape.FORM, format(requestSamples()));
        }
        InputFormat format = csvFormat(firstLine);
        if (format != null) {
            if (!format.readsCsv()) {
                throw new InputException(name, 1, format.wire() + " input is JSON or NDJSON, this looks like CSV");
            }
            return new Detection(Shape.CSV, format);
        }
        throw new InputException(name, UNRECOGNISED);
    }

    /** A document (pretty-printed page, array, object), or NDJSON whose first line is broken. */
    private Detection json() {
        List<JsonNode> records = new ArrayList<>();
        JsonRecordStream stream;
        try (JsonParser parser = JsonRecordStream.MAPPER.createParser(head)) {
            stream = new JsonRecordStream(parser, 0);
            JsonRecordStream.Item item;
            while (records.size() < SAMPLES && (item = stream.next()) != null) {
                records.add(item.node());
            }
        } catch (JsonProcessingException e) {
            if (!records.isEmpty()) {
                // The reader will meet the same error after these records and handle it there.
                return new Detection(Shape.JSON, format(records));
            }
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            if (JsonRecordStream.isTruncation(e)) {
                if (whole) {
                    throw new InputException(name, line, "truncated JSON (" + JsonRecordStream.describe(e, 0) + ")", e);
                }
                if (forced == null) {
                    throw new InputException(
                            name,
                            "first record is larger than " + (PEEK_BYTES >> 20)
                                    + " MiB, cannot detect its format: give --input-format");
                }
                return new Detection(Shape.JSON, forced);
            }
            List<JsonNode> lines = lineSamples();
            if (head[skipWhitespace(0)] == '{' && !lines.isEmpty()) {
                return new Detection(Shape.NDJSON, format(lines));
            }
            throw new InputException(name, line, UNRECOGNISED + " (" + JsonRecordStream.describe(e, 0) + ")", e);
        } catch (IOException e) {
            throw new InputException(name, 0, "read error: " + e.getMessage(), e);
        }
        if (records.isEmpty() && forced == null) {
            // An empty array or page: nothing to map, but a page's keys say whose list response it is.
            return new Detection(Shape.JSON, pageFormat(stream));
        }
        return new Detection(Shape.JSON, format(records));
    }

    private InputFormat format(List<JsonNode> samples) {
        if (forced != null) {
            return forced;
        }
        List<InputFormat> tied = List.of();
        for (JsonNode record : samples) {
            List<InputFormat> candidates = candidates(record);
            if (candidates.size() == 1) {
                return candidates.get(0);
            }
            if (tied.isEmpty()) {
                tied = candidates;
            }
        }
        if (!tied.isEmpty()) {
            throw new InputException(
                    name,
                    "records that fit more than one format ("
                            + String.join(
                                    ", ", tied.stream().map(InputFormat::wire).toList())
                            + "): give --input-format "
                            + String.join(
                                    " or --input-format ",
                                    tied.stream().map(InputFormat::wire).toList()));
        }
        throw new InputException(
                name,
                UNRECOGNISED
                        + " (the first records have no Aircall, Exotel, CTM or canonical fields; give --input-format)");
    }

    /** Whose record this is, or null when it could be anyone's (see {@link #candidates}). */
    static InputFormat classify(JsonNode record) {
        List<InputFormat> candidates = candidates(record);
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    /**
     * The formats the record could be: of the vendors whose calls it resembles, those whose field vocabulary it
     * uses most. Vendors share names ({@code duration}, {@code sid}, a {@code call} wrapper), so one key decides
     * nothing: a CTM webhook {@code {"event":"call.completed","call":{...}}} wraps its call like Aircall's API,
     * and its fields make it CTM's. Several formats come back when a record uses their words equally; none when
     * it is nobody's (a broken or unrelated object). Canonical records are ours, tried only after the vendors.
     */
    static List<InputFormat> candidates(JsonNode record) {
        Map<InputFormat, Integer> scores = new EnumMap<>(InputFormat.class);
        if (ExotelMapper.looksLike(record)) {
            scores.put(InputFormat.EXOTEL, ExotelMapper.vocabularyScore(record));
        }
        if (CtmMapper.looksLike(record)) {
            scores.put(InputFormat.CTM, CtmMapper.vocabularyScore(record));
        }
        if (AircallMapper.looksLike(record)) {
            scores.put(InputFormat.AIRCALL, AircallMapper.vocabularyScore(record));
        }
        if (scores.isEmpty()) {
            return CanonicalMapper.looksLike(record) ? List.of(InputFormat.CANONICAL) : List.of();
        }
        int best = Collections.max(scores.values());
        List<InputFormat> top = new ArrayList<>();
        scores.forEach((format, score) -> {
            if (score == best) {
                top.add(format);
            }
        });
        return top;
    }

    /** An XML response; Exotel's API answers XML by default, the only vendor XML callaudit knows. */
    private Detection xml() {
        if (forced != null) {
            return new Detection(Shape.XML, forced);
        }
        String text = new String(head, 0, Math.min(head.length, 1 << 16), StandardCharsets.UTF_8);
        if (text.contains("<" + XmlReader.RECORD + ">")
                || text.contains("<" + XmlReader.RECORD + " ")
                || text.contains("<TwilioResponse")) {
            return new Detection(Shape.XML, InputFormat.EXOTEL);
        }
        // The root element's name says what the file is; the text around it is data (and may hold control
        // characters that would break the one-line message), so it is not quoted.
        Matcher root = ROOT_ELEMENT.matcher(text);
        throw new InputException(
                name,
                1,
                UNRECOGNISED + " (XML without <Call> elements"
                        + (root.find() ? ", root element <" + root.group(1) + ">" : "") + ")");
    }

    /** A logged HTTP request: a form body, or a URL or request line with a query string. */
    private static boolean isRequest(String line) {
        if (FormReader.BODY.matcher(line).matches()) {
            return true;
        }
        int q = line.indexOf('?');
        return q > 0
                && line.indexOf('=', q) > q
                && line.indexOf(',') < 0
                && (line.startsWith("/") || line.startsWith("http") || line.matches("^[A-Z]+ \\S+.*"));
    }

    /** The parameters of the first request lines. */
    private List<JsonNode> requestSamples() {
        List<JsonNode> samples = new ArrayList<>();
        int pos = 0;
        while (pos < head.length && samples.size() < SAMPLES) {
            int end = indexOf('\n', pos);
            if (end < 0 && !whole) {
                break;
            }
            int stop = end < 0 ? head.length : end;
            String line = new String(head, pos, stop - pos, StandardCharsets.UTF_8).strip();
            if (!line.isEmpty()) {
                try {
                    samples.add(
                            line.startsWith("{")
                                    ? JsonRecordStream.MAPPER.readTree(line)
                                    : FormReader.parameters(line));
                } catch (IOException | IllegalArgumentException e) {
                    // a broken line is the reader's to reject
                }
            }
            pos = stop + 1;
        }
        return samples;
    }

    /** The complete single-object lines among the first lines of the head. */
    private List<JsonNode> lineSamples() {
        List<JsonNode> samples = new ArrayList<>();
        int pos = 0;
        int looked = 0;
        while (pos < head.length && looked < SAMPLES) {
            int end = indexOf('\n', pos);
            if (end < 0 && !whole) {
                break;
            }
            int stop = end < 0 ? head.length : end;
            String line = new String(head, pos, stop - pos, StandardCharsets.UTF_8);
            if (!line.isBlank()) {
                looked++;
                ObjectNode object = objectAlone(line);
                if (object != null) {
                    samples.add(object);
                }
            }
            pos = stop + 1;
        }
        return samples;
    }

    /** The line as one JSON object, or null when it is anything else (part of a document, broken). */
    private static ObjectNode objectAlone(String line) {
        try (JsonParser parser = JsonRecordStream.MAPPER.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonNode node = JsonRecordStream.MAPPER.readTree(parser);
            return parser.nextToken() == null && node instanceof ObjectNode object ? object : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** An object whose calls are streamed from an array, not an object that is itself a record. */
    private static boolean isPage(ObjectNode object) {
        for (String key : JsonRecordStream.PAGE_KEYS) {
            if (object.path(key).isArray()) {
                return true;
            }
        }
        return false;
    }

    /** An empty array is nobody's; an empty page is the list response of whoever uses its keys. */
    private static InputFormat pageFormat(JsonRecordStream stream) {
        if (stream.pageKey() == null) {
            return InputFormat.CANONICAL;
        }
        if (ExotelMapper.PAGE_KEY.equals(stream.pageKey())) {
            return InputFormat.EXOTEL;
        }
        for (String key : stream.pageFields()) {
            if (CtmMapper.PAGE_FIELDS.contains(key)) {
                return InputFormat.CTM;
            }
        }
        return InputFormat.AIRCALL;
    }

    /**
     * The format whose CSV header this is: one naming the columns every row of that format needs to be told
     * apart and located in time. Null when the line is not such a header (or not CSV at all).
     */
    private InputFormat csvFormat(String line) {
        if (line.indexOf(',') < 0) {
            return null;
        }
        if (forced != null) {
            return forced;
        }
        List<String> columns = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            String c = cell.trim();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1).trim();
            }
            columns.add(c);
        }
        if (CanonicalMapper.looksLikeHeader(columns)) {
            return InputFormat.CANONICAL;
        }
        if (AircallCsvMapper.looksLikeHeader(columns)) {
            return InputFormat.AIRCALL;
        }
        if (ExotelMapper.looksLikeHeader(columns)) {
            return InputFormat.EXOTEL;
        }
        if (CtmMapper.looksLikeHeader(columns)) {
            return InputFormat.CTM;
        }
        return null;
    }

    private String line(int start) {
        int end = indexOf('\n', start);
        return new String(head, start, (end < 0 ? head.length : end) - start, StandardCharsets.UTF_8).strip();
    }

    private int indexOf(char c, int from) {
        for (int i = from; i < head.length; i++) {
            if (head[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private int skipWhitespace(int from) {
        int i = from;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        return i;
    }
}
