package dev.kpikit.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class I18nTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "es", "fr", "it", "nb", "nl"})
    void aQuotedApostropheShowsAsOneAlsoInTextsWithoutArguments(String language) {
        ResourceBundle bundle = I18n.bundle(Locale.forLanguageTag(language));
        for (String key : bundle.keySet()) {
            String text = I18n.text(bundle, key);
            assertFalse(text.contains("''"), language + " " + key + ": " + text);
        }
    }

    @Test
    void theFrenchLoginPageSaysNomDUtilisateur() {
        ResourceBundle french = I18n.bundle(Locale.FRENCH);
        assertEquals("Nom d'utilisateur", I18n.text(french, "login.username"));
        assertEquals("Aucun envoi pour l'instant.", I18n.text(french, "deliveries.none"));
        assertEquals("3 comptes au 31/10/2026, année à date, modèle 'm'.",
                I18n.text(french, "accounts.summary", 3, "31/10/2026", "année", "m"));
    }
}
