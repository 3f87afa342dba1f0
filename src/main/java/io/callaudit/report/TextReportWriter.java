package io.callaudit.report;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.CallResult;
import io.callaudit.engine.Outcome;
import io.callaudit.engine.Summary;
import io.callaudit.engine.Suppression;
import io.callaudit.model.ProfileLocation;
import io.callaudit.model.Rejection;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleSet;
import io.callaudit.rules.Severity;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code text} report, the default: what a person at a terminal reads to decide what to do next.
 *
 * <p>It leads with the counts, then lists only what needs attention (configuration findings, calls without a
 * recording or with a warning, rejected records, waiver problems and stale baseline entries), then what to do
 * per rule, and ends with the verdict so the last line of a CI log says whether the run failed. A waived or
 * baselined finding is listed like any other, marked with why it does not count: hiding it would let a
 * waiver hide a problem from the people reading the report. Everything stays in the result's order: sorting here
 * would make two runs over the same batch hard to compare. No ANSI colours, because the report is as often
 * piped, paged or pasted into a ticket as it is read live.
 */
public final class TextReportWriter implements ReportWriter {

    private static final String INDENT = "  ";
    private static final String GAP = "  ";
    private static final int SEVERITY_WIDTH = widest();
    /** Calls listed for attention; the JSON report has every one. */
    private static final int MAX_CALLS = 500;
    /** Distinct remediations shown per rule; the JSON report has every one. */
    private static final int MAX_REMEDIATIONS = 3;

    @Override
    public void write(AuditResult result, ReportContext ctx, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        new Page(result, ctx, Chrome.of(ctx.messages().locale()), w).render();
        w.flush();
    }

    /** Wide enough for a severity label in every language the reports are written in. */
    private static int widest() {
        int w = 0;
        for (Locale locale : RuleSet.LANGUAGES) {
            Chrome chrome = Chrome.of(locale);
            for (Severity s : Severity.values()) {
                w = Math.max(w, chrome.severityLabel(s).length());
            }
        }
        return w;
    }

