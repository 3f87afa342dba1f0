package io.callaudit.gate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a previous callaudit JSON report (the {@code json} format, DOMAIN.md "Outputs") as a baseline: only
 * the {@code findings} array is kept, and of each finding only its rule, entity and file.
 *
 * <p>Streamed rather than bound to a tree, because a report of a large batch holds every call, and the calls,
 * summary and rejected records are skipped unread. A file that is missing, not JSON, or not a callaudit report
 * (no {@code records_read}, no {@code findings} array, a finding without a rule) is a usage error: gating
 * against a baseline that was silently read as empty would fail every old finding, and one read wrongly could
 * pass new ones.
 *
 * <p>Stateless and thread-safe.
 */
public final class BaselineLoader {

    /** Thread-safe and costly to build, so shared. Duplicate keys would make "the" rule of a finding a guess. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private static final String NOT_A_REPORT = "not a callaudit JSON report: ";

    /**
     * Reads the baseline at {@code path}; the path as given is what baselined findings cite.
     *
     * @throws GateFileException when the file cannot be read or is not a callaudit JSON report
     */
    public Baseline load(Path path) {
        String file = path.toString();
        if (Files.isDirectory(path)) {
            throw new GateFileException(file, 0, "cannot read baseline: is a directory");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return load(file, in);
        } catch (NoSuchFileException e) {
            throw new GateFileException(file, 0, "cannot read baseline: no such file", e);
        } catch (AccessDeniedException e) {
            throw new GateFileException(file, 0, "cannot read baseline: permission denied", e);
        } catch (IOException e) {
            throw new GateFileException(file, 0, "cannot read baseline: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a baseline from {@code in}, which the caller owns and closes.
     *
     * @param fileName the name baselined findings cite, as the user gave it
     * @throws GateFileException when the text is not a callaudit JSON report
     */
    public Baseline load(String fileName, InputStream in) {
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw notReport(fileName, p, first == null ? "the file is empty" : "expected a JSON object");
            }
            boolean recordsRead = false;
            String provider = "";
            List<Stated> stated = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("records_read".equals(name)) {
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        throw notReport(fileName, p, "'records_read' must be a whole number");
                    }
                    recordsRead = true;
                } else if ("provider".equals(name)) {
                    String named = string(fileName, p, "provider");
                    provider = named == null ? "" : named;
                } else if ("findings".equals(name)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw notReport(fileName, p, "'findings' must be an array");
                    }
                    stated = findings(fileName, p);
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw notReport(fileName, p, "unexpected content after the report");
            }
            if (!recordsRead || stated == null) {
                throw new GateFileException(
                        fileName,
                        1,
                        NOT_A_REPORT + "no "
                                + (recordsRead ? "'findings' array" : "'records_read'")
                                + " (pass a report written with --format json)");
            }
            Map<String, BaselineEntry> entries = new LinkedHashMap<>();
            for (Stated f : stated) {
                BaselineEntry entry = BaselineEntry.of(f.rule(), provider, f.callId(), f.entity(), f.file());
                entries.putIfAbsent(entry.key(), entry);
            }
            return new Baseline(fileName, entries);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new GateFileException(
                    fileName, Math.max(line, 0), NOT_A_REPORT + "invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new GateFileException(fileName, 0, "cannot read baseline: " + e.getMessage(), e);
        }
    }

    /**
     * A finding as the report states it; it becomes an entry once the whole report is read, because the
     * report's provider, which call findings are keyed by, may come after the findings.
     */
    private record Stated(String rule, String callId, String entity, String file) {}

    /** The {@code findings} array; the parser is on its START_ARRAY and is left on its END_ARRAY. */
    private static List<Stated> findings(String fileName, JsonParser p) throws IOException {
        List<Stated> out = new ArrayList<>();
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(finding(fileName, p, index));
            index++;
        }
        return out;
    }

    /**
     * One finding: its entity is the call id, else the profile key when it has a location, else the input line,
     * exactly as {@link io.callaudit.rules.Finding#entity()} derives it, so a report read back keys the same.
     */
    private static Stated finding(String fileName, JsonParser p, int index) throws IOException {
        String what = "findings[" + index + "]";
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw notReport(fileName, p, what + " must be an object");
        }
        int line = line(p);
        String rule = null;
        String callId = null;
        Place location = null;
        Place source = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "rule" -> rule = string(fileName, p, what + ".rule");
                case "call_id" -> callId = string(fileName, p, what + ".call_id");
                case "location" -> location = place(fileName, p, what + ".location", "key");
                case "source" -> source = place(fileName, p, what + ".source", "line");
                default -> p.skipChildren();
            }
        }
        if (rule == null || rule.isEmpty()) {
            throw new GateFileException(fileName, line, NOT_A_REPORT + what + " has no 'rule'");
        }
        if (location != null) {
            return new Stated(rule, callId, location.id(), location.file());
        }
        return new Stated(rule, callId, source == null ? null : source.id(), source == null ? null : source.file());
    }

    /** A location or source object: its file and its identifying part (the key, or the line as text). */
    private record Place(String file, String id) {}

    private static Place place(String fileName, JsonParser p, String what, String idField) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw notReport(fileName, p, "'" + what + "' must be an object or null");
        }
        String file = null;
        String id = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("file".equals(name)) {
                file = string(fileName, p, what + ".file");
            } else if (idField.equals(name)) {
                if (value == JsonToken.VALUE_NUMBER_INT) {
                    id = String.valueOf(p.getLongValue());
                } else {
                    id = string(fileName, p, what + "." + idField);
                }
            } else {
                p.skipChildren();
            }
        }
        return new Place(file, id);
    }

    /** A string or null; anything else means the file is not what it claims to be. */
    private static String string(String fileName, JsonParser p, String what) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw notReport(fileName, p, "'" + what + "' must be a string");
        }
        return p.getText();
    }

    private static GateFileException notReport(String fileName, JsonParser p, String problem) {
        return new GateFileException(fileName, line(p), NOT_A_REPORT + problem);
    }

    private static int line(JsonParser p) {
        int line = p.currentTokenLocation().getLineNr();
        return Math.max(line, 0);
    }
}
