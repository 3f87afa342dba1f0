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
 * <p>Every format renders a finding through {@link io.callaudit.report.ReportedFinding} (rule, severity,
 * status, message, remediation, call id or file/line/key) so they cannot drift apart, and every verdict counts
 * open findings only, like the exit status. A waived or baselined finding is always written, marked with
 * why it does not count: a waiver must never hide a problem from the people reading the report. The human
 * formats (text, markdown) pick what needs attention through {@link io.callaudit.report.Attention}, so a
 * terminal and a pull-request comment list the same calls.
 *
 * <p>Everything here must run in a GraalVM native image: JSON (and NDJSON, SARIF) goes through Jackson's
 * streaming generator, never through data binding or reflection; XML through the JDK's own StAX writer; CSV
 * through commons-csv.
 */
package io.callaudit.report;
