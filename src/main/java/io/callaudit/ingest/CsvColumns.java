package io.callaudit.ingest;

import java.util.List;
import java.util.Set;

/**
 * The header a format's CSV export must have. Header problems are file problems (every row would share
 * them), so they are checked once, before the first row.
 *
 * @param required columns without which no row could be a call
 * @param known every column allowed, or null when unknown columns are ignored: a vendor's export carries
 *        columns callaudit has no use for, exactly as its JSON carries keys it has no use for
 */
record CsvColumns(Set<String> required, List<String> known) {

    CsvColumns {
        required = Set.copyOf(required);
        known = known == null ? null : List.copyOf(known);
    }

    /** Our own format: an unknown column is a typo, and ignoring it would drop the value it was meant to carry. */
    static CsvColumns closed(List<String> known, Set<String> required) {
        return new CsvColumns(required, known);
    }

    /** A vendor's export, read like its JSON: the columns callaudit knows, the rest ignored. */
    static CsvColumns open(Set<String> required) {
        return new CsvColumns(required, null);
    }
}
