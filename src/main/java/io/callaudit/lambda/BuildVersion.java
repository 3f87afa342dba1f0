package io.callaudit.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The build's version for report headers, read from the same generated resource the CLI's
 * {@code --version} reads, so a report says the same version whichever face wrote it. (A resource, not the
 * CLI's class: nothing outside the CLI depends on the CLI.)
 */
final class BuildVersion {

    static final String RESOURCE = "/io/callaudit/cli/version.properties";

    private BuildVersion() {}

    static String get() {
        Properties p = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }
}
