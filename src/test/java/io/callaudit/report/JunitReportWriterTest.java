package io.callaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.callaudit.engine.AuditResult;
import io.callaudit.rules.Finding;
import io.callaudit.rules.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class JunitReportWriterTest {

    private final JunitReportWriter writer = new JunitReportWriter();

    static Stream<Arguments> samples() {
        return SampleAudits.named(
                "aircall-defaults", "aircall-configured", "suppressed", "awkward", "all-recorded", "empty");
    }

    /** Parsed back with a DOM parser: every count attribute agrees with the elements it counts. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void countsAgreeWithTheCasesOnEverySuiteAndInTotal(String name, Supplier<AuditResult> sample) throws Exception {
        for (Severity failOn : new Severity[] {Severity.ERROR, Severity.WARNING, Severity.INFO, null}) {
            Element root = parse(Reports.render(writer, sample.get(), Reports.context(Locale.ROOT, false, failOn)));
            assertThat(root.getTagName()).isEqualTo("testsuites");
            assertThat(root.getAttribute("name")).isEqualTo("callaudit");
            int tests = 0;
            int failures = 0;
            int skipped = 0;
            for (Element suite : children(root, "testsuite")) {
                assertThat(suite.getAttribute("name")).matches("callaudit\\.[a-z]+");
                List<Element> cases = children(suite, "testcase");
                int f = count(cases, "failure");
                int s = count(cases, "skipped");
                assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(cases.size()));
                assertThat(suite.getAttribute("failures")).isEqualTo(Integer.toString(f));
                assertThat(suite.getAttribute("skipped")).isEqualTo(Integer.toString(s));
                assertThat(suite.getAttribute("errors")).isEqualTo("0");
                tests += cases.size();
                failures += f;
                skipped += s;
            }
            assertThat(tests).as("%s: a CI must never show zero tests", name).isPositive();
            assertThat(root.getAttribute("tests")).isEqualTo(Integer.toString(tests));
            assertThat(root.getAttribute("failures")).isEqualTo(Integer.toString(failures));
            assertThat(root.getAttribute("skipped")).isEqualTo(Integer.toString(skipped));
        }
    }

    /** One case per rule and entity; it fails exactly when an open finding at or above the threshold is in it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void failuresMatchTheOpenFindingsAtOrAboveTheThreshold(String name, Supplier<AuditResult> sample) throws Exception {
        AuditResult result = sample.get();
        for (Severity failOn : Severity.values()) {
            ReportContext ctx = Reports.context(Locale.ROOT, false, failOn);
            Set<String> failing = new LinkedHashSet<>();
            Set<String> all = new LinkedHashSet<>();
            for (Finding f : result.findings()) {
                ReportedFinding rf = ReportedFinding.of(f, result, ctx);
                String id = "callaudit." + rf.ruleId() + "#" + rf.subject();
                all.add(id);
                if (rf.failing(failOn)) {
                    failing.add(id);
                }
            }
            if (result.empty()) {
                failing.add("callaudit.input#records");
                all.add("callaudit.input#records");
            }
            Element root = parse(Reports.render(writer, result, ctx));
            List<String> failed = new ArrayList<>();
            List<String> cases = new ArrayList<>();
            for (Element c : descendants(root, "testcase")) {
                String id = c.getAttribute("classname") + "#" + c.getAttribute("name");
                cases.add(id);
                if (!children(c, "failure").isEmpty()) {
                    failed.add(id);
                }
            }
            assertThat(failed).as("%s at %s", name, failOn).containsExactlyInAnyOrderElementsOf(failing);
            if (!all.isEmpty()) {
                assertThat(cases).as("one case per rule and entity").containsExactlyInAnyOrderElementsOf(all);
            }
        }
    }

    @Test
    void failureCarriesMessageRemediationAndLocation() throws Exception {
        Element root = parse(Reports.render(writer, SampleAudits.aircallDefaults(), Reports.english()));
        // without a profile the gap is not checkable (warning); the failing testcase is the rejected record
        Element unexplained = testcase(root, "callaudit.gap.not-checkable", "1008");
        assertThat(children(unexplained, "failure")).isEmpty();
        assertThat(children(unexplained, "system-out").get(0).getTextContent())
                .contains("not checkable without a profile")
                .contains("Remediation: Run the audit again with --config")
                .contains("At: call 1008, calls.ndjson:8");
        assertThat(((Element) unexplained.getParentNode()).getAttribute("name")).isEqualTo("callaudit.gap");

        Element rejected = testcase(root, "callaudit.input.rejected-record", "calls.ndjson:9");
        assertThat(children(rejected, "failure")).hasSize(1);

        Element belowThreshold = testcase(root, "callaudit.gap.unanswered", "1002");
        assertThat(children(belowThreshold, "failure")).isEmpty();
        assertThat(children(belowThreshold, "system-out").get(0).getTextContent())
                .contains("Not answered");
    }

    @Test
    void suppressedFindingsAreSkippedWithTheirWaiver() throws Exception {
        Element root = parse(Reports.render(writer, SampleAudits.suppressed(), Reports.english()));
        Element waived = testcase(root, "callaudit.link.number-deleted", "2003");
        assertThat(children(waived, "failure")).isEmpty();
        assertThat(children(waived, "skipped").get(0).getAttribute("message"))
                .isEqualTo("waived: number 900 retired, recordings exported first, qa-lead, until 2026-12-31");
        assertThat(children(waived, "system-out").get(0).getTextContent()).contains("Number 900 was deleted");
        Element baselined = testcase(root, "callaudit.config.consent-missing", "recording.consent_greeting");
        assertThat(children(baselined, "skipped").get(0).getAttribute("message"))
                .isEqualTo("baselined: previous.json");
        Element expired = testcase(root, "callaudit.waiver.expired", "waivers[2]");
        assertThat(((Element) expired.getParentNode()).getAttribute("name")).isEqualTo("callaudit.waiver");
    }

    @Test
    void aCleanAuditListsWhatItRead() throws Exception {
        Element root = parse(Reports.render(writer, SampleAudits.allRecorded(), Reports.english()));
        List<Element> cases = descendants(root, "testcase");
        assertThat(cases)
                .extracting(c -> c.getAttribute("name"))
                .containsExactly(SampleAudits.CALLS, "(built-in defaults)");
        assertThat(root.getAttribute("failures")).isEqualTo("0");
        assertThat(children(cases.get(0), "system-out").get(0).getTextContent())
                .isEqualTo("No finding: 2 calls audited from this file");
    }

    @Test
    void anEmptyAuditFailsUnlessReportOnly() throws Exception {
        Element root = parse(Reports.render(writer, SampleAudits.empty(), Reports.english()));
        Element records = testcase(root, "callaudit.input", "records");
        assertThat(children(records, "failure").get(0).getAttribute("message"))
                .isEqualTo("No record was read, so nothing was checked");
        Element reportOnly =
                parse(Reports.render(writer, SampleAudits.empty(), Reports.context(Locale.ROOT, false, null)));
        assertThat(reportOnly.getAttribute("failures")).isEqualTo("0");
        assertThat(reportOnly.getAttribute("tests")).isEqualTo("1");
    }

    @Test
    void characterXmlCannotCarryAreReplacedAndTheRestEscaped() throws Exception {
        String xml = Reports.render(writer, SampleAudits.awkward(), Reports.english());
        assertThat(xml).doesNotContain("\u0001").startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Element root = parse(xml);
        Element call = testcase(root, "callaudit.gap.unanswered", "x|1 <b>&\"q\"");
        assertThat(call).isNotNull();
        Element rejected = descendants(root, "testcase").stream()
                .filter(c -> c.getAttribute("classname").equals("callaudit.input.rejected-record"))
                .findFirst()
                .orElseThrow();
        String message = children(rejected, "failure").get(0).getAttribute("message");
        assertThat(message).contains("<script>&amp;").contains("\ufffd").doesNotContain("\n");
        assertThat(children(rejected, "failure").get(0).getTextContent()).contains("pipe\nsecond line");
    }

    @Test
    void flushesAndLeavesTheStreamOpen() throws IOException {
        StreamProbe out = new StreamProbe();
        writer.write(SampleAudits.aircallConfigured(), Reports.english(), out);
        assertThat(out.closed).isFalse();
        assertThat(out.flushedAfterLastWrite).isTrue();
    }

    /** A hardened DOM parse (no DTDs, no external entities), as a CI server would do it. */
    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return doc.getDocumentElement();
    }

    private static Element testcase(Element root, String classname, String name) {
        for (Element c : descendants(root, "testcase")) {
            if (c.getAttribute("classname").equals(classname)
                    && c.getAttribute("name").equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no testcase " + classname + " " + name);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Element> descendants(Element root, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static int count(List<Element> cases, String tag) {
        int n = 0;
        for (Element c : cases) {
            n += children(c, tag).isEmpty() ? 0 : 1;
        }
        return n;
    }
}
