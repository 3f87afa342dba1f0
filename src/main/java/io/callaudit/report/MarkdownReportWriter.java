package io.callaudit.report;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.CallResult;
import io.callaudit.engine.Outcome;
import io.callaudit.engine.Summary;
import io.callaudit.model.ProfileLocation;
import io.callaudit.model.Rejection;
import io.callaudit.rules.Finding;
import io.callaudit.rules.Severity;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code markdown} report: GitHub-flavoured Markdown for a pull-request comment or
 * {@code $GITHUB_STEP_SUMMARY}, where a reviewer decides in a glance whether the change is safe.
 *
 * <p>The title carries the verdict (open findings only, as for the exit status), then the counts, then the
 * same selection as the text report (profile findings, calls that need attention, rejected records, waiver
 * problems, stale baseline entries), and what to do per rule folded in a {@code <details>} block so it does
 * not push the tables out of sight. Lists that grow with the batch are capped at {@value #MAX_ROWS} rows: a
 * comment has a size limit (65,536 characters on GitHub) and nobody reads row 51 in a comment; the line
 * under the table says how many were left out and that the JSON report has them all.
 *
 * <p>Every cell is escaped: data from the batch (call ids, rejection reasons) may hold {@code |}, line
 * breaks, HTML or Markdown, and one stray pipe would shift every column after it.
 */
public final class MarkdownReportWriter implements ReportWriter {

    /** Rows per growing table (calls, rejected records). */
    static final int MAX_ROWS = 50;

    /** Distinct remediations printed per rule; a parallel leg has one per call. */
    static final int MAX_REMEDIATIONS = 3;

    @Override
    public void write(AuditResult result, ReportContext ctx, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        new Page(result, ctx, Chrome.of(ctx.messages().locale()), w).render();
        w.flush();
    }

    /** One report being written; sections read top to bottom like the text report's. */
    private static final class Page {
        private final AuditResult result;
        private final ReportContext ctx;
        private final Chrome chrome;
        private final Writer out;
        private final Summary summary;
        private final Attention attention;

        Page(AuditResult result, ReportContext ctx, Chrome chrome, Writer out) {
            this.result = result;
            this.ctx = ctx;
            this.chrome = chrome;
            this.out = out;
            this.summary = result.summary(ctx.rules());
            this.attention = new Attention(result);
        }

        void render() throws IOException {
            title();
            summaryTable();
            profile();
            calls();
            rejected();
            suppressions();
            remediation();
        }

        /**
         * {@code ## <mark> callaudit: VERDICT ...}, then the version and audit clock in small print. A
         * report-only run gets no check mark: it did not pass anything.
         */
        private void title() throws IOException {
            Severity failOn = ctx.failOn();
            String title;
            if (failOn == null) {
                title = "\u2139\ufe0f " + chrome.text("md.title.report-only");
            } else if (result.empty()) {
                title = "\u274c " + chrome.text("md.title.nothing-read");
            } else {
                long failing = result.failing(failOn);
                if (failing == 0) {
                    title = "\u2705 " + chrome.text("md.title.pass", failOn.wire());
                } else if (failing == 1) {
                    title = "\u274c " + chrome.text("md.title.fail.one", failOn.wire());
                } else {
                    title = "\u274c " + chrome.text("md.title.fail.many", Long.toString(failing), failOn.wire());
                }
                if (summary.waived() + summary.baselined() > 0) {
                    title += " "
                            + chrome.text(
                                    "verdict.suppressed",
                                    Long.toString(summary.waived()),
                                    Long.toString(summary.baselined()));
                }
            }
            line("## " + escape(title));
            line("");
            String asOf = result.asOf() == null ? "-" : result.asOf().toString();
            String header = (ctx.toolVersion() == null
                            ? chrome.text("header.unversioned", asOf)
                            : chrome.text("header", ctx.toolVersion(), asOf))
                    + (result.timeZone() == null
                            ? ""
                            : chrome.text("header.zone", result.timeZone().getId()));
            line("<sub>" + escape(header) + "</sub>");
            line("");
            List<String> notRun = result.rulesNotRun(ctx.rules());
            if (!notRun.isEmpty()) {
                line("> " + escape(chrome.text("header.no-profile", String.join(", ", notRun))));
                line("");
            }
        }

        /**
         * One two-column table: input counts, outcomes, severities, suppressions; zeros included. Its header
         * names it, so it needs no heading of its own.
         */
        private void summaryTable() throws IOException {
            line("| " + escape(chrome.text("summary.heading")) + " | " + escape(chrome.text("md.count")) + " |");
            line("| :--- | ---: |");
            countRow(chrome.text("summary.records-read"), summary.recordsRead());
            countRow(chrome.text("summary.calls"), summary.calls());
            countRow(chrome.text("summary.rejected"), summary.rejected());
            countRow(chrome.text("summary.superseded"), summary.superseded());
            countRow(chrome.text("summary.skipped"), summary.skipped());
            for (Map.Entry<String, Long> kind : summary.skippedByKind().entrySet()) {
                countRow(chrome.text("summary.skipped") + ": " + kind.getKey(), kind.getValue());
            }
            for (Outcome o : Outcome.values()) {
                countRow(chrome.text("summary.outcome") + ": " + o.wire(), valueOf(summary.byOutcome(), o));
            }
            for (Severity s : Severity.values()) {
                countRow(chrome.text("summary.severity") + ": " + s.wire(), valueOf(summary.bySeverity(), s));
            }
            countRow(chrome.text("summary.waived"), summary.waived());
            countRow(chrome.text("summary.baselined"), summary.baselined());
            line("");
        }

        private void countRow(String label, long n) throws IOException {
            line("| " + escape(label) + " | " + n + " |");
        }

        /** {@code file:line | key | rule | severity | message}; omitted when the profile is clean. */
        private void profile() throws IOException {
            List<Finding> findings = result.profileFindings();
            if (findings.isEmpty()) {
                return;
            }
            heading("profile.heading");
            header("md.where", "md.key", "md.rule", "md.severity", "md.message");
            for (Finding f : findings) {
                ReportedFinding rf = ReportedFinding.of(f, result, ctx);
                row(
                        escape(where(f.location())),
                        code(rf.key()),
                        code(rf.ruleId()),
                        rf.severity().wire(),
                        escape(message(rf)));
            }
            line("");
        }

        /**
         * One row per call, its findings stacked in the rule, severity and message cells with {@code <br>}
         * so they stay aligned; capped at {@value MarkdownReportWriter#MAX_ROWS} calls.
         */
        private void calls() throws IOException {
            Attention.Listing listing = attention.calls(MAX_ROWS);
            List<CallResult> listed = listing.shown();
            if (listed.isEmpty()) {
                return;
            }
            heading("calls.heading");
            header("md.call", "md.outcome", "md.rule", "md.severity", "md.message");
            for (CallResult c : listed) {
                List<String> rules = new ArrayList<>();
                List<String> severities = new ArrayList<>();
                List<String> messages = new ArrayList<>();
                for (Finding f : c.findings()) {
                    ReportedFinding rf = ReportedFinding.of(f, result, ctx);
                    rules.add(code(rf.ruleId()));
                    severities.add(rf.severity().wire());
                    messages.add(escape(message(rf)));
                }
                row(
                        code(c.id() == null ? "-" : c.id()),
                        c.outcome().wire(),
                        stack(rules),
                        stack(severities),
                        stack(messages));
            }
            line("");
            more(listing.total(), "md.more.calls");
        }

        /** {@code file:line | field | reason}, capped like the calls. */
        private void rejected() throws IOException {
            List<Rejection> rejected = result.rejected();
            if (rejected.isEmpty()) {
                return;
            }
            heading("rejected.heading");
            header("md.where", "md.field", "md.reason");
            for (Rejection r : rejected.subList(0, Math.min(MAX_ROWS, rejected.size()))) {
                String where = r.source() == null
                        ? "-"
                        : r.source().file() + ":" + r.source().line();
                Finding finding = attention.rejectionFinding(r);
                String reason = r.reason(ctx.redact());
                if (finding != null && result.suppression(finding) != null) {
                    reason += " (" + chrome.suppression(result.suppression(finding)) + ")";
                }
                row(escape(where), r.field() == null ? "-" : code(r.field()), escape(reason));
            }
            line("");
            more(rejected.size(), "md.more.rejected");
        }

        /** Waiver-file findings and stale baseline entries; omitted when there are none. */
        private void suppressions() throws IOException {
            List<Finding> findings = attention.reviewFindings();
            if (findings.isEmpty() && result.staleBaseline().isEmpty()) {
                return;
            }
            heading("suppressions.heading");
            if (!findings.isEmpty()) {
                header("md.where", "md.key", "md.rule", "md.severity", "md.message");
                for (Finding f : findings) {
                    ReportedFinding rf = ReportedFinding.of(f, result, ctx);
                    String where = f.location() != null
                            ? where(f.location())
                            : f.source() == null ? "-" : f.source().toString();
                    row(
                            escape(where),
                            rf.key() == null ? "-" : code(rf.key()),
                            code(rf.ruleId()),
                            rf.severity().wire(),
                            escape(message(rf)));
                }
                line("");
            }
            if (!result.staleBaseline().isEmpty()) {
                line(escape(chrome.text("md.stale.heading")) + ":");
                line("");
                for (String entry : result.staleBaseline()) {
                    line("- " + inlineCode(entry));
                }
                line("");
            }
        }

        /**
         * Each rule that fired: severity, count, and up to {@value MarkdownReportWriter#MAX_REMEDIATIONS}
         * distinct remediations, folded so the tables stay in view.
         */
        private void remediation() throws IOException {
            if (summary.byRule().isEmpty()) {
                return;
            }
            Map<String, Set<String>> remediations = new LinkedHashMap<>();
            Map<String, Severity> severities = new LinkedHashMap<>();
            for (Finding f : result.findings()) {
                severities.putIfAbsent(f.ruleId(), f.severity());
                remediations
                        .computeIfAbsent(f.ruleId(), k -> new LinkedHashSet<>())
                        .add(ctx.messages().format(f.ruleId() + ".remediation", f.args(), ctx.redact()));
            }
            line("<details><summary>" + escape(chrome.text("remediation.heading")) + "</summary>");
            line("");
            for (Map.Entry<String, Long> rule : summary.byRule().entrySet()) {
                Severity severity = severities.get(rule.getKey());
                line("- " + inlineCode(rule.getKey()) + " (" + (severity == null ? "-" : severity.wire()) + ", "
                        + rule.getValue() + ")");
                Set<String> texts = remediations.getOrDefault(rule.getKey(), Set.of());
                int shown = 0;
                for (String text : texts) {
                    if (shown++ == MAX_REMEDIATIONS) {
                        break;
                    }
                    line("  - " + escape(text));
                }
                if (texts.size() > MAX_REMEDIATIONS) {
                    line("  - "
                            + escape(chrome.text(
                                    "md.more.remediations", Integer.toString(texts.size() - MAX_REMEDIATIONS))));
                }
            }
            line("");
            line("</details>");
        }

        private String where(ProfileLocation location) {
            if (location == null) {
                return "-";
            }
            if (location.file() == null) {
                return chrome.text("profile.built-in");
            }
            return location.file() + ":" + location.line();
        }

        /** The message, with why it does not count when it is suppressed (the same words as the text report). */
        private String message(ReportedFinding rf) {
            return rf.open() ? rf.message() : rf.message() + " (" + chrome.suppression(rf.suppression()) + ")";
        }

        private void more(long total, String key) throws IOException {
            if (total > MAX_ROWS) {
                line("_" + escape(chrome.text(key, Long.toString(total - MAX_ROWS))) + "_");
                line("");
            }
        }

        private void heading(String key) throws IOException {
            line("### " + escape(chrome.text(key)));
            line("");
        }

        private void header(String... keys) throws IOException {
            StringBuilder names = new StringBuilder("|");
            StringBuilder rule = new StringBuilder("|");
            for (String key : keys) {
                names.append(' ').append(escape(chrome.text(key))).append(" |");
                rule.append(" --- |");
            }
            line(names.toString());
            line(rule.toString());
        }

        /** Cells are already escaped or code spans. */
        private void row(String... cells) throws IOException {
            line("| " + String.join(" | ", cells) + " |");
        }

        private void line(String text) throws IOException {
            out.write(text);
            out.write('\n');
        }
    }

    /** Several values in one cell, one per visual line. */
    private static String stack(List<String> cells) {
        return cells.isEmpty() ? "-" : String.join("<br>", cells);
    }

    /**
     * Text safe in a table cell or a list item: the punctuation that would start markup (emphasis, links,
     * code, HTML tags and entities, table pipes) backslash-escaped, which GFM allows before any ASCII
     * punctuation and undoes for {@code \|} inside tables; line breaks as {@code <br>}, other control
     * characters as U+FFFD. A lone {@code >} starts nothing in the middle of a line, so "Settings > Users"
     * stays readable in the raw text.
     */
    static String escape(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '|', '`', '*', '_', '[', ']', '<', '&', '~', '#' ->
                    b.append('\\').append(c);
                case '\r' -> {
                    b.append("<br>");
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> b.append("<br>");
                default -> b.append(c < 0x20 && c != '\t' ? '\ufffd' : c);
            }
        }
        return b.toString();
    }

    /**
     * An identifier (rule id, call id, profile key) as a code span in a table cell, so
     * {@code numbers[0].allow_user_pause} reads as written. Inside a table GFM still splits on a bare pipe,
     * even in a code span, and unescapes {@code \|} there, so that is the only escape.
     */
    static String code(String s) {
        return codeSpan(s) ? "`" + s.replace("|", "\\|") + "`" : escape(s);
    }

    /** The same outside a table, where a code span shows a backslash literally and a pipe needs nothing. */
    static String inlineCode(String s) {
        return codeSpan(s) ? "`" + s + "`" : escape(s);
    }

    /** Whether a code span can hold {@code s}: no backticks, no control characters, no edge blanks it trims. */
    private static boolean codeSpan(String s) {
        return s != null
                && !s.isEmpty()
                && s.indexOf('`') < 0
                && s.chars().noneMatch(c -> c < 0x20)
                && s.equals(s.strip());
    }

    private static <K> long valueOf(Map<K, Long> counts, K key) {
        Long n = counts.get(key);
        return n == null ? 0 : n;
    }
}
