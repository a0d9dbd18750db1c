package dev.kpikit.server.web;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The six languages of the reports (report-templates/i18n/kpikit_*.properties): the page texts
 * come from {@code dev/kpikit/server/messages_<language>.properties}; the choice is the user's
 * switch (a cookie), else the browser's Accept-Language, else English.
 */
public final class I18n {

    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"), Locale.ITALIAN,
            Locale.forLanguageTag("nb"), Locale.FRENCH, Locale.forLanguageTag("es"));

    private I18n() {
    }

    public static Locale choose(String switched, String acceptLanguage) {
        Locale fromSwitch = known(switched);
        if (fromSwitch != null) {
            return fromSwitch;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String tag = range.getRange();
                    String language = tag.split("-")[0];
                    if (language.equals("no") || language.equals("nn")) {  // Norwegian: the reports speak Bokmål
                        language = "nb";
                    }
                    Locale known = known(language);
                    if (known != null) {
                        return known;
                    }
                }
            } catch (IllegalArgumentException e) {
                // an unreadable header: English
            }
        }
        return Locale.ENGLISH;
    }

    /** One of the six languages by its tag, or null. */
    public static Locale known(String tag) {
        if (tag == null) {
            return null;
        }
        return LANGUAGES.stream().filter(locale -> locale.getLanguage().equals(tag.trim().toLowerCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("dev.kpikit.server.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String text(ResourceBundle bundle, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        // every text is a MessageFormat pattern, also without arguments: "d''utilisateur" shows as d'utilisateur
        return new MessageFormat(pattern, bundle.getLocale()).format(args);
    }
}
