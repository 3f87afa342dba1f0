package io.callaudit.report;

import io.callaudit.engine.AuditResult;
import io.callaudit.rules.Messages;
import io.callaudit.rules.RuleSet;
import io.callaudit.rules.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Runs a writer into memory, the way every report test needs it. */
final class Reports {

    static final String VERSION = "0.1.0-test";
    static final Locale SPANISH = Locale.forLanguageTag("es");

    private Reports() {}

    static ReportContext context(Locale locale, boolean redact, Severity failOn) {
        return new ReportContext(RuleSet.builtIn(), Messages.of(locale), redact, failOn, VERSION);
    }

    static ReportContext english() {
        return context(Locale.ROOT, false, Severity.ERROR);
    }

    static String render(ReportWriter writer, AuditResult result, ReportContext ctx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(result, ctx, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
