package io.callaudit.cli;

import static io.callaudit.cli.PlantedPiiTest.EMAIL;
import static io.callaudit.cli.PlantedPiiTest.NAME;
import static io.callaudit.cli.PlantedPiiTest.PHONE;
import static io.callaudit.cli.PlantedPiiTest.REPORTS;
import static io.callaudit.cli.PlantedPiiTest.URL;
import static io.callaudit.cli.PlantedPiiTest.assertClean;
import static io.callaudit.cli.PlantedPiiTest.capture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PlantedPiiTest}'s promise for the shapes it does not write itself: Aircall's dashboard CSV, Exotel's
 * dashboard report, its XML call details and its StatusCallback form. Each real export from the corpus is
 * taken as it is, and every value of its first record but the call id is replaced in turn by personal data;
 * under {@code --redact} no report format shows any of it, and no run prints or logs it.
 */
class PlantedPiiCorpusTest {

    static final String PLANTED = EMAIL + " " + PHONE + " " + NAME + " " + URL;
    /** Call ids: how a report names a call, shown by design (see {@link PlantedPiiTest}). */
    static final Set<String> IDS = Set.of("Call ID (internal)", "Call ID (UUID)", "Id", "Sid", "CallSid");

    @TempDir
    Path tmp;

    /** The export with one value of its first record replaced, once per value. */
    static List<String> variants(String fixture, String text) {
        List<String> out = new ArrayList<>();
        if (fixture.endsWith(".csv")) {
            List<String> lines = text.lines().toList();
            List<String> header = List.of(lines.get(0).split(",", -1));
            for (int i = 0; i < header.size(); i++) {
                if (IDS.contains(header.get(i).replace("\"", ""))) {
                    continue;
                }
                List<String> cells = new ArrayList<>(List.of(lines.get(1).split(",", -1)));
                cells.set(i, "\"" + PLANTED + "\"");
                out.add(lines.get(0) + "\n" + String.join(",", cells) + "\n");
            }
        } else if (fixture.endsWith(".xml")) {
            Matcher m = Pattern.compile("<(\\w+)>([^<]+)</\\1>").matcher(text);
            int calls = text.indexOf("</Call>");
            while (m.find() && m.start() < calls) {
                if (!IDS.contains(m.group(1))) {
                    out.add(text.substring(0, m.start(2)) + PLANTED + text.substring(m.end(2)));
                }
            }
        } else {
            String first = text.lines().findFirst().orElseThrow();
            String[] pairs = first.split("&");
            for (int i = 0; i < pairs.length; i++) {
                String key = pairs[i].substring(0, pairs[i].indexOf('='));
                if (IDS.contains(key)) {
                    continue;
                }
                String[] copy = pairs.clone();
                copy[i] = key + "=" + URLEncoder.encode(PLANTED, StandardCharsets.UTF_8);
                out.add(String.join("&", copy) + "\n");
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "aircall/dashboard-export.csv",
                "exotel/dashboard-report.csv",
                "exotel/call-details.xml",
                "exotel/status-callback.form"
            })
    void should_show_no_planted_personal_data_in_any_report_format_under_redact(String fixture) throws IOException {
        String text = Files.readString(Path.of("src/test/resources/corpus", fixture));
        List<String> variants = variants(fixture, text);
        assertThat(variants).as("values planted").hasSizeGreaterThan(5);
        int n = 0;
        int masked = 0;
        for (String variant : variants) {
            Path input = tmp.resolve("v" + n++ + "-" + Path.of(fixture).getFileName());
            Files.writeString(input, variant);
            List<String> args = new ArrayList<>(List.of("audit", "--redact", "--fail-on", "never"));
            for (String report : REPORTS) {
                args.addAll(List.of(
                        "--format",
                        report,
                        "--output",
                        tmp.resolve(input.getFileName() + "." + report).toString()));
            }
            args.add(input.toString());
            PlantedPiiTest.Captured captured = capture(args.toArray(String[]::new));

            assertThat(captured.run().exitCode())
                    .as("%s: %s", variant, captured.run())
                    .isIn(0, 3);
            assertClean(
                    variant + " stdout and stderr",
                    captured.run().out() + captured.run().err());
            assertClean(variant + " logs", captured.logged());
            if (captured.run().exitCode() == 0) {
                for (String report : REPORTS) {
                    assertClean(
                            variant + " as " + report,
                            Files.readString(tmp.resolve(input.getFileName() + "." + report)));
                }
                masked += Files.readString(tmp.resolve(input.getFileName() + ".json"))
                                .contains("•••")
                        ? 1
                        : 0;
            }
        }
        assertThat(masked)
                .as("runs whose report masked a planted value it would otherwise show")
                .isPositive();
    }
}
