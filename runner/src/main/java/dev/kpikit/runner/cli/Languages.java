package dev.kpikit.runner.cli;

import java.io.PrintStream;
import java.util.Locale;

import dev.kpikit.scoring.AccountScore;

/** A command's --locale: the tag as a locale, and a warning when kpikit has no texts in its language. */
final class Languages {

    private Languages() {
    }

    /** {@code tag} as a locale; a language kpikit has no texts in (xx-YY, a misspelt tag) is said on {@code err}. */
    static Locale of(String tag, String command, PrintStream err) {
        Locale locale = Locale.forLanguageTag(tag.strip());
        if (!AccountScore.explainsIn(locale)) {
            err.println("kpikit " + command + ": warning: --locale '" + tag.strip() + "': kpikit has no texts in that language;"
                    + " they are in English");
        }
        return locale;
    }
}
