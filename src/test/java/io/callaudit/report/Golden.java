package io.callaudit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: the exact bytes a report must produce, kept in {@code src/test/resources/report/} so a
 * reviewer sees every change to the output as a diff of those files.
 *
 * <p>To accept a deliberate change of output, run the tests once with {@code -Dcallaudit.updateGolden=true}:
 * <pre>
 * ./mvnw -B -o -q test -Dtest='io.callaudit.report.*Test' -Dcallaudit.updateGolden=true
 * </pre>
 * which rewrites the golden files from the current output (and fails nothing), then review the diff of
 * {@code src/test/resources/report/} before committing. A normal run only compares, and fails on any
 * difference or on a missing golden file.
 */
final class Golden {

    static final String UPDATE_PROPERTY = "callaudit.updateGolden";

    private Golden() {}

    /** Compares {@code actual} with {@code src/test/resources/report/<name>}, or rewrites it in update mode. */
    static void assertMatches(String name, String actual) throws IOException {
        Path file = directory().resolve(name);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("golden file " + file + " is missing; run with -D" + UPDATE_PROPERTY
                    + "=true to create it, then review it");
        }
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(actual)
                .as(
                        "output differs from %s (rerun with -D%s=true to accept the new output, then review the diff)",
                        file, UPDATE_PROPERTY)
                .isEqualTo(expected);
    }

    /**
     * The source tree, not the copy on the class path, so that an update lands where it is committed.
     * Surefire runs tests from the module directory and also sets {@code basedir}.
     */
    private static Path directory() {
        String basedir = System.getProperty("basedir", ".");
        return Path.of(basedir, "src", "test", "resources", "report");
    }
}
