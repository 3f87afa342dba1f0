package io.callaudit.cli;

import java.util.Locale;

/** Report languages; English is the default whatever the machine's locale, so CI logs are reproducible. */
enum Language {
    EN(Locale.ROOT),
    ES(Locale.forLanguageTag("es"));

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    Locale locale() {
        return locale;
    }
}
