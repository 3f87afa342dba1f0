package io.callaudit.cli;

import picocli.CommandLine.Option;

/** Options of the CI gate: reviewed waivers and a baseline report, so only new problems fail a build. */
public class GateOptions {

    @Option(names = "--waivers", paramLabel = "FILE", descriptionKey = "waivers")
    String waivers;

    @Option(names = "--baseline", paramLabel = "REPORT.json", descriptionKey = "baseline")
    String baseline;
}
