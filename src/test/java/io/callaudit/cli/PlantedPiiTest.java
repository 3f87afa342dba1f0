package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --redact} covers everything a report prints. Distinctive personal data is planted in every field of
 * every input format, in JSON and in CSV: in the fields made for it (a caller's number, an agent's e-mail, a
 * recording URL, a name) and in every other field, where it makes the record a rejection whose reason quotes
 * the value. Every report format under {@code --redact}, and {@code explain}, must show none of it; and nothing
 * the run logs or prints to standard error may show it, with or without {@code --redact}.
 *
 * <p>Call ids are not planted: they are how a report names a call, and masking them would leave a report
 * nobody can act on. A provider's call id is an identifier, not personal data.
 */
class PlantedPiiTest {

    static final String EMAIL = "zq.planted@pii.example";
    static final String PHONE = "+15557654321";
    static final String URL = "https://pii.example/zq-secret-recording.mp3";
    static final String NAME = "Zqname Plantedsurname";
    /** What must never appear: enough of each value to reach the person. */
    static final List<String> FORBIDDEN =
            List.of("zq.planted", "5557654321", "555 765 4321", "zq-secret-recording", "Zqname", "Plantedsurname");

    static final List<String> REPORTS = List.of("text", "json", "ndjson", "csv", "sarif", "junit", "markdown", "html");

    @TempDir
    Path tmp;

    /** One input format: its id field and a good record's fields, values written as JSON. */
    record Format(String name, String idField, Map<String, String> fields) {}

    static Map<String, String> fields(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    static String q(String s) {
        return "\"" + s + "\"";
    }

    static final List<Format> FORMATS = List.of(
            new Format(
                    "aircall",
                    "id",
                    fields(
                            "id",
                            "7001",
                            "direction",
                            q("inbound"),
                            "status",
                            q("done"),
                            "started_at",
                            "1700001000",
                            "answered_at",
                            "1700001005",
                            "ended_at",
                            "1700001060",
                            "recording",
                            q(URL),
                            "recording_short_url",
                            q(URL),
                            "voicemail",
                            "null",
                            "asset",
                            q(URL),
                            "missed_call_reason",
                            "null",
                            "raw_digits",
                            q(PHONE),
                            "user",
                            "{\"id\": 42, \"email\": " + q(EMAIL) + ", \"name\": " + q(NAME) + "}",
                            "number",
                            "{\"id\": 812, \"digits\": \"+1 555 765 4321\", \"e164_digits\": " + q(PHONE) + "}",
                            "teams",
                            "[]",
                            "duration",
                            "60")),
            new Format(
                    "exotel",
                    "Sid",
                    fields(
                            "Sid",
                            q("s7001"),
                            "To",
                            q(PHONE),
                            "From",
                            q(PHONE),
                            "PhoneNumberSid",
                            q(PHONE),
                            "Status",
                            q("completed"),
                            "StartTime",
                            q("2026-11-18 09:15:02"),
                            "EndTime",
                            q("2026-11-18 09:19:47"),
                            "Duration",
                            q("285"),
                            "Direction",
                            q("inbound"),
                            "RecordingUrl",
                            q(URL),
                            "ConversationDuration",
                            q("251"),
                            "AgentEmail",
                            q(EMAIL),
                            "CallerName",
                            q(NAME),
                            "FlowId",
                            q("support"),
                            "Record",
                            q("true"))),
            new Format(
                    "ctm",
                    "id",
                    fields(
                            "id",
                            "3001",
                            "name",
                            q(NAME),
                            "caller_number",
                            q(PHONE),
                            "called_at",
                            q("2026-11-18 09:15:02"),
                            "duration",
                            "285",
                            "ring_time",
                            "10",
                            "talk_time",
                            "270",
                            "status",
                            q("answered"),
                            "direction",
                            q("inbound"),
                            "tracking_number",
                            q(PHONE),
                            "business_number",
                            q(PHONE),
                            "agent_email",
                            q(EMAIL),
                            "audio",
                            q(URL),
                            "source",
                            q("Google Ads"))),
            new Format(
                    "canonical",
                    "id",
                    fields(
                            "id",
                            q("K-1"),
                            "direction",
                            q("inbound"),
                            "status",
                            q("answered"),
                            "started_at",
                            q("2026-06-02T08:00:00Z"),
                            "ended_at",
                            q("2026-06-02T08:01:00Z"),
                            "answered_at",
                            q("2026-06-02T08:00:05Z"),
                            "talk_seconds",
                            "55",
                            "number_id",
                            q("812"),
                            "number_digits",
                            q(PHONE),
                            "user_id",
                            q("u1"),
                            "user_email",
                            q(EMAIL),
                            "shared_line",
                            "false",
                            "flow_id",
                            q("sales"),
                            "reached_agent",
                            "true",
                            "record_requested",
                            "true",
                            "recording_channels",
                            q("dual"),
                            "recording_url",
                            q(URL),
                            "recording_seconds",
                            "42.5",
                            "recording_created_at",
                            q("2026-06-02T08:01:05Z"),
                            "paused",
                            "false",
                            "visibility",
                            q("public"),
                            "parent_call_id",
                            q("K-0"))));

    /** The good record, then one record per field with the planted value in that field. */
    static List<Map<String, String>> records(Format format) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(format.fields());
        int n = 0;
        String planted = EMAIL + " " + PHONE + " " + NAME + " " + URL;
        for (String field : format.fields().keySet()) {
            if (field.equals(format.idField())) {
                continue;
            }
            Map<String, String> r = new LinkedHashMap<>(format.fields());
            String id = r.get(format.idField());
            r.put(
                    format.idField(),
                    id.startsWith("\"")
                            ? q(id.substring(1, id.length() - 1) + "-" + n)
                            : String.valueOf(Long.parseLong(id) + 1 + n));
            r.put(field, q(planted));
            out.add(r);
            // The same value again, alone and untouched by other text, for fields that might print it whole.
            Map<String, String> alone = new LinkedHashMap<>(r);
            alone.put(
                    format.idField(),
                    id.startsWith("\"")
                            ? q(id.substring(1, id.length() - 1) + "-a" + n)
                            : String.valueOf(Long.parseLong(id) + 1000 + n));
            alone.put(field, field.toLowerCase().contains("mail") ? q(PHONE) : q(EMAIL));
            out.add(alone);
            n++;
        }
        return out;
    }

