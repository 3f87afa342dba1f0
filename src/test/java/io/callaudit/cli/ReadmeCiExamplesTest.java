package io.callaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's CI examples, run as written on the shipped example: the gate a reader copies must give the
 * right answer in its main use (a profile change that stops recording fails, one that starts passes).
 */
class ReadmeCiExamplesTest {

    private static final String JAR = "java -jar target/callaudit-runner.jar ";
    private static final String EXAMPLE = "examples/aircall/profile.yaml";
    private static final String HISTORY = "examples/aircall/calls.json";

    @TempDir
    Path tmp;

    /** Every callaudit command of the README's yaml blocks, continuation lines joined. */
    static List<String> commands() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int at = lines.get(i).indexOf(JAR);
            if (at < 0) {
                continue;
            }
            int indent = indent(lines.get(i));
            StringBuilder command = new StringBuilder(lines.get(i).substring(at + JAR.length()));
            int j = i + 1;
            while (j < lines.size()
                    && (lines.get(j - 1).stripTrailing().endsWith("\\")
                            || (indent(lines.get(j)) > indent
                                    && !lines.get(j).isBlank()
                                    && !lines.get(j).strip().startsWith("- ")))) {
                command.append(' ').append(lines.get(j).strip());
                j++;
            }
            out.add(command.toString()
                    .replace("\\", " ")
                    .replaceAll("\\s+", " ")
                    .trim());
        }
        return out;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    /** The command with the README's repository paths pointed at the example and {@code head}. */
    private List<String> args(String command, Path head) throws Exception {
        Path waivers = Files.writeString(tmp.resolve("waivers.yaml"), "waivers: []\n");
        List<String> args = new ArrayList<>();
        Matcher m = Pattern.compile("\"[^\"]*\"|\\S+").matcher(command.replaceAll("\\s*(>|\\|\\|).*$", ""));
        while (m.find()) {
            String a = m.group();
            args.add(
                    switch (a) {
                        case "profiles/main.yaml" -> head.toString();
                        case "base.yaml" -> EXAMPLE;
                        case "history/calls.json" -> HISTORY;
                        case "callaudit-waivers.yaml" -> waivers.toString();
                        case "callaudit.sarif", "callaudit.md", "callaudit.xml" ->
                            tmp.resolve(a).toString();
                        default -> a;
                    });
        }
        return args;
    }

    private Path head(String from, String to) throws Exception {
        String base = Files.readString(Path.of(EXAMPLE));
        String changed = base.replaceFirst(Pattern.quote(from), to);
        assertThat(changed).isNotEqualTo(base);
        return Files.writeString(tmp.resolve("main-" + to.hashCode() + ".yaml"), changed);
    }

    @Test
    void should_find_the_check_and_the_diff_of_both_ci_examples() throws Exception {
        List<String> commands = commands();
        assertThat(commands).filteredOn(c -> c.startsWith("diff ")).hasSize(2);
        assertThat(commands).filteredOn(c -> c.startsWith("check-config ")).hasSize(2);
    }

    @Test
    void should_fail_a_change_that_stops_recording_the_main_line() throws Exception {
        Path head = head("record_inbound: true", "record_inbound: false");
        for (String command : commands()) {
            if (command.startsWith("diff ")) {
                CliRun run = CliRun.run(args(command, head).toArray(String[]::new));
                assertThat(run.exitCode()).as(command + "\n" + run).isEqualTo(1);
                assertThat(run.out()).contains("FAIL: the change stops recording 6 call(s)");
            }
        }
    }

    @Test
    void should_pass_a_change_that_only_starts_recording() throws Exception {
        Path head = head("record_outbound: false", "record_outbound: true");
        for (String command : commands()) {
            CliRun run = CliRun.run(args(command, head).toArray(String[]::new));
            assertThat(run.exitCode()).as(command + "\n" + run).isZero();
        }
    }
}
