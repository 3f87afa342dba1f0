package io.callaudit.lambda;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The Lambda's settings, one environment variable each ({@code CALLAUDIT_LAMBDA_INPUT_PREFIX}, ...), so the
 * SAM template is the only place a deployment is configured. {@code infra/template.yaml} must set these names
 * and no others; {@code TemplateTest} derives the names from this interface and checks.
 */
@ConfigMapping(prefix = "callaudit.lambda")
public interface FunctionConfig {

    /** Where batches land; only keys under it are audited, and reports mirror the path below it. */
    @WithDefault("incoming/")
    String inputPrefix();

    /** Where reports go. Must not overlap the input prefix, or the function would audit its own output. */
    @WithDefault("reports/")
    String outputPrefix();

    /**
     * One profile for every batch, as a key in the event's bucket. When absent, the nearest
     * {@value ProfileLocator#FILE_NAME} up the object's prefix (within the input prefix) applies, so each
     * team's folder carries its own.
     */
    Optional<String> profileKey();

    /** The CLI's {@code --fail-on}: the lowest severity that makes the exit code 1 ({@code never} = report only). */
    @WithDefault("error")
    String failOn();

    /** The CLI's {@code --redact}: mask phone numbers, emails and recording URLs in the reports written. */
    @WithDefault("false")
    boolean redact();

    /**
     * Also write the HTML report (the CLI's {@code --format html}) beside the JSON one: a page a manager opens
     * from an S3 link, self-contained so it needs nothing else from the bucket or the network.
     */
    @WithDefault("false")
    boolean htmlReport();
}
