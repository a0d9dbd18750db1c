package dev.kpikit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reasons behind a tier read in each of the product's languages, numbers in the locale's format. */
class ExplanationLanguagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en | KEY: 43% of revenue, strategic value 4/5",
        "nl | Key: 43% van de omzet, strategische waarde 4/5",
        "it | Chiave: 43% del fatturato, valore strategico 4/5",
        "nb | N\u00f8kkel: 43\u00a0% av omsetningen, strategisk verdi 4/5",
        "fr | Cl\u00e9\u00a0: 43\u00a0% du chiffre d'affaires, valeur strat\u00e9gique 4/5",
        "es | Clave: 43\u00a0% de los ingresos, valor estrat\u00e9gico 4/5"})
    void aKeyAccountOnRevenueShare(String language, String expected) {
        // the default model: 43% of revenue (capped at 0.4 -> 30 points), strategic value 4/5 (15 points), ...
        AccountScore score = ScoringModel.defaultModel().score(Map.of(
                "revenue_share", new BigDecimal("0.43"), "revenue_growth", new BigDecimal("0.10"),
                "strategic_value", BigDecimal.valueOf(4), "growth_potential", BigDecimal.valueOf(3),
                "engagement", BigDecimal.valueOf(4), "satisfaction", BigDecimal.valueOf(4),
                "relationship_years", BigDecimal.valueOf(6)));
        assertEquals(expected, score.explain(Locale.forLanguageTag(language)).replace('\u202f', '\u00a0'));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en | MAINTAIN: strategic value 4/5; net revenue negative in the period, counted as a 0% share",
        "nl | Behouden: strategische waarde 4/5; netto-omzet negatief in de periode, geteld als een aandeel van 0%",
        "it | Mantenere: valore strategico 4/5; fatturato netto negativo nel periodo, contato come quota dello 0%",
        "nb | Vedlikehold: strategisk verdi 4/5; negativ nettoomsetning i perioden, regnet som en andel p\u00e5 0\u00a0%",
        "fr | Maintien\u00a0: valeur strat\u00e9gique 4/5\u00a0; chiffre d'affaires net n\u00e9gatif sur la p\u00e9riode, compt\u00e9 comme une part de 0\u00a0%",
        "es | Mantener: valor estrat\u00e9gico 4/5; ingresos netos negativos en el periodo, contados como una cuota del 0\u00a0%"})
    void aNetNegativeAccountSaysItsShareCountedAsZero(String language, String expected) {
        // credit notes above invoices: share 0 (no points), strategic value 4/5 gives 15 of the 50 weight present: 30
        AccountScore score = ScoringModel.defaultModel().score(Map.of(
                "revenue", new BigDecimal("-700"), "revenue_share", BigDecimal.ZERO, "strategic_value", BigDecimal.valueOf(4)));
        assertEquals(expected, score.explain(Locale.forLanguageTag(language)).replace('\u202f', '\u00a0'));
    }
}
