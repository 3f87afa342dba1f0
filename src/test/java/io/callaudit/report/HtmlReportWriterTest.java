package io.callaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.engine.AuditResult;
import io.callaudit.rules.Severity;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The HTML page's own promises, beyond its golden files: personal data masked under redaction, awkward data
 * escaped, nothing fetched, and a size that does not grow with the batch. The browser checks are in
 * {@code cli.HtmlReportBrowserTest}.
 */
class HtmlReportWriterTest {

    private static String render(AuditResult result, ReportContext ctx) {
        return Reports.render(new HtmlReportWriter(), result, ctx);
    }

    @Test
    void redacted_page_shows_no_email_phone_number_or_recording_link() {
        String plain = render(SampleAudits.aircallConfigured(), Reports.english());
        String redacted = render(SampleAudits.aircallConfigured(), Reports.context(Locale.ROOT, true, Severity.ERROR));
        // The unredacted page does show them, so the redacted one's silence means something.
        assertThat(plain).contains("ana@acme.example", "+44 20 7946 0958");
        assertThat(redacted).doesNotContain("ana@acme.example", "bob@acme.example", "7946 0958", "rec.example");
        assertThat(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\\.[A-Za-z]{2,}")
                        .matcher(redacted)
                        .find())
                .isFalse();
    }

    @Test
    void awkward_data_is_escaped() {
        String page = render(SampleAudits.awkward(), Reports.english());
        assertThat(page)
                .doesNotContain("<script>", "\u0001")
                .contains("bad &quot;value&quot;, see | pipe\nsecond line \ufffd &lt;script&gt;&amp;amp; `tick`");
    }

    @Test
    void the_page_fetches_nothing() {
        String page = render(SampleAudits.aircallConfigured(), Reports.english());
        assertThat(page)
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
                .doesNotContainPattern("<(script|img|link|iframe|object|embed)\\b")
                .doesNotContainPattern("(src|srcset|xlink:href)=")
                .doesNotContain("url(http", "@import");
        // The only external addresses are links a reader may follow, to the rule catalogue.
        Matcher urls = Pattern.compile("https?://[^\"]+").matcher(page);
        while (urls.find()) {
            String url = urls.group();
            assertThat(url)
                    .matches("http://www\\.w3\\.org/2000/svg|https://github\\.com/callaudit/callaudit/blob/"
                            + "main/docs/rules\\.md#[a-z-]+");
        }
    }

    /** Calls worth a look stop at the cap and point to the full report; the rest is counted, not listed. */
    @Test
    void listed_calls_stop_at_the_cap() {
        int calls = io.callaudit.engine.Breakdown.LISTED + 50;
        String page = render(SampleAudits.many(calls, HtmlReportWriter.MAX_REJECTED + 7), Reports.english());
        // Missed calls are explained gaps, listed nowhere; rejected records are listed up to their cap.
        assertThat(page).contains("... and 7 more rejected records");
        assertThat(count(page, "<tr><td>calls.ndjson:")).isEqualTo(HtmlReportWriter.MAX_REJECTED);
    }

    /**
     * A page over a hundred times more calls is about the same size: it aggregates. (The many-call sample puts
     * its calls ten minutes apart, so the timeline gains buckets; everything else is bounded.)
     */
    @Test
    void size_does_not_follow_the_number_of_calls() {
        int small = render(SampleAudits.many(200, 0), Reports.english()).length();
        int large = render(SampleAudits.many(20_000, 0), Reports.english()).length();
        assertThat(large).isLessThan(small * 3).isLessThan(200_000);
    }

    /** Without a profile the page says so at its top, naming the rules that could not run; with one it is quiet. */
    @Test
    void a_page_without_a_profile_says_so() {
        String bare = render(SampleAudits.aircallDefaults(), Reports.english());
        assertThat(bare)
                .contains("data-profile-applied=\"false\"", "No profile applied (no --config)", "gap.unexplained");
        String configured = render(SampleAudits.aircallConfigured(), Reports.english());
        assertThat(configured).doesNotContain("data-profile-applied", "No profile applied");
    }

    @Test
    void every_label_is_in_spanish_too() {
        String page = render(SampleAudits.aircallConfigured(), Reports.context(Reports.SPANISH, false, Severity.ERROR));
        assertThat(page)
                .contains(
                        "<html lang=\"es\">",
                        "Tasa de grabación",
                        "Por número",
                        "Por agente",
                        "Contabilidad de la entrada");
    }

    @Property
    void escaping_leaves_no_markup_and_loses_nothing(@ForAll String text) {
        String escaped = HtmlReportWriter.esc(text);
        assertThat(escaped).doesNotContain("<", ">", "\"", "'");
        assertThat(escaped.replaceAll("&(amp|lt|gt|quot|#39);", "")).doesNotContain("&");
        assertThat(escaped).doesNotContainPattern("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]");
        String controls = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]";
        assertThat(escaped.replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&#39;", "'")
                        .replace("&amp;", "&"))
                .isEqualTo(text.replaceAll(controls, "\ufffd"));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
