package io.callaudit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.callaudit.model.CallRecord;
import io.callaudit.model.ReadResult;
import io.callaudit.model.SourceRef;

/**
 * Turns one input record, already isolated as a small JSON tree, into a call. Readers own the shape of the file
 * (JSON document, NDJSON, CSV); mappers own the vendor's field names, so the two vary independently.
 */
interface RecordMapper {

    /**
     * @param record one record: a JSON value from a JSON or NDJSON file, or a CSV row as an object of strings
     * @throws FieldException when the record cannot be read as a call
     */
    CallRecord map(JsonNode record, SourceRef source) throws FieldException;

    /**
     * The record as a call, or, for a vendor whose stream mixes in records that are not calls (Aircall's webhook
     * log), as a skipped record; a mapper that only ever sees calls keeps this default.
     */
    default ReadResult read(JsonNode record, SourceRef source) throws FieldException {
        return new ReadResult.Call(map(record, source));
    }
}
