package io.callaudit.cli;

import picocli.CommandLine.Option;

/** How findings read: the language, and whether personal data is masked. */
public class LanguageOptions {

    @Option(
            names = "--lang",
            paramLabel = "LANG",
            defaultValue = "en",
            descriptionKey = "lang",
            converter = Converters.LanguageConverter.class)
    Language lang = Language.EN;

    @Option(names = "--redact", descriptionKey = "redact")
    boolean redact;
}
