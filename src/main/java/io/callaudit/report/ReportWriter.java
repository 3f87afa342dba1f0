package io.callaudit.report;

import io.callaudit.engine.AuditResult;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Renders one audit in one format. The caller owns {@code out}: several formats can be written in one run,
 * one of them to standard output, so a writer flushes what it wrote and never closes the stream.
 */
public interface ReportWriter {

    /** Writes the whole report as UTF-8 and flushes {@code out}; leaves it open. */
    void write(AuditResult result, ReportContext ctx, OutputStream out) throws IOException;
}
