package dev.kpikit.scoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RevenueMeasuresTest {

    private static RevenueShares shares(Object... idsAndRevenue) {
        Map<String, BigDecimal> revenue = new LinkedHashMap<>();
        for (int i = 0; i < idsAndRevenue.length; i += 2) {
            revenue.put((String) idsAndRevenue[i], new BigDecimal(idsAndRevenue[i + 1].toString()));
        }
        return new RevenueShares(revenue);
    }

    @Test
    void paretoClassesByCumulativeShare() {
        // Ranked: p 50, q 20, r 10 (tie with s, r first), s 10, t 5, u 5 of 100.
        // Revenue before each: p 0, q 50, r 70, s 80, t 90, u 95.
        // A while before < 80%: p, q, r. B while before < 95%: s, t. C: u.
        RevenueShares shares = shares("u", 5, "s", 10, "t", 5, "r", 10, "q", 20, "p", 50);
        assertEquals(List.of("p", "q", "r", "s", "t", "u"), List.copyOf(shares.ranked().keySet()));
        assertEquals(Map.of("p", AbcClass.A, "q", AbcClass.A, "r", AbcClass.A, "s", AbcClass.B, "t", AbcClass.B, "u", AbcClass.C),
                ParetoClassifier.DEFAULT.classify(shares));
        // One customer with 90%: it is A, not B.
        assertEquals(Map.of("big", AbcClass.A, "small", AbcClass.C),
                new ParetoClassifier(new BigDecimal("0.8"), new BigDecimal("0.9")).classify(shares("big", 90, "small", 10)));
        assertEquals(Map.of(), ParetoClassifier.DEFAULT.classify(shares("x", 0)));
        assertThrows(IllegalArgumentException.class, () -> new ParetoClassifier(new BigDecimal("0.9"), new BigDecimal("0.8")));
    }

    @Test
    void sharesTopNAndMajorCustomers() {
        RevenueShares shares = shares("a", 45, "b", 30, "c", 10, "d", "9.99", "e", "5.01");
        assertEquals(new BigDecimal("100.00"), shares.total());
        assertEquals(0, new BigDecimal("0.45").compareTo(shares.topShare(1)));
        assertEquals(0, new BigDecimal("0.85").compareTo(shares.topShare(3)));
        assertEquals(0, BigDecimal.ONE.compareTo(shares.topShare(10)));
        assertEquals(0, new BigDecimal("0.55").compareTo(shares.shareOf(List.of("a", "c", "a"))));
        assertEquals(0, new BigDecimal("0.0999").compareTo(shares.share("d")));
        // 10% exactly is major, 9.99% is not.
        assertEquals(List.of("a", "b", "c"), shares.majorCustomers(RevenueShares.MAJOR_CUSTOMER_SHARE));
        // 45^2 + 30^2 + 10^2 + 9.99^2 + 5.01^2 = 2025 + 900 + 100 + 99.8001 + 25.1001
        assertEquals(0, new BigDecimal("3149.9002").compareTo(shares.hhi()));

        RevenueShares none = shares("a", 0);
        assertNull(none.share("a"));
        assertNull(none.topShare(1));
        assertNull(none.hhi());
        assertEquals(List.of(), none.majorCustomers(RevenueShares.MAJOR_CUSTOMER_SHARE));
    }

    @Test
    void concentrationBands() {
        assertEquals(ConcentrationBand.UNCONCENTRATED, ConcentrationBand.of(new BigDecimal("999.99")));
        assertEquals(ConcentrationBand.MODERATE, ConcentrationBand.of(new BigDecimal("1000")));
        assertEquals(ConcentrationBand.MODERATE, ConcentrationBand.of(new BigDecimal("1800")));
        assertEquals(ConcentrationBand.HIGH, ConcentrationBand.of(new BigDecimal("1800.01")));
        assertNull(ConcentrationBand.of(null));
        // Ten equal accounts: HHI 1,000.
        Concentration ten = new Concentration();
        for (int i = 0; i < 10; i++) {
            ten.add(BigDecimal.TEN);
        }
        assertEquals(ConcentrationBand.MODERATE, ten.band());
        assertNull(new Concentration().band());
    }

    @Test
    void rfmQuintiles() {
        // As of 2026-03-31. Five accounts, distinct on every measure:
        // last purchase  a 03-30 (best) .. e 2025-01-01 (worst); purchases a 5 .. e 1; lifetime a 500 .. e 100.
        // Mid-ranks 1, 0.75, 0.5, 0.25, 0 give quintiles 5, 4, 3, 2, 1.
        RevenueLedger ledger = new RevenueLedger(LocalDate.parse("2026-03-31"), PeriodLength.YEAR);
        String[] ids = {"a", "b", "c", "d", "e"};
        String[] last = {"2026-03-30", "2026-02-01", "2025-12-01", "2025-06-01", "2025-01-01"};
        for (int i = 0; i < ids.length; i++) {
            int purchases = 5 - i;
            for (int p = 0; p < purchases; p++) {
                // purchases on the last date and earlier, each of 100 / purchases x (5 - i)
                ledger.add(LocalDate.parse(last[i]).minusDays(p), ids[i], BigDecimal.valueOf(100));
            }
        }
        ledger.add(LocalDate.parse("2026-03-01"), "f", new BigDecimal("-50")); // only a credit note
        Map<String, RfmScore> rfm = RfmScorer.score(ledger);
        // With f (no purchase, recency 1; 0 purchases; lifetime -50) the population is 6:
        // frequency and monetary mid-ranks over 6 are k/5: a 1 -> 5, b 0.8 -> 5, c 0.6 -> 4, d 0.4 -> 3, e 0.2 -> 2, f 0 -> 1.
        // Recency over the 5 that purchased: a 5, b 4, c 3, d 2, e 1; f 1.
        assertEquals(new RfmScore(5, 5, 5), rfm.get("a"));
        assertEquals(new RfmScore(4, 5, 5), rfm.get("b"));
        assertEquals(new RfmScore(3, 4, 4), rfm.get("c"));
        assertEquals(new RfmScore(2, 3, 3), rfm.get("d"));
        assertEquals(new RfmScore(1, 2, 2), rfm.get("e"));
        assertEquals(new RfmScore(1, 1, 1), rfm.get("f"));
        assertEquals("534", new RfmScore(5, 3, 4).code());
    }

    @Test
    void rfmGivesEqualAccountsEqualScores() {
        RevenueLedger ledger = new RevenueLedger(LocalDate.parse("2026-03-31"), PeriodLength.MONTH)
                .add(LocalDate.parse("2026-03-01"), "x", BigDecimal.TEN)
                .add(LocalDate.parse("2026-03-01"), "y", BigDecimal.TEN);
        Map<String, RfmScore> rfm = RfmScorer.score(ledger);
        assertEquals(new RfmScore(3, 3, 3), rfm.get("x"));
        assertEquals(rfm.get("x"), rfm.get("y"));
    }
}
