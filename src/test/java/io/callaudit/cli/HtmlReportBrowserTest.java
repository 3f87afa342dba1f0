package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The HTML report as its readers see it: the example batch audited by the real command into HTML and JSON,
 * the page opened in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs), and checked for what a manager relies on: every chart drawn with one mark per
 * number it shows, the same totals as the JSON report, nothing fetched from anywhere, no console error, and
 * valid HTML by the Nu checker. Without Chromium this test fails rather than skips: a skipped browser test
 * would let a broken page ship.
 */
class HtmlReportBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path TARGET = Path.of("target", "html-report");
    static final ObjectMapper JSON = new ObjectMapper();

    static Path html;
    static Path spanish;
    static JsonNode json;
    static ChromeDriver browser;
    static Path profileDir;

    @BeforeAll
    static void auditAndOpen() throws IOException {
        assertThat(CHROMIUM)
                .as("chromium (apt-get install chromium chromium-driver; .ci/run does it)")
                .exists();
        assertThat(CHROMEDRIVER)
                .as("chromedriver (apt-get install chromium-driver)")
                .exists();
        Files.createDirectories(TARGET);
        html = TARGET.resolve("example.html");
        spanish = TARGET.resolve("example.es.html");
        Path report = TARGET.resolve("example.json");
        CliRun run = CliRun.run(
                "audit",
                "--config",
                "examples/aircall/profile.yaml",
                "--format",
                "html",
                "--output",
                html.toString(),
                "--format",
                "json",
                "--output",
                report.toString(),
                "examples/aircall/calls.json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        CliRun es = CliRun.run(
                "audit",
                "--config",
                "examples/aircall/profile.yaml",
                "--lang",
                "es",
                "--format",
                "html",
                "--output",
                spanish.toString(),
                "examples/aircall/calls.json");
        assertThat(es.exitCode()).as(es.err()).isEqualTo(1);
        json = JSON.readTree(report.toFile());

        profileDir = Files.createTempDirectory("callaudit-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profileDir,
                "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profileDir != null) {
            try (var files = Files.walk(profileDir)) {
                files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static void open(Path page) {
        browser.get(page.toAbsolutePath().toUri().toString());
    }

    private static List<WebElement> marks(String chart) {
        return browser.findElements(By.cssSelector("figure[data-chart='" + chart + "'] .mark"));
    }

    @Test
    void every_chart_has_one_mark_per_number_it_shows() {
        open(html);
        JsonNode summary = json.get("summary");
        assertThat(marks("rate")).hasSize(2);
        // One bar per outcome, pending included (a slice of its own, even when empty).
        assertThat(marks("outcomes")).hasSize(5);
        int reasons = 0;
        for (Iterator<String> ids = summary.get("by_rule").fieldNames(); ids.hasNext(); ) {
            String id = ids.next();
            if (id.startsWith("gap.") || id.startsWith("link.")) {
                reasons++;
            }
        }
        assertThat(marks("reasons")).hasSize(reasons).hasSize(9);
        // Five numbers in the batch (812 to 815, 899); four agents, and the calls nobody took.
        assertThat(marks("numbers")).hasSize(5);
        assertThat(marks("agents")).hasSize(5);

        // The timeline: one segment per non-empty (day, outcome) cell of its table, the cells adding up to the
        // calls without a recording.
        List<WebElement> cells = browser.findElements(By.cssSelector("#timeline tbody td"));
        long nonEmpty = 0;
        long sum = 0;
        for (WebElement cell : cells) {
            long n = Long.parseLong(cell.getAttribute("textContent").trim());
            sum += n;
            nonEmpty += n > 0 ? 1 : 0;
        }
        JsonNode outcomes = summary.get("by_outcome");
        assertThat(sum)
                .isEqualTo(outcomes.get("explained-gap").asLong()
                        + outcomes.get("unexplained-gap").asLong()
                        + outcomes.get("lost").asLong());
        assertThat(marks("timeline")).hasSize((int) nonEmpty).hasSize(6);
        for (WebElement mark : marks("timeline")) {
            assertThat(mark.getAttribute("height")).isNotEqualTo("0.0");
            assertThat(mark.findElement(By.tagName("title")).getAttribute("textContent"))
                    .matches(".+: \\d+");
        }
    }

    @Test
    void totals_match_the_json_report() {
        open(html);
        JsonNode summary = json.get("summary");
        assertThat(summaryCell("records_read"))
                .isEqualTo(json.get("records_read").asLong());
        for (String field : List.of("calls", "rejected", "superseded", "skipped", "waived", "baselined")) {
            assertThat(summaryCell(field))
                    .as(field)
                    .isEqualTo(summary.get(field).asLong());
        }
        // The accounting closes: every record read is a call, a rejection, a superseded copy or a skipped event.
        assertThat(summaryCell("records_read"))
                .isEqualTo(summaryCell("calls")
                        + summaryCell("rejected")
                        + summaryCell("superseded")
                        + summaryCell("skipped"));
        // The example is audited with its profile, so the page does not say one is missing.
        assertThat(json.get("profile_applied").asBoolean()).isTrue();
        assertThat(browser.findElements(By.cssSelector("[data-profile-applied]")))
                .isEmpty();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        summary.get("by_outcome").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> outcome = it.next();
            assertThat(cell("td[data-outcome='" + outcome.getKey() + "']"))
                    .as(outcome.getKey())
                    .isEqualTo(outcome.getValue().asLong());
        }
        int rules = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = summary.get("by_rule").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> rule = it.next();
            assertThat(cell("td[data-rule='" + rule.getKey() + "']"))
                    .as(rule.getKey())
                    .isEqualTo(rule.getValue().asLong());
            rules++;
        }
        assertThat(browser.findElements(By.cssSelector("td[data-rule]"))).hasSize(rules);
        WebElement rate = browser.findElement(By.cssSelector("[data-summary='recording_rate']"));
        double expected = summary.get("recording_rate").asDouble();
        assertThat(Double.parseDouble(rate.getAttribute("data-value"))).isEqualTo(expected);
        assertThat(rate.getText()).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f %%", expected * 100));
        // The calls worth a look: every lost and unexplained call of the JSON report is listed.
        List<String> lost = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        for (JsonNode call : json.get("calls")) {
            String outcome = call.get("outcome").asText();
            (outcome.equals("lost") ? lost : outcome.equals("unexplained-gap") ? unexplained : new ArrayList<String>())
                    .add(call.get("id").asText());
        }
        assertThat(listed("lost")).isEqualTo(lost).isNotEmpty();
        assertThat(listed("unexplained")).isEqualTo(unexplained).isNotEmpty();
    }

    @Test
    void nothing_leaves_the_file_and_the_console_stays_clean() throws IOException {
        browser.manage().logs().get(LogType.PERFORMANCE);
        browser.manage().logs().get(LogType.BROWSER);
        open(html);
        // Hovering marks must not fetch anything either (a tooltip that loads an image would).
        for (WebElement mark : marks("reasons")) {
            new org.openqa.selenium.interactions.Actions(browser)
                    .moveToElement(mark)
                    .perform();
        }
        String self = html.toAbsolutePath().toUri().toString();
        List<String> requested = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).get("message");
            if (message.get("method").asText().equals("Network.requestWillBeSent")) {
                requested.add(message.get("params").get("request").get("url").asText());
            }
        }
        assertThat(requested)
                .as("only the page itself is loaded")
                .allMatch(self::equals)
                .hasSize(1);
        Object resources =
                ((JavascriptExecutor) browser).executeScript("return performance.getEntriesByType('resource').length");
        assertThat(((Number) resources).intValue()).isZero();
        List<String> console = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            console.add(entry.getLevel() + " " + entry.getMessage());
        }
        assertThat(console).isEmpty();
    }

    @Test
    void spanish_report_is_in_spanish() {
        open(spanish);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(browser.findElement(By.cssSelector("#rate h2")).getText()).isEqualTo("Tasa de grabación");
        assertThat(browser.findElement(By.cssSelector("#outcomes tbody th")).getText())
                .isEqualTo("grabada");
    }

    @Test
    void the_nu_html_checker_finds_no_error() throws Exception {
        for (Path page : List.of(html, spanish)) {
            EmbeddedValidator validator = new EmbeddedValidator();
            validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
            JsonNode messages = JSON.readTree(validator.validate(page)).get("messages");
            List<String> errors = new ArrayList<>();
            for (JsonNode m : messages) {
                if (!m.get("type").asText().equals("info")) {
                    errors.add(m.toString());
                }
            }
            assertThat(errors).as(page.toString()).isEmpty();
        }
    }

    /** The example's page, whole, as the README shows it; written on every run for a person to look at. */
    @Test
    void screenshot_of_the_example() throws IOException {
        open(html);
        Number height =
                (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, height.intValue() + 20));
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path saved = Files.copy(shot, Path.of("target", "html-report.png"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(saved)).isGreaterThan(10_000);
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private static long summaryCell(String field) {
        return cell("[data-summary='" + field + "']");
    }

    private static long cell(String css) {
        return Long.parseLong(browser.findElement(By.cssSelector(css)).getText().trim());
    }

    private static List<String> listed(String list) {
        List<String> ids = new ArrayList<>();
        for (WebElement th : browser.findElements(By.cssSelector("table[data-list='" + list + "'] tbody th"))) {
            ids.add(th.getText());
        }
        return ids;
    }
}
