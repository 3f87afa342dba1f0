package io.callaudit.report;

import io.callaudit.engine.AuditResult;
import io.callaudit.engine.CallResult;
import io.callaudit.model.ProfileLocation;
import io.callaudit.model.SourceRef;
import io.callaudit.rules.Family;
import io.callaudit.rules.Finding;
import io.callaudit.rules.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The {@code junit} report: JUnit XML, the one test-report format every CI server (Jenkins, GitLab, Azure
 * Pipelines, CircleCI, GitHub test-reporter actions) shows without a plugin, so a failed audit reads like a
 * failed test with the rule as its class and the call (or profile key, or rejected record) as its name.
 *
 * <p>One {@code <testsuite>} per rule family, one {@code <testcase>} per rule and entity. A test case fails
 * only when an open finding is at or above {@code --fail-on}, so the CI's red count equals the exit status;
 * a waived or baselined finding is {@code <skipped>} with the waiver's reason, owner and expiry in the
 * message (visible, never dropped); a finding below the threshold passes with its message in
 * {@code <system-out>}. An audit without findings still lists one passing case per input it read, and an
 * audit that read nothing fails a case of its own: a CI must never show "0 tests" as green.
 *
 * <p>Written with the JDK's own StAX writer ({@link XMLOutputFactory#newDefaultFactory()}, not whatever
 * provider the class path brings) for the same bytes everywhere and no reflection in the native image.
 * Characters XML 1.0 cannot carry (control characters in a rejected record's reason) become U+FFFD so the
 * file always parses.
 */
public final class JunitReportWriter implements ReportWriter {

    static final String PREFIX = "callaudit";

    @Override
    public void write(AuditResult result, ReportContext ctx, OutputStream out) throws IOException {
        List<Suite> suites = new Cases(result, ctx, Chrome.of(ctx.messages().locale())).suites();
        try {
            XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", PREFIX);
            counts(x, suites.stream().flatMap(s -> s.cases().stream()).toList());
            for (Suite suite : suites) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", suite.name());
                counts(x, suite.cases());
                for (Case c : suite.cases()) {
                    writeCase(x, c);
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.writeCharacters("\n");
            // Flushes without closing the caller's stream (StAX's close never closes the target).
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        out.flush();
    }

    /** {@code tests}, {@code failures}, {@code errors} (always 0: a finding is a failure), {@code skipped}. */
    private static void counts(XMLStreamWriter x, List<Case> cases) throws XMLStreamException {
        long failures = cases.stream().filter(c -> c.state() == State.FAILED).count();
        long skipped = cases.stream().filter(c -> c.state() == State.SKIPPED).count();
        x.writeAttribute("tests", Integer.toString(cases.size()));
        x.writeAttribute("failures", Long.toString(failures));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", Long.toString(skipped));
    }

    private static void writeCase(XMLStreamWriter x, Case c) throws XMLStreamException {
        x.writeCharacters("\n    ");
        boolean empty = c.state() == State.PASSED && c.output() == null;
        if (empty) {
            x.writeEmptyElement("testcase");
        } else {
            x.writeStartElement("testcase");
        }
        x.writeAttribute("classname", clean(c.classname()));
        x.writeAttribute("name", clean(c.name()));
        if (empty) {
            return;
        }
        if (c.state() == State.FAILED) {
            x.writeCharacters("\n      ");
            x.writeStartElement("failure");
            x.writeAttribute("message", oneLine(c.message()));
            x.writeAttribute("type", c.type());
            x.writeCharacters(clean(c.body()));
            x.writeEndElement();
        } else if (c.state() == State.SKIPPED) {
            x.writeCharacters("\n      ");
            x.writeEmptyElement("skipped");
            x.writeAttribute("message", oneLine(c.message()));
        }
        if (c.output() != null) {
            x.writeCharacters("\n      ");
            x.writeStartElement("system-out");
            x.writeCharacters(clean(c.output()));
            x.writeEndElement();
        }
        x.writeCharacters("\n    ");
        x.writeEndElement();
    }

    /** An attribute on one line: parsers turn raw line breaks in attributes into blanks anyway. */
    private static String oneLine(String s) {
        return clean(s).replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /** Replaces what XML 1.0 cannot carry (most control characters, lone surrogates) with U+FFFD. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            boolean allowed = cp == 0x9
                    || cp == 0xA
                    || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF);
            b.appendCodePoint(allowed ? cp : 0xFFFD);
        });
        return b.toString();
    }

    private enum State {
        FAILED,
        SKIPPED,
        PASSED
    }

    /**
     * One test case as it will be written.
     *
     * @param message the failure's or skip's one-line message; null for a pass
     * @param type the failure's type, the worst failing severity; null otherwise
     * @param body the failure's text: every failing finding with remediation and location
     * @param output {@code <system-out>}: the findings that did not fail, or null for a bare pass
     */
    private record Case(
            String classname, String name, State state, String message, String type, String body, String output) {}

    private record Suite(String name, List<Case> cases) {}

    /** Turns findings into suites and cases; all the deciding happens here, the XML above only prints. */
    private static final class Cases {
        private final AuditResult result;
        private final ReportContext ctx;
        private final Chrome chrome;

        Cases(AuditResult result, ReportContext ctx, Chrome chrome) {
            this.result = result;
            this.ctx = ctx;
            this.chrome = chrome;
        }

        /**
         * Families in declaration order, rules in precedence order within a family, entities in the
         * result's order within a rule: the same audit always lists the same cases in the same order.
         */
        List<Suite> suites() {
            Map<String, List<ReportedFinding>> groups = new LinkedHashMap<>();
            for (Finding f : result.findings()) {
                ReportedFinding rf = ReportedFinding.of(f, result, ctx);
                groups.computeIfAbsent(rf.ruleId() + '\u0000' + rf.subject(), k -> new ArrayList<>())
                        .add(rf);
            }
            List<List<ReportedFinding>> ordered = new ArrayList<>(groups.values());
            ordered.sort(
                    Comparator.comparingInt(g -> ctx.rules().precedence(g.get(0).ruleId())));
            Map<Family, List<Case>> byFamily = new EnumMap<>(Family.class);
            for (List<ReportedFinding> group : ordered) {
                Family family = group.get(0).finding().rule().family();
                byFamily.computeIfAbsent(family, k -> new ArrayList<>()).add(toCase(group));
            }
            if (result.empty()) {
                byFamily.computeIfAbsent(Family.INPUT, k -> new ArrayList<>()).add(nothingRead());
            } else if (groups.isEmpty()) {
                byFamily.put(Family.INPUT, cleanInputs());
            }
            List<Suite> suites = new ArrayList<>();
            for (Map.Entry<Family, List<Case>> e : byFamily.entrySet()) {
                suites.add(new Suite(PREFIX + "." + e.getKey().wire(), e.getValue()));
            }
            return suites;
        }

        /** One rule on one entity; usually one finding, more when a record was duplicated several times. */
        private Case toCase(List<ReportedFinding> group) {
            ReportedFinding first = group.get(0);
            String classname = PREFIX + "." + first.ruleId();
            String name = first.subject();
            List<ReportedFinding> failing =
                    group.stream().filter(f -> f.failing(ctx.failOn())).toList();
            if (!failing.isEmpty()) {
                Severity worst = failing.stream()
                        .map(ReportedFinding::severity)
                        .min(Comparator.naturalOrder())
                        .orElseThrow();
                List<ReportedFinding> rest =
                        group.stream().filter(f -> !f.failing(ctx.failOn())).toList();
                return new Case(
                        classname,
                        name,
                        State.FAILED,
                        failing.get(0).message(),
                        worst.wire(),
                        describe(failing),
                        rest.isEmpty() ? null : describe(rest));
            }
            if (group.stream().noneMatch(ReportedFinding::open)) {
                return new Case(
                        classname,
                        name,
                        State.SKIPPED,
                        chrome.suppression(first.suppression()),
                        null,
                        null,
                        describe(group));
            }
            return new Case(classname, name, State.PASSED, null, null, null, describe(group));
        }

        /**
         * Each finding as a paragraph: message (with its waiver, when suppressed), remediation, location.
         * Leading and trailing line breaks keep the XML text readable in the file and in CI log views.
         */
        private String describe(List<ReportedFinding> findings) {
            StringBuilder b = new StringBuilder("\n");
            for (ReportedFinding f : findings) {
                b.append(f.message());
                if (!f.open()) {
                    b.append(" (").append(chrome.suppression(f.suppression())).append(')');
                }
                b.append('\n')
                        .append(chrome.text("junit.remediation", f.remediation()))
                        .append('\n')
                        .append(chrome.text("junit.at", where(f)))
                        .append('\n');
            }
            return b.append("      ").toString();
        }

        /** {@code call 1008, calls.ndjson:8}; {@code profile.yaml:5 recording.consent_greeting}. */
        private String where(ReportedFinding f) {
            Finding finding = f.finding();
            ProfileLocation location = finding.location();
            if (location != null) {
                String file = location.file() == null
                        ? chrome.text("profile.built-in")
                        : location.file() + ":" + location.line();
                return location.key() == null ? file : file + " " + location.key();
            }
            SourceRef source = finding.source();
            String at = source == null ? "-" : source.toString();
            return f.callId() == null ? at : chrome.text("junit.call", f.callId(), at);
        }

        /** A batch that read nothing checked nothing: a failure whenever a threshold is set. */
        private Case nothingRead() {
            String text = chrome.text("junit.nothing-read");
            String classname = PREFIX + "." + Family.INPUT.wire();
            if (ctx.failOn() == null) {
                return new Case(classname, "records", State.PASSED, null, null, null, text);
            }
            return new Case(classname, "records", State.FAILED, text, Severity.ERROR.wire(), text, null);
        }

        /** A clean audit: one passing case per file read, and one for the profile, so CI shows what ran. */
        private List<Case> cleanInputs() {
            Map<String, Long> callsPerFile = new LinkedHashMap<>();
            for (CallResult c : result.calls()) {
                SourceRef source = c.call().source();
                callsPerFile.merge(source == null || source.file() == null ? "-" : source.file(), 1L, Long::sum);
            }
            String classname = PREFIX + "." + Family.INPUT.wire();
            List<Case> cases = new ArrayList<>();
            for (Map.Entry<String, Long> e : callsPerFile.entrySet()) {
                cases.add(new Case(
                        classname,
                        e.getKey(),
                        State.PASSED,
                        null,
                        null,
                        null,
                        chrome.text("junit.clean.calls", Long.toString(e.getValue()))));
            }
            String profile = result.profile().file();
            cases.add(new Case(
                    classname,
                    profile == null ? chrome.text("profile.built-in") : profile,
                    State.PASSED,
                    null,
                    null,
                    null,
                    chrome.text("junit.clean.profile")));
            return cases;
        }
    }
}
