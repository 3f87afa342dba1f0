package io.callaudit.report;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.Breakdown;
import io.callaudit.engine.CallResult;
import io.callaudit.engine.Outcome;
import io.callaudit.engine.RecordingRate;
import io.callaudit.engine.Summary;
import io.callaudit.engine.Suppression;
import io.callaudit.model.ProfileLocation;
import io.callaudit.model.Rejection;
import io.callaudit.rules.Family;
import io.callaudit.rules.Finding;
import io.callaudit.rules.RuleInfo;
import io.callaudit.rules.Sensitive;
import io.callaudit.rules.Severity;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code html} report: one page for the people who read an audit rather than act on it line by line (a
 * contact-centre manager, a compliance officer), leading with the recording rate and showing where
 * recordings go missing, each gap with its documented cause.
 *
 * <p>The page is self-contained (inline CSS and SVG, no script, no font, no image, and a Content Security
 * Policy that forbids fetching any), so it opens offline from an e-mail attachment or an S3 link. Charts
 * are drawn here as SVG: every mark carries its number as a tooltip, every chart has a table beside it with
 * the same numbers, and series are told apart by pattern and label as well as by colour.
 *
 * <p>It aggregates rather than lists: the counts were kept while the calls streamed ({@link Breakdown}), so
 * the page needs no pass over the results, which may be on disk; only the calls worth a look (lost,
 * unexplained) are listed, up to {@link Breakdown#LISTED} each, with a pointer to the JSON report for the
 * rest, so the file stays small at a million calls.
 */
public final class HtmlReportWriter implements ReportWriter {

    /** Numbers and agents drawn one by one; the others share one row. */
    static final int TOP_GROUPS = 15;
    /** Rejected records listed; the JSON report has every one. */
    static final int MAX_REJECTED = 100;

    private static final Pattern EMAIL_ONLY = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern PHONE_ONLY = Pattern.compile("[+\\d][\\d ().-]*");
    private static final Pattern SHORT_ID = Pattern.compile("\\d{1,6}");
    private static final int LABEL_WIDTH = 230;
    private static final int BAR_WIDTH = 360;
    private static final int ROW_HEIGHT = 24;
    private static final int CHART_WIDTH = LABEL_WIDTH + BAR_WIDTH + 90;

    @Override
    public void write(AuditResult result, ReportContext ctx, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        new Page(result, ctx, w).render();
        w.flush();
    }

    /** One report being written. */
    private static final class Page {
        private final AuditResult result;
        private final ReportContext ctx;
        private final Chrome chrome;
        private final Writer out;
        private final Summary summary;
        private final Breakdown digest;
        private final ZoneId zone;

        Page(AuditResult result, ReportContext ctx, Writer out) {
            this.result = result;
            this.ctx = ctx;
            this.chrome = Chrome.of(ctx.messages().locale());
            this.out = out;
            this.summary = result.summary(ctx.rules());
            this.zone =
                    result.profile() == null ? ZoneOffset.UTC : result.profile().timezone();
            this.digest = result.breakdown();
        }

        void render() throws IOException {
            head();
            out.write("<main>\n");
            headline();
            outcomes();
            timeline();
            Map<String, RuleInfo> rules = new HashMap<>();
            for (RuleInfo r : ctx.rules().all()) {
                rules.put(r.id(), r);
            }
            reasons(rules);
            groups("numbers", digest.numbers(), "html.numbers.heading", "html.numbers.column", "html.numbers.other");
            groups("agents", digest.agents(), "html.agents.heading", "html.agents.column", "html.agents.other");
            attention();
            otherFindings(rules);
            profile();
            rejected();
            accounting();
            out.write("</main>\n</body>\n</html>\n");
        }

        private void head() throws IOException {
            String lang = ctx.messages().locale().getLanguage();
            out.write("<!DOCTYPE html>\n<html lang=\"" + esc(lang.isEmpty() ? "en" : lang) + "\">\n<head>\n"
                    + "<meta charset=\"utf-8\">\n"
                    // Nothing may be fetched: the page must read the same offline, and must not tell anyone it
                    // was opened.
                    + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    + "style-src 'unsafe-inline'\">\n"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    + "<title>" + esc(chrome.text("html.title")) + "</title>\n<style>" + STYLE + "</style>\n"
                    + "</head>\n<body>\n<header>\n<h1>" + esc(chrome.text("html.title")) + "</h1>\n<p>");
            String asOf = result.asOf() == null ? "-" : result.asOf().toString();
            out.write(esc(
                    ctx.toolVersion() == null
                            ? chrome.text("header.unversioned", asOf)
                            : chrome.text("header", ctx.toolVersion(), asOf)));
            if (digest.first() != null) {
                out.write("<br>"
                        + esc(chrome.text(
                                "html.span", dateTime(digest.first()), dateTime(digest.last()), zone.getId())));
            }
            out.write("</p>\n<p class=\"verdict\">" + esc(verdict()) + "</p>\n");
            // Without a profile the page must not read as clean where it could not look: say so at the top.
            List<String> notRun = result.rulesNotRun(ctx.rules());
            if (!notRun.isEmpty()) {
                out.write("<p class=\"no-profile\" data-profile-applied=\"false\">"
                        + esc(chrome.text("header.no-profile", String.join(", ", notRun))) + "</p>\n");
            }
            out.write("</header>\n");
        }

        /** The recording rate, large, with what it is a rate of, and a bar of recorded against missing. */
        private void headline() throws IOException {
            RecordingRate rate = summary.recording();
            section("rate", "html.rate.heading");
            Double r = rate.rate();
            out.write("<p class=\"headline\"><strong data-summary=\"recording_rate\" data-value=\""
                    + (r == null ? "" : Double.toString(r)) + "\">" + esc(percent(rate)) + "</strong> "
                    + esc(
                            r == null
                                    ? chrome.text("html.rate.none")
                                    : chrome.text("html.rate.of", count(rate.recorded()), count(rate.expected())))
                    + "</p>\n");
            out.write("<p class=\"note\">" + esc(chrome.text("html.rate.definition")) + "</p>\n");
            if (rate.expected() > 0) {
                long missing = rate.expected() - rate.recorded();
                int width = BAR_WIDTH + LABEL_WIDTH;
                int done = (int) Math.round((double) width * rate.recorded() / rate.expected());
                out.write("<figure class=\"chart\" data-chart=\"rate\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                        + "width=\"" + width + "\" height=\"28\" viewBox=\"0 0 " + width + " 28\" role=\"img\" "
                        + "aria-label=\"" + esc(chrome.text("html.rate.heading")) + "\">\n");
                out.write(rect(
                        "mark recorded", 0, 2, done, 24, chrome.text("html.rate.recorded", count(rate.recorded()))));
                out.write(rect(
                        "mark missing", done, 2, width - done, 24, chrome.text("html.rate.missing", count(missing))));
                out.write("</svg>\n<figcaption>" + esc(chrome.text("html.rate.recorded", count(rate.recorded())))
                        + " &middot; " + esc(chrome.text("html.rate.missing", count(missing)))
                        + "</figcaption>\n</figure>\n");
            }
            out.write("</section>\n");
        }

        private void outcomes() throws IOException {
            section("outcomes", "html.outcomes.heading");
            List<Bar> bars = new ArrayList<>();
            for (Outcome o : Outcome.values()) {
                long n = valueOf(summary.byOutcome(), o);
                bars.add(new Bar(outcome(o), n, count(n), "o-" + o.wire()));
            }
            out.write("<div class=\"pair\">\n");
            barChart("outcomes", chrome.text("html.outcomes.heading"), bars);
            out.write("<table>\n<thead><tr><th scope=\"col\">" + esc(chrome.text("summary.outcome"))
                    + "</th><th scope=\"col\" class=\"n\">" + esc(chrome.text("summary.outcome-count"))
                    + "</th></tr></thead>\n<tbody>\n");
            for (Outcome o : Outcome.values()) {
                out.write("<tr><th scope=\"row\">" + esc(outcome(o)) + "</th><td class=\"n\" data-outcome=\"" + o.wire()
                        + "\">" + count(valueOf(summary.byOutcome(), o)) + "</td></tr>\n");
            }
            out.write("</tbody>\n</table>\n</div>\n</section>\n");
        }

        /**
         * Why recordings are missing (the gap and link rules, the reasons of a call), by how often they fired,
         * with what to do and where the rule comes from.
         */
        private void reasons(Map<String, RuleInfo> rules) throws IOException {
            List<Map.Entry<String, Long>> why = ranked(rules, true);
            section("reasons", "html.reasons.heading");
            if (why.isEmpty()) {
                none();
            } else {
                List<Bar> bars = new ArrayList<>();
                for (Map.Entry<String, Long> e : why) {
                    bars.add(new Bar(e.getKey(), e.getValue(), count(e.getValue()), "rule"));
                }
                barChart("reasons", chrome.text("html.reasons.heading"), bars);
                ruleTable(why, rules);
            }
            out.write("</section>\n");
        }

        /** Every other finding (profile, plan, ingestion, input), ranked the same way, without a chart. */
        private void otherFindings(Map<String, RuleInfo> rules) throws IOException {
            List<Map.Entry<String, Long>> other = ranked(rules, false);
            section("findings", "html.findings.heading");
            if (other.isEmpty()) {
                none();
            } else {
                ruleTable(other, rules);
            }
            out.write("</section>\n");
        }

        /** The summary's rule counts, reasons of a call or the others, most frequent first (ties: precedence). */
        private List<Map.Entry<String, Long>> ranked(Map<String, RuleInfo> rules, boolean reasons) {
            List<Map.Entry<String, Long>> picked = new ArrayList<>();
            for (Map.Entry<String, Long> e : summary.byRule().entrySet()) {
                RuleInfo rule = rules.get(e.getKey());
                boolean reason = rule != null && (rule.family() == Family.GAP || rule.family() == Family.LINK);
                if (reason == reasons) {
                    picked.add(e);
                }
            }
            picked.sort(Map.Entry.<String, Long>comparingByValue().reversed());
            return picked;
        }

        private void ruleTable(List<Map.Entry<String, Long>> ranked, Map<String, RuleInfo> rules) throws IOException {
            out.write("<table class=\"wide\">\n<thead><tr>" + th("md.rule") + th("md.severity")
                    + "<th scope=\"col\" class=\"n\">" + esc(chrome.text("md.count")) + "</th>" + th("html.what")
                    + th("html.remediation") + th("html.source") + "</tr></thead>\n<tbody>\n");
            for (Map.Entry<String, Long> e : ranked) {
                RuleInfo rule = rules.get(e.getKey());
                String id = e.getKey();
                out.write("<tr><th scope=\"row\"><code>" + esc(id) + "</code></th><td>"
                        + (rule == null ? "-" : esc(rule.severity().wire())) + "</td><td class=\"n\" data-rule=\""
                        + esc(id) + "\">" + count(e.getValue()) + "</td><td>"
                        + esc(ctx.messages().summary(id))
                        + "</td><td>" + esc(ctx.messages().format(id + ".remediation", ANY, false)) + "</td><td>");
                if (rule != null) {
                    out.write("<a href=\"" + esc(RuleReference.helpUri(id)) + "\">"
                            + esc(rule.seed().title()) + "</a>");
                }
                out.write("</td></tr>\n");
            }
            out.write("</tbody>\n</table>\n");
        }

        /** Calls without a recording per hour or day, stacked by outcome, each outcome with its own pattern. */
        private void timeline() throws IOException {
            Breakdown.Timeline t = digest.timeline();
            section("timeline", t.hourly() ? "html.timeline.hourly" : "html.timeline.daily");
            if (t.buckets().isEmpty()) {
                none();
                out.write("</section>\n");
                return;
            }
            Outcome[] series = {Outcome.EXPLAINED_GAP, Outcome.UNEXPLAINED_GAP, Outcome.LOST};
            long max = 1;
            for (long[] c : t.buckets().values()) {
                max = Math.max(max, c[0] + c[1] + c[2]);
            }
            int n = t.buckets().size();
            int plot = 200;
            int left = 48;
            int step = Math.max(1, Math.min(40, 900 / n));
            // Room on the right for the last tick label, which starts at its bar.
            int width = left + n * step + 80;
            int height = plot + 40;
            out.write("<figure class=\"chart\" data-chart=\"timeline\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                    + "width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height
                    + "\" role=\"img\" aria-label=\""
                    + esc(chrome.text(t.hourly() ? "html.timeline.hourly" : "html.timeline.daily")) + "\">\n");
            patterns("tl");
            out.write("<line class=\"axis\" x1=\"" + left + "\" y1=\"" + plot + "\" x2=\"" + (width - 5) + "\" y2=\""
                    + plot + "\"/>\n<text class=\"tick\" x=\"" + (left - 6) + "\" y=\"12\" text-anchor=\"end\">"
                    + max + "</text>\n<text class=\"tick\" x=\"" + (left - 6) + "\" y=\"" + plot
                    + "\" text-anchor=\"end\">0</text>\n");
            int i = 0;
            // A label needs about 100 px (a day, or a day and an hour): never closer than that.
            int labelEvery = Math.max(1, (t.hourly() ? 110 : 80) / step + 1);
            for (Map.Entry<Long, long[]> b : t.buckets().entrySet()) {
                int x = left + i * step;
                double y = plot;
                String when = bucket(b.getKey(), t.hourly());
                for (int s = 0; s < series.length; s++) {
                    long v = b.getValue()[s];
                    if (v == 0) {
                        continue;
                    }
                    double h = (double) plot * v / max;
                    y -= h;
                    out.write("<rect class=\"mark\" fill=\"url(#tl-" + series[s].wire() + ")\" x=\"" + x + "\" y=\""
                            + fmt(y) + "\" width=\"" + Math.max(1, step - 2)
                            + "\" height=\"" + fmt(h) + "\"><title>" + esc(when + " - " + outcome(series[s]) + ": " + v)
                            + "</title></rect>\n");
                }
                if (i % labelEvery == 0) {
                    out.write("<text class=\"tick\" x=\"" + x + "\" y=\"" + (plot + 16) + "\">" + esc(when)
                            + "</text>\n");
                }
                i++;
            }
            out.write("</svg>\n<figcaption>");
            for (Outcome o : series) {
                out.write("<span class=\"key\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"14\" height=\"14\" "
                        + "aria-hidden=\"true\"><rect fill=\"url(#tl-" + o.wire()
                        + ")\" width=\"14\" height=\"14\"/></svg> "
                        + esc(outcome(o)) + "</span> ");
            }
            out.write("<br>" + esc(chrome.text("html.timeline.pending")) + "</figcaption>\n</figure>\n");
            out.write("<details><summary>" + esc(chrome.text("html.table")) + "</summary>\n<table>\n<thead><tr>"
                    + th(t.hourly() ? "html.hour" : "html.day"));
            for (Outcome o : series) {
                out.write("<th scope=\"col\" class=\"n\">" + esc(outcome(o)) + "</th>");
            }
            out.write("</tr></thead>\n<tbody>\n");
            for (Map.Entry<Long, long[]> b : t.buckets().entrySet()) {
                out.write("<tr><th scope=\"row\">" + esc(bucket(b.getKey(), t.hourly())) + "</th>");
                for (long v : b.getValue()) {
                    out.write("<td class=\"n\">" + v + "</td>");
                }
                out.write("</tr>\n");
            }
            out.write("</tbody>\n</table>\n</details>\n</section>\n");
        }

        /** Hatching and dots for the timeline's series, so the page reads in grey and for colour-blind readers. */
        private void patterns(String prefix) throws IOException {
            out.write("<defs>\n<pattern id=\"" + prefix + "-explained-gap\" width=\"6\" height=\"6\" "
                    + "patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" class=\"p-explained\"/></pattern>\n"
                    + "<pattern id=\"" + prefix + "-unexplained-gap\" width=\"6\" height=\"6\" "
                    + "patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" class=\"p-unexplained\"/>"
                    + "<path d=\"M0 6 L6 0\" class=\"p-line\"/></pattern>\n"
                    + "<pattern id=\"" + prefix + "-lost\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
                    + "<rect width=\"6\" height=\"6\" class=\"p-lost\"/><circle cx=\"3\" cy=\"3\" r=\"1.5\" "
                    + "class=\"p-dot\"/></pattern>\n</defs>\n");
        }

        /** Per number or per agent: calls, recorded, rate and top reason, the worst first. */
        private void groups(String id, Breakdown.Groups groups, String heading, String column, String other)
                throws IOException {
            section(id, heading);
            Breakdown.Top top = groups.top(TOP_GROUPS);
            List<Breakdown.Group> rows = new ArrayList<>(top.shown());
            if (top.rest() != null) {
                rows.add(top.rest());
            }
            if (rows.isEmpty()) {
                none();
                out.write("</section>\n");
                return;
            }
            out.write("<div class=\"pair\">\n");
            List<Bar> bars = new ArrayList<>();
            for (Breakdown.Group g : rows) {
                RecordingRate rate = g.rate();
                double share = rate.rate() == null ? 0 : rate.rate();
                bars.add(new Bar(label(g, other), share, percent(rate), "rate"));
            }
            barChart(id, chrome.text(heading), bars, 1.0);
            out.write("<table>\n<thead><tr>" + th(column) + "<th scope=\"col\" class=\"n\">"
                    + esc(chrome.text("html.calls")) + "</th><th scope=\"col\" class=\"n\">"
                    + esc(chrome.text("html.recorded")) + "</th><th scope=\"col\" class=\"n\">"
                    + esc(chrome.text("html.rate")) + "</th>" + th("html.top-reason") + "</tr></thead>\n<tbody>\n");
            for (Breakdown.Group g : rows) {
                String reason = g.topReason();
                out.write("<tr><th scope=\"row\">" + esc(label(g, other)) + "</th><td class=\"n\">" + g.calls()
                        + "</td><td class=\"n\">" + g.recorded() + "</td><td class=\"n\">" + esc(percent(g.rate()))
                        + "</td><td>" + (reason == null ? "-" : "<code>" + esc(reason) + "</code>") + "</td></tr>\n");
            }
            out.write("</tbody>\n</table>\n</div>\n</section>\n");
        }

        /**
         * The key and its label ({@code 812 · +33 1 23 45 67 89}), each masked under redaction as {@link #shown}
         * says; the label alone when the key is the label (a number known only by its digits, an agent only by
         * an e-mail).
         */
        private String label(Breakdown.Group g, String other) {
            String key = g.key();
            String label = g.label();
            if (key == null) {
                return chrome.text(other);
            }
            if (label == null) {
                return shown(key);
            }
            return key.equals(label) ? shown(label) : shown(key) + " \u00b7 " + shown(label);
        }

        /**
         * A key or label as the page shows it. Under redaction only a label that is just an e-mail or just a
         * phone number keeps the part its mask leaves, and a short numeric id (Aircall's 812) stays; anything
         * else (a name, Exotel's number key, which is its digits, a value holding several) is masked whole,
         * since it is data from the batch.
         */
        private String shown(String text) {
            if (!ctx.redact() || SHORT_ID.matcher(text).matches()) {
                return text;
            }
            return EMAIL_ONLY.matcher(text).matches()
                    ? Sensitive.email(text).masked()
                    : PHONE_ONLY.matcher(text).matches()
                            ? Sensitive.phone(text).masked()
                            : Sensitive.value(text).masked();
        }

        /** The lost and unexplained calls, the ones somebody must act on, up to a cap each. */
        private void attention() throws IOException {
            section("attention", "html.attention.heading");
            listing("lost", digest.lost(), "html.lost.heading");
            listing("unexplained", digest.unexplained(), "html.unexplained.heading");
            out.write("</section>\n");
        }

        private void listing(String id, Breakdown.Listing listing, String heading) throws IOException {
            out.write("<h3>" + esc(chrome.text(heading)) + " (" + listing.total() + ")</h3>\n");
            if (listing.shown().isEmpty()) {
                none();
                return;
            }
            out.write("<table class=\"wide\" data-list=\"" + id + "\">\n<thead><tr>" + th("md.call")
                    + th("html.started") + th("md.rule") + th("md.message") + "</tr></thead>\n<tbody>\n");
            for (CallResult c : listing.shown()) {
                List<Finding> reasons = c.reasons();
                Finding primary = reasons.isEmpty() ? null : reasons.get(0);
                out.write("<tr><th scope=\"row\">" + esc(c.id() == null ? "-" : c.id()) + "</th><td>"
                        + esc(
                                c.call().startedAt() == null
                                        ? "-"
                                        : dateTime(c.call().startedAt())) + "</td><td>"
                        + (primary == null ? "-" : "<code>" + esc(primary.ruleId()) + "</code>") + "</td><td>"
                        + (primary == null ? "-" : esc(message(primary))) + "</td></tr>\n");
            }
            out.write("</tbody>\n</table>\n");
            if (listing.total() > listing.shown().size()) {
                out.write("<p class=\"note\">"
                        + esc(chrome.text(
                                "html.more",
                                Long.toString(listing.total() - listing.shown().size()))) + "</p>\n");
            }
        }

        private void profile() throws IOException {
            section("profile", "profile.heading");
            List<Finding> findings = result.profileFindings();
            if (findings.isEmpty()) {
                none();
                out.write("</section>\n");
                return;
            }
            out.write("<table class=\"wide\">\n<thead><tr>" + th("md.severity") + th("md.rule") + th("md.where")
                    + th("md.key") + th("md.message") + "</tr></thead>\n<tbody>\n");
            for (Finding f : findings) {
                ProfileLocation l = f.location();
                String where = l == null
                        ? "-"
                        : l.file() == null ? chrome.text("profile.built-in") : l.file() + ":" + l.line();
                out.write("<tr><td>" + esc(f.severity().wire()) + "</td><td><code>" + esc(f.ruleId())
                        + "</code></td><td>" + esc(where) + "</td><td>"
                        + (l == null || l.key() == null ? "-" : "<code>" + esc(l.key()) + "</code>") + "</td><td>"
                        + esc(message(f))
                        + "</td></tr>\n");
            }
            out.write("</tbody>\n</table>\n</section>\n");
        }

        private void rejected() throws IOException {
            section("rejected", "rejected.heading");
            List<Rejection> rejected = result.rejected();
            if (rejected.isEmpty()) {
                none();
                out.write("</section>\n");
                return;
            }
            out.write("<table class=\"wide\">\n<thead><tr>" + th("md.where") + th("md.field") + th("md.reason")
                    + "</tr></thead>\n<tbody>\n");
            for (Rejection r : rejected.subList(0, Math.min(MAX_REJECTED, rejected.size()))) {
                String where = r.source() == null
                        ? "-"
                        : r.source().file() + ":" + r.source().line();
                out.write("<tr><td>" + esc(where) + "</td><td>" + esc(r.field() == null ? "-" : r.field()) + "</td><td>"
                        + esc(r.reason(ctx.redact())) + "</td></tr>\n");
            }
            out.write("</tbody>\n</table>\n");
            if (rejected.size() > MAX_REJECTED) {
                out.write("<p class=\"note\">"
                        + esc(chrome.text("md.more.rejected", Long.toString(rejected.size() - MAX_REJECTED)))
                        + "</p>\n");
            }
            out.write("</section>\n");
        }

        /** Every record read is accounted for: read = calls + rejected + superseded + skipped. */
        private void accounting() throws IOException {
            section("accounting", "html.accounting.heading");
            out.write("<table>\n<tbody>\n");
            accountingRow("summary.records-read", "records_read", summary.recordsRead());
            accountingRow("summary.calls", "calls", summary.calls());
            accountingRow("summary.rejected", "rejected", summary.rejected());
            accountingRow("summary.superseded", "superseded", summary.superseded());
            accountingRow("summary.skipped", "skipped", summary.skipped());
            accountingRow("summary.waived", "waived", summary.waived());
            accountingRow("summary.baselined", "baselined", summary.baselined());
            out.write("</tbody>\n</table>\n<p class=\"note\">" + esc(chrome.text("html.accounting.note"))
                    + "</p>\n</section>\n");
        }

        private void accountingRow(String key, String field, long n) throws IOException {
            out.write("<tr><th scope=\"row\">" + esc(chrome.text(key)) + "</th><td class=\"n\" data-summary=\"" + field
                    + "\">" + n + "</td></tr>\n");
        }

        private void barChart(String id, String title, List<Bar> bars) throws IOException {
            double max = 1;
            for (Bar b : bars) {
                max = Math.max(max, b.value());
            }
            barChart(id, title, bars, max);
        }

        /** Horizontal bars, one per row: label on the left, the bar, its number on the right. */
        private void barChart(String id, String title, List<Bar> bars, double max) throws IOException {
            int height = bars.size() * ROW_HEIGHT + 4;
            out.write("<figure class=\"chart\" data-chart=\"" + id + "\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                    + "width=\"" + CHART_WIDTH + "\" height=\"" + height + "\" viewBox=\"0 0 " + CHART_WIDTH + " "
                    + height + "\" role=\"img\" aria-label=\"" + esc(title) + "\">\n");
            int y = 2;
            for (Bar b : bars) {
                double w = max <= 0 ? 0 : BAR_WIDTH * b.value() / max;
                out.write("<text class=\"label\" x=\"" + (LABEL_WIDTH - 8) + "\" y=\"" + (y + 16)
                        + "\" text-anchor=\"end\">" + esc(shorten(b.label())) + "</text>\n");
                out.write(rect("mark " + b.kind(), LABEL_WIDTH, y + 3, w, ROW_HEIGHT - 6, b.label() + ": " + b.text()));
                out.write("<text class=\"value\" x=\"" + fmt(LABEL_WIDTH + w + 6) + "\" y=\"" + (y + 16) + "\">"
                        + esc(b.text()) + "</text>\n");
                y += ROW_HEIGHT;
            }
            out.write("</svg>\n</figure>\n");
        }

        private static String rect(String cls, double x, double y, double w, double h, String tip) {
            return "<rect class=\"" + cls + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" width=\"" + fmt(w)
                    + "\" height=\"" + fmt(h) + "\"><title>" + esc(tip) + "</title></rect>\n";
        }

        private void section(String id, String headingKey) throws IOException {
            out.write("<section id=\"" + id + "\">\n<h2>" + esc(chrome.text(headingKey)) + "</h2>\n");
        }

        private void none() throws IOException {
            out.write("<p class=\"note\">" + esc(chrome.text("none")) + "</p>\n");
        }

        private String th(String key) {
            return "<th scope=\"col\">" + esc(chrome.text(key)) + "</th>";
        }

        private String outcome(Outcome o) {
            return chrome.text("outcome." + o.wire());
        }

        private String message(Finding f) {
            String text = ctx.messages().message(f, ctx.redact());
            Suppression suppression = result.suppression(f);
            return suppression == null ? text : text + " (" + chrome.suppression(suppression) + ")";
        }

        private String percent(RecordingRate rate) {
            if (rate.expected() == 0) {
                return "-";
            }
            return String.format(Locale.ROOT, "%.1f %%", 100.0 * rate.recorded() / rate.expected());
        }

        private String verdict() {
            Severity failOn = ctx.failOn();
            if (failOn == null) {
                return chrome.text("verdict.report-only");
            }
            if (result.empty()) {
                return chrome.text("verdict.nothing-read");
            }
            long failing = result.failing(failOn);
            if (failing == 0) {
                return chrome.text("verdict.pass", failOn.wire());
            }
            return failing == 1
                    ? chrome.text("verdict.fail.one", failOn.wire())
                    : chrome.text("verdict.fail.many", count(failing), failOn.wire());
        }

        private String dateTime(Instant at) {
            return DATE_TIME.format(at.atZone(zone));
        }

        /** A bucket's start, already in local time (see {@link Breakdown}). */
        private String bucket(long localSecond, boolean hourly) {
            Instant at = Instant.ofEpochSecond(localSecond);
            return (hourly ? DATE_TIME : DATE).format(at.atZone(ZoneOffset.UTC));
        }
    }

    /** One bar: what it is, how long, the number printed beside it, and its CSS class. */
    private record Bar(String label, double value, String text, String kind) {}

    private static final List<Object> ANY = Collections.nCopies(10, "\u2026");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    /**
     * Colours pass WCAG AA against white; the timeline's series differ by pattern as well, the other charts
     * label every bar.
     */
    private static final String STYLE = """

            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;\
            background:#f6f8fa;line-height:1.45}
            header{background:#0b3d5c;color:#fff;padding:1.2rem 2rem}
            header h1{margin:0 0 .3rem;font-size:1.5rem}
            header p{margin:.2rem 0}
            .verdict{font-weight:600}
            .no-profile{font-weight:600;color:#ffd33d}
            main{padding:1rem 2rem;max-width:1200px}
            section{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:1rem 1.5rem;\
            margin:0 0 1rem}
            h2{font-size:1.2rem;margin:0 0 .6rem}
            h3{font-size:1rem;margin:1rem 0 .4rem}
            .headline{font-size:1.1rem;margin:.2rem 0}
            .headline strong{font-size:2.6rem;margin-right:.4rem;color:#0b3d5c}
            .note{color:#57606a;font-size:.9rem}
            .pair{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}
            figure{margin:.4rem 0;overflow-x:auto;max-width:100%}
            figcaption{font-size:.85rem;color:#57606a}
            table{border-collapse:collapse;font-size:.9rem}
            table.wide{width:100%}
            th,td{border-bottom:1px solid #d0d7de;padding:.25rem .6rem;text-align:left;vertical-align:top}
            thead th{background:#f6f8fa}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            code{font-size:.85em}
            svg text{font-size:12px;fill:#1f2328}
            svg .tick{fill:#57606a;font-size:11px}
            .axis{stroke:#8c959f}
            .mark:hover{opacity:.75;stroke:#1f2328}
            .mark.recorded,.o-recorded{fill:#1a7f37}
            .mark.missing{fill:#cf222e}
            .o-explained-gap{fill:#9a6700}
            .o-unexplained-gap{fill:#cf222e}
            .o-lost{fill:#6639ba}
            .o-pending{fill:#8c959f}
            .rule{fill:#0969da}
            .rate{fill:#1a7f37}
            .p-explained{fill:#d4a72c}
            .p-unexplained{fill:#cf222e}
            .p-lost{fill:#6639ba}
            .p-line{stroke:#fff;stroke-width:1.5}
            .p-dot{fill:#fff}
            .key{margin-right:1rem;white-space:nowrap}
            .key svg{vertical-align:middle}
            """;

    private static String shorten(String s) {
        return s.length() <= 34 ? s : s.substring(0, 33) + "\u2026";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String count(long n) {
        return Long.toString(n);
    }

    private static <K> long valueOf(Map<K, Long> counts, K key) {
        Long n = counts.get(key);
        return n == null ? 0 : n;
    }

    /**
     * Escapes text for HTML content and attribute values alike. Control characters (other than tab and line
     * breaks) become U+FFFD: HTML has no way to carry them, and a rejected record's reason may quote one.
     */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f ? "\ufffd" : null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (r == null) {
                    b.append(c);
                } else {
                    b.append(r);
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