    /** One report being written; holds what every section needs so the sections read top to bottom. */
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
            header();
            summaryTable();
            profile();
            calls();
            rejected();
            suppressions();
            remediation();
            verdict();
        }

        private void header() throws IOException {
            String asOf = result.asOf() == null ? "-" : result.asOf().toString();
            line((ctx.toolVersion() == null
                            ? chrome.text("header.unversioned", asOf)
                            : chrome.text("header", ctx.toolVersion(), asOf))
                    + zone(result, chrome));
            List<String> notRun = result.rulesNotRun(ctx.rules());
            if (!notRun.isEmpty()) {
                line(chrome.text("header.no-profile", String.join(", ", notRun)));
            }
            line("");
        }

        /** The zone offset-less times were read in, said where the reader looks first. */
        private static String zone(AuditResult result, Chrome chrome) {
            return result.timeZone() == null
                    ? ""
                    : chrome.text("header.zone", result.timeZone().getId());
        }

        private void summaryTable() throws IOException {
            heading("summary.heading");
            TextTable table = new TextTable();
            table.row(chrome.text("summary.records-read"), count(summary.recordsRead()))
                    .row(chrome.text("summary.calls"), count(summary.calls()))
                    .row(chrome.text("summary.rejected"), count(summary.rejected()))
                    .row(chrome.text("summary.superseded"), count(summary.superseded()))
                    .row(chrome.text("summary.skipped"), count(summary.skipped()));
            for (Map.Entry<String, Long> kind : summary.skippedByKind().entrySet()) {
                table.row("  " + kind.getKey(), count(kind.getValue()));
            }
            table.rule()
                    .row(chrome.text("summary.outcome"), chrome.text("summary.outcome-count"))
                    .rule();
            for (Outcome o : Outcome.values()) {
                table.row(chrome.outcome(o), count(valueOf(summary.byOutcome(), o)));
            }
            table.rule()
                    .row(chrome.text("summary.severity"), chrome.text("summary.severity-count"))
                    .rule();
            for (Severity s : Severity.values()) {
                table.row(chrome.severity(s), count(valueOf(summary.bySeverity(), s)));
            }
            table.rule()
                    .row(chrome.text("summary.waived"), count(summary.waived()))
                    .row(chrome.text("summary.baselined"), count(summary.baselined()));
            for (String l : table.lines()) {
                line(l);
            }
            line("");
        }

        /** {@code SEVERITY  rule.id  file:line key  message}, columns aligned within the section. */
        private void profile() throws IOException {
            heading("profile.heading");
            List<Finding> findings = result.profileFindings();
            if (findings.isEmpty()) {
                none();
            }
            int ruleWidth = 0;
            int whereWidth = 0;
            for (Finding f : findings) {
                ruleWidth = Math.max(ruleWidth, TextTable.width(f.ruleId()));
                whereWidth = Math.max(whereWidth, TextTable.width(where(f.location())));
            }
            for (Finding f : findings) {
                line(INDENT
                        + pad(chrome.severityLabel(f.severity()), SEVERITY_WIDTH)
                        + GAP
                        + pad(f.ruleId(), ruleWidth)
                        + GAP
                        + pad(where(f.location()), whereWidth)
                        + GAP
                        + message(f));
            }
            line("");
        }

        private String where(ProfileLocation location) {
            if (location == null) {
                return "-";
            }
            String key = location.key() == null ? "" : " " + location.key();
            if (location.file() == null) {
                return chrome.text("profile.built-in") + key;
            }
            return location.file() + ":" + location.line() + key;
        }

        /**
         * Calls without a recording, or with a warning or worse (a recording whose link expired, a call the
         * platform skipped): {@code id  outcome  primary-reason  message}, the further reasons and the
         * ingestion and input findings on indented lines below, aligned under the first.
         */
        private void calls() throws IOException {
            heading("calls.heading");
            Attention.Listing listing = attention.calls(MAX_CALLS);
            List<CallResult> listed = listing.shown();
            int idWidth = 0;
            int outcomeWidth = 0;
            int ruleWidth = 0;
            for (CallResult c : listed) {
                idWidth = Math.max(idWidth, TextTable.width(id(c)));
                outcomeWidth = Math.max(outcomeWidth, TextTable.width(chrome.outcome(c.outcome())));
                for (Finding f : c.findings()) {
                    ruleWidth = Math.max(ruleWidth, TextTable.width(f.ruleId()));
                }
            }
            if (listed.isEmpty()) {
                none();
            }
            String under = " ".repeat(idWidth + GAP.length() + outcomeWidth + GAP.length());
            for (CallResult c : listed) {
                String lead = INDENT + pad(id(c), idWidth) + GAP + pad(chrome.outcome(c.outcome()), outcomeWidth) + GAP;
                if (c.findings().isEmpty()) {
                    line(lead + "-");
                    continue;
                }
                for (Finding f : c.findings()) {
                    line(lead + pad(f.ruleId(), ruleWidth) + GAP + message(f));
                    lead = INDENT + under;
                }
            }
            if (listing.more() > 0) {
                line(INDENT + chrome.text("md.more.calls", Long.toString(listing.more())));
            }
            line("");
        }

        private static String id(CallResult c) {
            return c.id() == null ? "-" : c.id();
        }

        /** {@code file:line field: reason}, marked when its {@code input.rejected-record} is suppressed. */
        private void rejected() throws IOException {
            heading("rejected.heading");
            if (result.rejected().isEmpty()) {
                none();
            }
            for (Rejection r : result.rejected()) {
                String where = r.source() == null
                        ? "-"
                        : r.source().file() + ":" + r.source().line();
                Finding finding = attention.rejectionFinding(r);
                Suppression suppression = finding == null ? null : result.suppression(finding);
                line(INDENT + where + (r.field() == null ? "" : " " + r.field()) + ": " + r.reason(ctx.redact())
                        + (suppression == null ? "" : " (" + chrome.suppression(suppression) + ")"));
            }
            line("");
        }

        /**
         * Findings about the waiver file itself (expired, malformed: {@code SEVERITY rule file:line key
         * message}) and baseline entries that matched nothing, which should be pruned from the baseline before
         * they hide a future regression.
         */
        private void suppressions() throws IOException {
            heading("suppressions.heading");
            List<Finding> findings = attention.reviewFindings();
            if (findings.isEmpty() && result.staleBaseline().isEmpty()) {
                none();
            }
            int ruleWidth = 0;
            for (Finding f : findings) {
                ruleWidth = Math.max(ruleWidth, TextTable.width(f.ruleId()));
            }
            for (Finding f : findings) {
                String where = f.location() != null
                        ? where(f.location())
                        : f.source() == null ? "-" : f.source().toString();
                line(INDENT
                        + pad(chrome.severityLabel(f.severity()), SEVERITY_WIDTH)
                        + GAP
                        + pad(f.ruleId(), ruleWidth)
                        + GAP
                        + where
                        + GAP
                        + message(f));
            }
            for (String entry : result.staleBaseline()) {
                line(INDENT + chrome.text("suppressions.stale", entry));
            }
            line("");
        }

        /**
         * Each rule that fired, once, with its severity, how often, and the distinct remediations: DOMAIN.md
         * wants severity and remediation in every format, and one line per rule says it without repeating
         * the same advice under every call.
         */
        private void remediation() throws IOException {
            heading("remediation.heading");
            if (summary.byRule().isEmpty()) {
                none();
            }
            // One pass over the findings (they may be on disk), keeping a few distinct remediations per rule: a
            // million parallel legs would otherwise name a million holder calls here.
            Map<String, Finding> firsts = new HashMap<>();
            Map<String, Set<String>> remediations = new HashMap<>();
            for (Finding f : result.findings()) {
                firsts.putIfAbsent(f.ruleId(), f);
                Set<String> texts = remediations.computeIfAbsent(f.ruleId(), k -> new LinkedHashSet<>());
                if (texts.size() < MAX_REMEDIATIONS) {
                    texts.add(ctx.messages().format(f.ruleId() + ".remediation", f.args(), ctx.redact()));
                }
            }
            String under = INDENT + " ".repeat(SEVERITY_WIDTH) + GAP;
            for (Map.Entry<String, Long> rule : summary.byRule().entrySet()) {
                Finding first = firsts.get(rule.getKey());
                String sev = first == null ? "" : chrome.severityLabel(first.severity());
                line(INDENT + pad(sev, SEVERITY_WIDTH) + GAP + rule.getKey() + " (" + rule.getValue() + ")");
                for (String r : remediations.getOrDefault(rule.getKey(), Set.of())) {
                    line(under + r);
                }
            }
            line("");
        }

        /**
         * The last line, so that a CI log's tail says whether the run failed and against what. Only open
         * findings count, as for the exit status; the suppressed ones are counted after it so that a pass
         * obtained through waivers says so.
         */
        private void verdict() throws IOException {
            Severity failOn = ctx.failOn();
            if (failOn == null) {
                line(chrome.text("verdict.report-only"));
                return;
            }
            if (result.empty()) {
                line(chrome.text("verdict.nothing-read"));
                return;
            }
            long failing = result.failing(failOn);
            String verdict;
            if (failing == 0) {
                verdict = chrome.text("verdict.pass", chrome.severity(failOn));
            } else if (failing == 1) {
                verdict = chrome.text("verdict.fail.one", chrome.severity(failOn));
            } else {
                verdict = chrome.text("verdict.fail.many", count(failing), chrome.severity(failOn));
            }
            if (summary.waived() + summary.baselined() > 0) {
                verdict += " " + chrome.text("verdict.suppressed", count(summary.waived()), count(summary.baselined()));
            }
            line(verdict);
        }

        private void heading(String key) throws IOException {
            String title = chrome.text(key);
            line(title);
            line("-".repeat(TextTable.width(title)));
        }

        private void none() throws IOException {
            line(INDENT + chrome.text("none"));
        }

        /** The finding's message, followed by why it does not count when it is waived or baselined. */
        private String message(Finding f) {
            String text = ctx.messages().message(f, ctx.redact());
            Suppression suppression = result.suppression(f);
            return suppression == null ? text : text + " (" + chrome.suppression(suppression) + ")";
        }

        /** Trailing blanks are dropped so that padding never shows up as noise in a diff. */
        private void line(String text) throws IOException {
            out.write(text.stripTrailing());
            out.write('\n');
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - TextTable.width(s)));
    }

    private static String count(long n) {
        return Long.toString(n);
    }

    private static <K> long valueOf(Map<K, Long> counts, K key) {
        Long n = counts.get(key);
        return n == null ? 0 : n;
    }
}
