package io.callaudit.cli;

import io.callaudit.ingest.InputFormat;
import java.time.Instant;
import picocli.CommandLine.Option;

/** How to read a batch: the profile it is audited against, the audit clock, and a forced input format. */
public class InputOptions {

    @Option(
            names = {"-c", "--config"},
            paramLabel = "PROFILE",
            descriptionKey = "config")
    String config;

    @Option(
            names = "--as-of",
            paramLabel = "TIME",
            descriptionKey = "as-of",
            converter = Converters.InstantConverter.class)
    Instant asOf;

    @Option(
            names = "--input-format",
            paramLabel = "FORMAT",
            descriptionKey = "input-format",
            converter = Converters.InputFormatConverter.class,
            completionCandidates = Converters.InputFormats.class)
    InputFormat inputFormat;
}