    static String json(Map<String, String> record) {
        StringBuilder b = new StringBuilder("{");
        record.forEach((k, v) ->
                b.append(b.length() > 1 ? ", " : "").append(q(k)).append(": ").append(v));
        return b.append('}').toString();
    }

    static String csvCell(String jsonValue) {
        if (jsonValue.equals("null")) {
            return "";
        }
        String text = jsonValue.startsWith("\"") ? jsonValue.substring(1, jsonValue.length() - 1) : jsonValue;
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** The format's records written as a JSON document, NDJSON and (where the format has a CSV export) CSV. */
    List<Path> inputs(Format format) throws IOException {
        List<Map<String, String>> records = records(format);
        List<Path> out = new ArrayList<>();
        String page = format.name().equals("exotel")
                ? "{\"Metadata\": {\"Total\": 1}, \"Calls\": [\n"
                : format.name().equals("canonical") ? "[\n" : "{\"calls\": [\n";
        String end = format.name().equals("exotel") || format.name().equals("canonical") ? "\n]" : "\n]";
        end += format.name().equals("exotel")
                ? "}\n"
                : format.name().equals("canonical")
                        ? "\n"
                        : format.name().equals("ctm") ? ", \"page\": 1, \"total_entries\": 1}\n" : ", \"meta\": {}}\n";
        Path doc = tmp.resolve(format.name() + ".json");
        Files.writeString(
                doc,
                page
                        + String.join(
                                ",\n",
                                records.stream().map(PlantedPiiTest::json).toList())
                        + end);
        out.add(doc);
        Path ndjson = tmp.resolve(format.name() + ".ndjson");
        Files.writeString(
                ndjson,
                String.join("\n", records.stream().map(PlantedPiiTest::json).toList()) + "\n");
        out.add(ndjson);
        if (!format.name().equals("aircall")) {
            List<String> columns = new ArrayList<>(format.fields().keySet());
            if (format.name().equals("aircall")) {
                return out;
            }
            StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
            for (Map<String, String> r : records) {
                if (r.values().stream().anyMatch(v -> v.startsWith("{") || v.startsWith("["))) {
                    continue;
                }
                csv.append(String.join(
                                ",",
                                columns.stream().map(c -> csvCell(r.get(c))).toList()))
                        .append('\n');
            }
            Path file = tmp.resolve(format.name() + ".csv");
            Files.writeString(file, csv);
            out.add(file);
        }
        return out;
    }

    /** Everything a run prints or logs, whatever the logger. */
    record Captured(CliRun run, String logged) {}

    static Captured capture(String... args) {
        List<String> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + record.getParameters());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(stray, true, StandardCharsets.UTF_8));
        try {
            CliRun run = CliRun.run(args);
            return new Captured(run, String.join("\n", logged) + "\n" + stray.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
            System.setOut(out);
            root.removeHandler(handler);
        }
    }

