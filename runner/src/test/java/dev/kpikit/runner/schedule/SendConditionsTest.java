package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.kpikit.kpi.Status;

/** The decision and its sentences, on snapshots as the store keeps them. */
class SendConditionsTest {

    private static DeliverySnapshot accounts(String band, DeliverySnapshot.KeyAccount... accounts) {
        return new DeliverySnapshot("2026-10-31", null, List.of(accounts), band);
    }

    private static DeliverySnapshot.KeyAccount account(String name, String score, boolean top, boolean major) {
        return new DeliverySnapshot.KeyAccount(name.substring(0, 3), name, new BigDecimal(score), top, major);
    }

    private static SendWhen when(SendCondition condition) {
        return new SendWhen(Set.of(condition), List.of(), false);
    }

    @Test
    void aConcentrationBandThatMovesIsTold() {
        SendConditions.Decision d = SendConditions.decide(when(SendCondition.CONCENTRATION_BAND_CHANGED),
                accounts("MODERATE"), accounts("HIGH"), Locale.UK);
        assertEquals(List.of("Revenue concentration moved from moderate to high"), d.changes());
    }

    @Test
    void anUnchangedBandIsSkippedWithTheReason() {
        SendConditions.Decision d = SendConditions.decide(when(SendCondition.CONCENTRATION_BAND_CHANGED),
                accounts("HIGH"), accounts("HIGH"), Locale.UK);
        assertEquals(false, d.send());
        assertEquals("sendWhen [concentration-band-changed]: nothing changed since the delivery as of 2026-10-31", d.reason());
    }

    @Test
    void crossingTheMajorCustomerShareIsTold() {
        SendConditions.Decision d = SendConditions.decide(when(SendCondition.KEY_ACCOUNTS_CHANGED),
                accounts("HIGH", account("Client A", "75.85", true, true), account("Harbor Freight", "24.02", false, true)),
                accounts("HIGH", account("Client A", "75.85", true, true), account("Fjord Analytics", "46.6", false, true)),
                Locale.UK);
        assertEquals(List.of("Fjord Analytics now has at least 10% of revenue", "Harbor Freight is now below 10% of revenue"),
                d.changes());
    }

    @Test
    void amberCountsAsOffTargetOnlyWhenAsked() {
        DeliverySnapshot amber = new DeliverySnapshot("2026-10-31", List.of(new DeliverySnapshot.Kpi("retention",
                "Customer retention rate", new BigDecimal("0.93"), new BigDecimal("0.95"), Status.AMBER, "0.0%")), null, null);

        SendConditions.Decision redOnly = SendConditions.decide(when(SendCondition.KPI_OFF_TARGET), null, amber, Locale.UK);
        SendConditions.Decision withAmber = SendConditions.decide(
                new SendWhen(Set.of(SendCondition.KPI_OFF_TARGET), List.of(), true), null, amber, Locale.UK);

        assertEquals(false, redOnly.send());
        assertEquals("sendWhen [kpi-off-target]: no headline KPI off target", redOnly.reason());
        assertEquals(List.of("Customer retention rate is amber: 93.0% against a target of 95.0%"), withAmber.changes());
    }

    /** A headline KPI whose period has no value keeps its target: the change says "no value", not "no status". */
    @Test
    void aKpiLosingItsValueIsToldApartFromOneWithoutTarget() {
        DeliverySnapshot red = new DeliverySnapshot("2026-09-30", List.of(new DeliverySnapshot.Kpi("retention",
                "Customer retention rate", new BigDecimal("0.90"), new BigDecimal("0.95"), Status.RED, "0.0%")), null, null);
        DeliverySnapshot blank = new DeliverySnapshot("2026-10-31", List.of(new DeliverySnapshot.Kpi("retention",
                "Customer retention rate", null, new BigDecimal("0.95"), Status.NO_VALUE, "0.0%")), null, null);
        assertEquals(List.of("Customer retention rate has no value now against a target of 95.0%"),
                SendConditions.decide(when(SendCondition.KPI_STATUS_CHANGED), red, blank, Locale.UK).changes());
        assertEquals(List.of("Customer retention rate non ha pi\u00f9 un valore rispetto a un obiettivo di 95,0%"),
                SendConditions.decide(when(SendCondition.KPI_STATUS_CHANGED), red, blank, Locale.ITALIAN).changes());
    }

    /** A delivery kept before NO_VALUE existed said NONE for a KPI with a target and no value: no change to tell. */
    @Test
    void anEarlierSnapshotsNoneForAKpiWithATargetButNoValueIsNoChange() {
        DeliverySnapshot before = new DeliverySnapshot("2026-09-30", List.of(new DeliverySnapshot.Kpi("retention",
                "Customer retention rate", null, new BigDecimal("0.95"), Status.NONE, "0.0%")), null, null);
        DeliverySnapshot now = new DeliverySnapshot("2026-10-31", List.of(new DeliverySnapshot.Kpi("retention",
                "Customer retention rate", null, new BigDecimal("0.95"), Status.NO_VALUE, "0.0%")), null, null);
        SendConditions.Decision d = SendConditions.decide(when(SendCondition.KPI_STATUS_CHANGED), before, now, Locale.UK);
        assertEquals(false, d.send());
        assertEquals(List.of(), d.changes());
    }

    @Test
    void everyLanguageOfTheCatalogsHasEveryText() throws Exception {
        java.util.Properties english = new java.util.Properties();
        try (var in = SendConditions.class.getResourceAsStream("changes.properties")) {
            english.load(in);
        }
        for (String language : List.of("es", "fr", "it", "nb", "nl")) {
            java.util.Properties texts = new java.util.Properties();
            try (var in = SendConditions.class.getResourceAsStream("changes_" + language + ".properties")) {
                texts.load(in);
            }
            assertEquals(english.keySet(), texts.keySet(), language);
        }
    }

    @Test
    void aChangeIsToldInFrench() {
        SendConditions.Decision d = SendConditions.decide(when(SendCondition.CONCENTRATION_BAND_CHANGED),
                accounts("MODERATE"), accounts("HIGH"), Locale.FRANCE);
        assertEquals(List.of("La concentration du chiffre d'affaires est pass\u00e9e de mod\u00e9r\u00e9e \u00e0 forte"), d.changes());
    }
}
