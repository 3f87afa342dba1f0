package io.callaudit.ingest;

/**
 * How records are laid out in a file, independent of whose fields they carry. Detected even when the format
 * is forced, because {@code --input-format aircall} says whose fields, not how they are laid out.
 */
enum Shape {
    /** One JSON document (array, page or object), or several in a row; a syntax error ends the file. */
    JSON,
    /** One record per line; a bad line is rejected and reading goes on. */
    NDJSON,
    /** A header row, then one record per row. */
    CSV,
    /** An XML response ({@code <TwilioResponse><Call>...}), each call element one record. */
    XML,
    /**
     * One HTTP request per line, as a webhook endpoint logs it: a form-encoded body or a URL (or request line)
     * with a query string.
     */
    FORM
}
