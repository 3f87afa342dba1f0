package io.callaudit.ingest;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.callaudit.model.ReadResult;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a CSV export (RFC 4180): a header row naming the fields, then one record per row, each located by the
 * physical line it starts on (a quoted cell may span lines). A row becomes an object of strings, empty cells
 * null, so the same mapper reads CSV and JSON. Header problems are file problems: every row would share them.
 *
 * <p>A row that cannot be read costs that row alone. A quote that never closes would otherwise swallow the
 * rest of the file into one cell; a row is allowed to continue on the next lines only while its quoted cell
 * is open and only if the joined row then has the header's columns. Otherwise the line where the quote opened
 * is rejected and reading resumes on the line after it. A row longer than {@value #MAX_ROW} bytes or
 * {@value #MAX_LINES} lines is rejected the same way, so memory stays bounded.
 */
final class CsvReader extends StreamingReader {

    /** Longer than any call export's row by orders of magnitude; past it, a row is a broken file's quote. */
    static final int MAX_ROW = 1 << 20;

    static final int MAX_LINES = 200;

    /** One physical line; {@code text} null when the line is longer than {@link #MAX_ROW}. */
    private record Line(long number, String text) {}

    /** How a row's text parses: its cells, or that it ends inside a quoted cell, or that it cannot. */
    private record Cells(List<String> cells, boolean open) {
        static final Cells OPEN = new Cells(null, true);
        static final Cells MALFORMED = new Cells(null, false);
    }

    private final ByteLines lines;
    /** Lines read ahead while looking for a closing quote that did not come, read again as rows. */
    private final Deque<Line> replay = new ArrayDeque<>();

    private final List<String> columns;
    private long physical;
    private long line;

    /**
     * @param format a format with a CSV export ({@link InputFormat#readsCsv()}), whose columns the header is
     *        checked against
     */
    CsvReader(InputSource source, InputFormat format, ZoneId zone) throws IOException {
        super(source, format, zone, format.csvMapper(zone));
        this.lines = new ByteLines(source.stream());
        this.columns = readHeader(format.csv());
    }

    @Override
    ReadResult readNext() throws IOException {
        while (true) {
            Line first = nextLine();
            if (first == null) {
                return null;
            }
            line = first.number();
            if (first.text() == null) {
                return reject(line, null, "row longer than " + (MAX_ROW >> 20) + " MiB, not read");
            }
            if (first.text().isBlank()) {
                continue;
            }
            List<Line> taken = new ArrayList<>();
            StringBuilder text = new StringBuilder(first.text());
            Cells cells = cells(text);
            while (cells.open()) {
                Line more = text.length() > MAX_ROW || taken.size() >= MAX_LINES ? null : nextLine();
                if (more == null || more.text() == null) {
                    if (more != null) {
                        taken.add(more);
                    }
                    return unclosed(taken);
                }
                taken.add(more);
                text.append('\n').append(more.text());
                cells = cells(text);
            }
            if (!taken.isEmpty() && (cells.cells() == null || cells.cells().size() != columns.size())) {
                // The "multi-line cell" only made a broken row of several good ones: give them back.
                return unclosed(taken);
            }
            if (cells.cells() == null) {
                return reject(line, null, "malformed CSV: text after a quoted cell's closing quote");
            }
            List<String> row = cells.cells();
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

    /** Rejects the row's first line for its open quote; the lines read past it are read again as rows. */
    private ReadResult unclosed(List<Line> taken) {
        for (int i = taken.size() - 1; i >= 0; i--) {
            replay.addFirst(taken.get(i));
        }
        return reject(
                line,
                null,
                "unclosed quote: the quoted cell opened on this line does not close; "
                        + "reading resumes on the next line");
    }

    @Override
    long line() {
        return line;
    }

    private Line nextLine() throws IOException {
        if (!replay.isEmpty()) {
            return replay.poll();
        }
        if (!lines.next()) {
            return null;
        }
        physical++;
        return new Line(physical, lines.end() - lines.start() > MAX_ROW ? null : lines.text());
    }

    /**
     * Splits a row as RFC 4180 does: commas between cells, a cell in quotes may hold commas, line breaks and
     * doubled quotes; a quote inside an unquoted cell is kept as it is.
     */
    static Cells cells(CharSequence s) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int n = s.length();
        int i = 0;
        while (true) {
            cell.setLength(0);
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return Cells.OPEN;
                    }
                    char c = s.charAt(i++);
                    if (c != '"') {
                        cell.append(c);
                    } else if (i < n && s.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < n && s.charAt(i) != ',') {
                    return Cells.MALFORMED;
                }
            } else {
                while (i < n && s.charAt(i) != ',') {
                    cell.append(s.charAt(i++));
                }
            }
            out.add(cell.toString());
            if (i >= n) {
                return new Cells(out, false);
            }
            i++;
        }
    }

    private List<String> readHeader(CsvColumns expected) throws IOException {
        Line header;
        do {
            header = nextLine();
            if (header == null) {
                return List.of();
            }
        } while (header.text() != null && header.text().isBlank());
        line = header.number();
        Cells cells = header.text() == null ? Cells.MALFORMED : cells(header.text());
        if (cells.cells() == null) {
            throw new InputException(
                    name(), line, cells.open() ? "malformed CSV header: unclosed quote" : "malformed CSV header");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String cell : cells.cells()) {
            String name = cell.trim();
            if (expected.known() != null && !expected.known().contains(name)) {
                throw new InputException(
                        name(),
                        line,
                        "unknown column '" + name + "' (" + format().wire() + " columns: "
                                + String.join(", ", expected.known()) + ")");
            }
            if (!seen.add(name)) {
                throw new InputException(name(), line, "column '" + name + "' appears twice");
            }
            names.add(name);
        }
        // Sorted: the same file must name the same missing column on every run (a Set's order varies per JVM).
        for (String name : new TreeSet<>(expected.required())) {
            if (!seen.contains(name)) {
                throw new InputException(name(), line, "required column '" + name + "' missing");
            }
        }
        return names;
    }
}
