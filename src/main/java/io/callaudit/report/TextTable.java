package io.callaudit.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A box of rows drawn with {@code +-|}, first column left-aligned and the others (counts) right-aligned.
 * Plain ASCII so it survives any terminal, pager, CI log or e-mail; widths count code points so that
 * accented labels line up.
 */
final class TextTable {

    /** A null entry marks a horizontal rule between sections. */
    private final List<String[]> rows = new ArrayList<>();

    TextTable row(String... cells) {
        rows.add(cells.clone());
        return this;
    }

    TextTable rule() {
        rows.add(null);
        return this;
    }

    /** The table's lines, framed top and bottom, without a trailing line break. */
    List<String> lines() {
        int columns = 0;
        for (String[] row : rows) {
            columns = row == null ? columns : Math.max(columns, row.length);
        }
        int[] widths = new int[columns];
        for (String[] row : rows) {
            if (row != null) {
                for (int i = 0; i < row.length; i++) {
                    widths[i] = Math.max(widths[i], width(row[i]));
                }
            }
        }
        String rule = ruleLine(widths);
        List<String> out = new ArrayList<>();
        out.add(rule);
        for (String[] row : rows) {
            if (row == null) {
                if (!out.get(out.size() - 1).equals(rule)) {
                    out.add(rule);
                }
                continue;
            }
            StringBuilder line = new StringBuilder("|");
            for (int i = 0; i < columns; i++) {
                String cell = i < row.length && row[i] != null ? row[i] : "";
                String padding = " ".repeat(widths[i] - width(cell));
                line.append(' ')
                        .append(i == 0 ? cell + padding : padding + cell)
                        .append(" |");
            }
            out.add(line.toString());
        }
        if (!out.get(out.size() - 1).equals(rule)) {
            out.add(rule);
        }
        return out;
    }

    private static String ruleLine(int[] widths) {
        StringBuilder line = new StringBuilder("+");
        for (int w : widths) {
            line.append("-".repeat(w + 2)).append('+');
        }
        return line.toString();
    }

    static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
