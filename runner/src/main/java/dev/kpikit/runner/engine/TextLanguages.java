package dev.kpikit.runner.engine;

import java.util.Locale;
import java.util.Optional;

import dev.kpikit.scoring.AccountScore;

/**
 * Whether kpikit has texts (explanations, report labels, mail) in a locale's language; the one check behind the warning
 * of every place a locale is given: the commands' {@code --locale}, a schedule's {@code locale}.
 */
public final class TextLanguages {

    private TextLanguages() {
    }

    /**
     * For a language kpikit has no texts in (xx-YY, a misspelt tag), what to warn of, quoting the tag as written:
     * {@code 'xx-YY': kpikit has no texts in that language; they are in English}; empty for one it has.
     */
    public static Optional<String> missing(Locale locale, String asWritten) {
        return AccountScore.explainsIn(locale) ? Optional.empty()
                : Optional.of("'" + asWritten.strip() + "': kpikit has no texts in that language; they are in English");
    }
}
