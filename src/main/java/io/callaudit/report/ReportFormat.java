package io.callaudit.report;

import io.callaudit.model.WireEnum;
import java.util.function.Supplier;

/**
 * The output formats, by the name {@code --format} accepts. Adding a format is adding a constant with its
 * writer: nothing else switches over this enum.
 */
public enum ReportFormat implements WireEnum {
    /** For a person at a terminal; the default. */
    TEXT("text", TextReportWriter::new),
    /** One document for tools, and the input of a later baseline comparison. */
    JSON("json", JsonReportWriter::new),
    /** One JSON object per line (summary, calls, findings, rejected records), for log pipelines. */
    NDJSON("ndjson", NdjsonReportWriter::new),
    /** One row per finding, for spreadsheets and database loaders. */
    CSV("csv", CsvReportWriter::new),
    /** SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. */
    SARIF("sarif", SarifReportWriter::new),
    /** JUnit XML, so any CI server shows failing rules as failing tests. */
    JUNIT("junit", JunitReportWriter::new),
    /** GitHub-flavoured Markdown for a pull-request comment or {@code $GITHUB_STEP_SUMMARY}. */
    MARKDOWN("markdown", MarkdownReportWriter::new),
    /** One self-contained page with charts, for the people who read an audit rather than act on each line. */
    HTML("html", HtmlReportWriter::new);

    private final String wire;
    private final Supplier<ReportWriter> writer;

    ReportFormat(String wire, Supplier<ReportWriter> writer) {
        this.wire = wire;
        this.writer = writer;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** A writer for this format; writers hold no state between reports, so callers need not share one. */
    public ReportWriter writer() {
        return writer.get();
    }

    /** The format written when the user names none (DOMAIN.md, "Outputs"). */
    public static ReportFormat defaultFormat() {
        return TEXT;
    }

    /** The format spelled {@code name}, or null; {@link WireEnum#choices} lists the accepted names. */
    public static ReportFormat parse(String name) {
        return WireEnum.parse(ReportFormat.class, name);
    }
}
