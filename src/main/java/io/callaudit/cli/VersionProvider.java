package io.callaudit.cli;

import io.callaudit.rules.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Names the build and the rules version: a CI log that records which rules judged a profile is worth more
 * than the bare version number.
 */
public class VersionProvider implements IVersionProvider {

    static final String RESOURCE = "/io/callaudit/cli/version.properties";

    @Override
    public String[] getVersion() {
        Properties p = properties();
        return new String[] {
            "callaudit " + p.getProperty("version", "unknown"),
            "rules " + p.getProperty("rules", "unknown") + " ("
                    + RuleSet.builtIn().all().size() + " rules)"
        };
    }

    /** The bare build version, for report headers. */
    static String version() {
        return properties().getProperty("version", "unknown");
    }

    private static Properties properties() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
