package dev.kpikit.birt.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Date;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** KPI.formatDate: BIRT's date styles in the locale it is given, which replaces BIRT's shared Formatter in templates. */
class FormatDateTest {

    private static final Date OCTOBER_31 = Date.valueOf("2026-10-31");

    @Test
    void longDateInEnglishAndNorwegian() {
        assertEquals("October 31, 2026", KpiFunctions.formatDate(OCTOBER_31, "Long Date", Locale.ENGLISH));
        assertEquals("31. oktober 2026", KpiFunctions.formatDate(OCTOBER_31, "Long Date", Locale.forLanguageTag("nb")));
    }

    @Test
    void aPatternIsUsedAsItIs() {
        assertEquals("2026-10", KpiFunctions.formatDate(OCTOBER_31, "yyyy-MM", Locale.FRENCH));
    }

    @Test
    void aBlankDateIsABlankText() {
        assertNull(KpiFunctions.formatDate(null, "Medium Date", Locale.ENGLISH));
    }
}
