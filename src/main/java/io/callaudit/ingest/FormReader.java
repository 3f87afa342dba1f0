package io.callaudit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.callaudit.model.ReadResult;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a log of HTTP requests a vendor made to the user's endpoint, one per line: a form-encoded body
 * ({@code CallSid=...&Status=completed}), a URL or request line whose query string holds the parameters
 * (Exotel's Passthru and Connect applets send GET requests), or a JSON body. Each line is one record, its
 * parameters the record's fields; a bad line is rejected with its number and the next one reads normally.
 * Bracketed names nest as PHP and Rails encode them: {@code Legs[0][Status]=completed}.
 */
final class FormReader extends StreamingReader {

    /** A line that is a form body: {@code name=value} pairs joined by {@code &}, nothing else. */
    static final Pattern BODY = Pattern.compile("[A-Za-z_][\\w\\[\\]\\-.%]*=[^\\s&]*(&[^\\s&=]+=[^\\s&]*)*&?");

    private final ByteLines lines;
    private long line;

    FormReader(InputSource source, InputFormat format, ZoneId zone) {
        super(source, format, zone);
        this.lines = new ByteLines(source.stream());
    }

    @Override
    ReadResult readNext() throws IOException {
        while (lines.next()) {
            line++;
            String text = lines.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            JsonNode record;
            try {
                record = text.startsWith("{") ? JsonRecordStream.MAPPER.readTree(text) : parameters(text);
            } catch (IOException | IllegalArgumentException e) {
                return reject(line, null, "not a form body, request URL or JSON body: " + e.getMessage());
            }
            return map(record, line);
        }
        return null;
    }

    /** The parameters of a request line, a URL or a bare body, decoded. */
    static ObjectNode parameters(String text) {
        String query = text;
        int q = text.indexOf('?');
        if (q >= 0) {
            int end = q + 1;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '#') {
                end++;
            }
            query = text.substring(q + 1, end);
        } else if (!BODY.matcher(text).matches()) {
            throw new IllegalArgumentException("no query string and no name=value pairs");
        }
        ObjectNode record = JsonRecordStream.MAPPER.createObjectNode();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1)).trim();
            put(record, name, value.isEmpty() ? NullNode.getInstance() : TextNode.valueOf(value));
        }
        return arrays(record);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Sets {@code a[b][c]} as nested objects; numeric keys become array positions afterwards. */
    private static void put(ObjectNode record, String name, JsonNode value) {
        int bracket = name.indexOf('[');
        if (bracket <= 0 || !name.endsWith("]")) {
            record.set(name, value);
            return;
        }
        List<String> path = new ArrayList<>();
        path.add(name.substring(0, bracket));
        for (String part : name.substring(bracket + 1, name.length() - 1).split("\\]\\[", -1)) {
            path.add(part);
        }
        ObjectNode at = record;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonNode next = at.get(path.get(i));
            if (!(next instanceof ObjectNode)) {
                next = at.putObject(path.get(i));
            }
            at = (ObjectNode) next;
        }
        at.set(path.get(path.size() - 1), value);
    }

    /** Objects whose keys are all 0, 1, 2, ... become arrays, recursively. */
    private static ObjectNode arrays(ObjectNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue() instanceof ObjectNode child) {
                e.setValue(asArray(arrays(child)));
            }
        }
        return object;
    }

    private static JsonNode asArray(ObjectNode object) {
        int n = object.size();
        for (int i = 0; i < n; i++) {
            if (!object.has(Integer.toString(i))) {
                return object;
            }
        }
        ArrayNode array = JsonRecordStream.MAPPER.createArrayNode();
        for (int i = 0; i < n; i++) {
            array.add(object.get(Integer.toString(i)));
        }
        return n == 0 ? object : array;
    }

    @Override
    long line() {
        return line;
    }
}
