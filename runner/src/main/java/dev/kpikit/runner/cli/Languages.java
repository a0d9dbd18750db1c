package dev.kpikit.runner.cli;

import java.io.PrintStream;
import java.util.Locale;

import dev.kpikit.runner.engine.TextLanguages;

/** A command's --locale: the tag as a locale, and a warning when kpikit has no texts in its language. */
final class Languages {

    private Languages() {
    }

    /** {@code tag} as a locale; a language kpikit has no texts in (xx-YY, a misspelt tag) is said on {@code err}. */
    static Locale of(String tag, String command, PrintStream err) {
        Locale locale = Locale.forLanguageTag(tag.strip());
        TextLanguages.missing(locale, tag).ifPresent(warning -> err.println("kpikit " + command + ": warning: --locale " + warning));
        return locale;
    }
}
