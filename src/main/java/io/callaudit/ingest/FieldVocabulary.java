package io.callaudit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.Set;

/**
 * Counting a record's keys against a vendor's field names. Detection weighs vocabularies rather than looking
 * for one key, because vendors share names ({@code duration}, {@code sid}, {@code call}) and a record holding
 * only shared ones belongs to nobody in particular.
 */
final class FieldVocabulary {

    private FieldVocabulary() {}

    /** How many of the object's keys with a value are in {@code vocabulary}; zero for anything but an object. */
    static int count(JsonNode record, Set<String> vocabulary) {
        if (record == null || !record.isObject()) {
            return 0;
        }
        int n = 0;
        for (Iterator<String> it = record.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (vocabulary.contains(key)) {
                n++;
            }
        }
        return n;
    }

    /** How many of a CSV header's columns are in {@code vocabulary}. */
    static int count(Collection<String> columns, Set<String> vocabulary) {
        int n = 0;
        for (String c : columns) {
            if (vocabulary.contains(c)) {
                n++;
            }
        }
        return n;
    }
}
