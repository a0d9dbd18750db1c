package dev.kpikit.server.web;

import java.util.Locale;
import java.util.ResourceBundle;

/** What every page template gets: the user, the CSRF token for its forms, the language and its texts. */
public record Page(String title, String active, String user, String role, String csrf, Locale locale,
        ResourceBundle bundle, String notice, String error, String path) {

    public String t(String key, Object... args) {
        return I18n.text(bundle, key, args);
    }

    public boolean loggedIn() {
        return user != null;
    }

    public boolean mayOperate() {
        return "operator".equals(role) || "admin".equals(role);
    }

    public String lang() {
        return locale.getLanguage();
    }

    public java.util.List<Locale> languages() {
        return I18n.LANGUAGES;
    }

    public String languageName(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.isEmpty() ? language.getLanguage() : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    public boolean hasNotice() {
        return notice != null && !notice.isBlank();
    }

    public boolean hasError() {
        return error != null && !error.isBlank();
    }
}
