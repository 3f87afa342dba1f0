/**
 * Report writers: one {@link io.callaudit.report.ReportWriter} per output format, chosen through
 * {@link io.callaudit.report.ReportFormat}.
 *
 * <p>Writers only render an {@link io.callaudit.engine.AuditResult}; they decide nothing about calls, so
 * every format agrees on counts, outcomes and reasons. They keep the result's order (profile, calls in
 * input order, rejected records) because users diff reports between runs and a stable order makes the diff
 * show what changed rather than what moved. Rule prose comes from {@link io.callaudit.rules.Messages} in
 * the report's language, personal data masked when the context asks for redaction.
 *
 * <p>Everything here must run in a GraalVM native image: JSON goes through Jackson's streaming generator,
 * never through data binding or reflection.
 */
package io.callaudit.report;