    static void assertClean(String what, String text) {
        for (String forbidden : FORBIDDEN) {
            assertThat(text).as("%s must not contain %s", what, forbidden).doesNotContain(forbidden);
        }
    }

    @Test
    void should_show_no_planted_personal_data_in_any_report_format_under_redact() throws IOException {
        int inputs = 0;
        for (Format format : FORMATS) {
            for (Path input : inputs(format)) {
                inputs++;
                List<String> args = new ArrayList<>(
                        List.of("audit", "--redact", "--fail-on", "never", "--input-format", format.name()));
                for (String report : REPORTS) {
                    args.addAll(List.of(
                            "--format",
                            report,
                            "--output",
                            tmp.resolve(input.getFileName() + "." + report).toString()));
                }
                args.add(input.toString());
                Captured captured = capture(args.toArray(String[]::new));

                assertThat(captured.run().exitCode())
                        .as("%s: %s", input, captured.run())
                        .isZero();
                assertClean(
                        input + " stdout and stderr",
                        captured.run().out() + captured.run().err());
                assertClean(input + " logs", captured.logged());
                for (String report : REPORTS) {
                    String text = Files.readString(tmp.resolve(input.getFileName() + "." + report));
                    assertThat(text)
                            .as("%s %s report has rejections", input, report)
                            .isNotBlank();
                    assertClean(input + " as " + report, text);
                }
                String json = Files.readString(tmp.resolve(input.getFileName() + ".json"));
                assertThat(json)
                        .as("%s: planted records are rejected, quoting masked values", input)
                        .contains("•••");
            }
        }
        assertThat(inputs).isEqualTo(11);
    }

    @Test
    void should_log_no_planted_personal_data_without_redact() throws IOException {
        for (Format format : FORMATS) {
            for (Path input : inputs(format)) {
                Captured captured = capture(
                        "audit",
                        "--fail-on",
                        "never",
                        "--input-format",
                        format.name(),
                        "--format",
                        "json",
                        "--output",
                        tmp.resolve("clear.json").toString(),
                        input.toString());

                assertThat(captured.run().exitCode())
                        .as(captured.run().toString())
                        .isZero();
                assertClean(input + " stderr", captured.run().err());
                assertClean(input + " logs", captured.logged());
                // Without --redact the report may show them: that is what the report is for.
                assertThat(Files.readString(tmp.resolve("clear.json"))).contains("zq.planted");
            }
        }
    }

    @Test
    void should_show_no_planted_personal_data_in_explain_under_redact() throws IOException {
        for (Format format : FORMATS) {
            Path input = inputs(format).get(0);
            String id = format.fields().get(format.idField()).replace("\"", "");
            Captured captured = capture("explain", id, "--redact", "--input-format", format.name(), input.toString());

            assertThat(captured.run().exitCode()).as(captured.run().toString()).isZero();
            assertThat(captured.run().out()).as(format.name()).contains(id);
            assertClean(
                    format.name() + " explain",
                    captured.run().out() + captured.run().err() + captured.logged());
        }
    }
}
