package io.callaudit.ingest;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.callaudit.model.ReadResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV export: a header row naming the fields, then one record per row, each located by the physical
 * line it starts on (a quoted cell may span lines). A row becomes an object of strings, empty cells null, so
 * the same mapper reads CSV and JSON. Header problems are file problems: every row would share them.
 */
final class CsvReader extends StreamingReader {

    /** Blank lines are kept, not skipped by the parser, so that physical line numbers stay countable. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final List<String> columns;
    private long endOfPrevious;
    private long line;

    /**
     * @param format a format with a CSV export ({@link InputFormat#readsCsv()}), whose columns the header is
     *        checked against
     */
    CsvReader(InputSource source, InputFormat format, ZoneId zone) throws IOException {
        super(source, format, zone, format.csvMapper(zone));
        this.parser = FORMAT.parse(new BufferedReader(new InputStreamReader(source.stream(), StandardCharsets.UTF_8)));
        this.rows = parser.iterator();
        CSVRecord header = nextRow();
        this.columns = header == null ? List.of() : header(header, format.csv());
    }

    @Override
    ReadResult readNext() {
        while (true) {
            CSVRecord row = nextRow();
            if (row == null) {
                return null;
            }
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != columns.size()) {
                return reject(line, null, "expected " + columns.size() + " columns, found " + row.size());
            }
            ObjectNode record = JsonRecordStream.MAPPER.createObjectNode();
            for (int i = 0; i < columns.size(); i++) {
                String cell = row.get(i).trim();
                record.set(columns.get(i), cell.isEmpty() ? NullNode.getInstance() : TextNode.valueOf(cell));
            }
            return map(record, line);
        }
    }

    @Override
    long line() {
        return line;
    }

    /** The next row, with {@link #line} set to the line it starts on. */
    private CSVRecord nextRow() {
        line = endOfPrevious + 1;
        try {
            if (!rows.hasNext()) {
                return null;
            }
            CSVRecord row = rows.next();
            endOfPrevious = parser.getCurrentLineNumber();
            return row;
        } catch (UncheckedIOException | IllegalStateException e) {
            String detail = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            String what = detail != null && detail.contains("EOF") ? "truncated CSV (" : "malformed CSV (";
            throw new InputException(name(), line, what + detail + ")", e);
        }
    }

    private List<String> header(CSVRecord header, CsvColumns expected) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String cell : header) {
            String name = cell.trim();
            if (expected.known() != null && !expected.known().contains(name)) {
                throw new InputException(name(), 1, "unknown column '" + name + "' (" + format().wire()
                        + " columns: " + String.join(", ", expected.known()) + ")");
            }
            if (!seen.add(name)) {
                throw new InputException(name(), 1, "column '" + name + "' appears twice");
            }
            names.add(name);
        }
        // Sorted: the same file must name the same missing column on every run (a Set's order varies per JVM).
        for (String name : new TreeSet<>(expected.required())) {
            if (!seen.contains(name)) {
                throw new InputException(name(), 1, "required column '" + name + "' missing");
            }
        }
        return names;
    }
}
