package dev.kpikit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConcentrationMeasuresTest {

    private static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    @Test
    void topNShareKeepsTheLargestValuesOnly() {
        TopNShare top2 = new TopNShare(2);
        for (String value : List.of("10", "40", "5", "30", "15")) {
            top2.add(d(value));
        }
        top2.add(null);
        assertEquals(0, d("0.7").compareTo(top2.share()), "(40 + 30) / 100");
        assertNull(new TopNShare(3).share());
        assertThrows(IllegalArgumentException.class, () -> new TopNShare(0));
    }

    @Test
    void aNetNegativeAccountCountsAsAZeroShareInTopNAndHhi() {
        // 60 and 40 invoiced, one account whose credit notes exceed its invoices by 700
        TopNShare top1 = new TopNShare(1).add(d("60")).add(d("-700")).add(d("40"));
        assertEquals(0, d("0.6").compareTo(top1.share()), "60 of the positive 100");
        Concentration hhi = new Concentration().add(d("60")).add(d("-700")).add(d("40"));
        assertEquals(0, d("5200").compareTo(hhi.hhi()), "3,600 + 1,600 + 0");
        assertEquals(3, hhi.count());
    }

    @Test
    void aPeriodWithANetNegativeAccountKeepsItsRevenueInTheTotalButNotInShares() {
        ConcentrationSeries series = new ConcentrationSeries(LocalDate.of(2026, 3, 31), PeriodLength.QUARTER, 1)
                .add(LocalDate.of(2026, 1, 5), "A", d("600"))
                .add(LocalDate.of(2026, 1, 9), "B", d("400"))
                .add(LocalDate.of(2026, 2, 1), "C", d("100"))
                .add(LocalDate.of(2026, 2, 3), "C", d("-800"));
        PeriodConcentration q1 = series.periods().getFirst();
        assertEquals(0, d("300").compareTo(q1.revenue()), "600 + 400 - 700");
        assertEquals(0, d("5200").compareTo(q1.hhi()), "60% and 40% of the positive 1,000; C at 0%");
        assertEquals(0, d("0.6").compareTo(q1.topOneShare()));
        assertEquals(3, q1.accounts());
    }

    @Test
    void paretoClassOfTheShareBefore() {
        ParetoClassifier pareto = ParetoClassifier.DEFAULT;
        assertEquals(AbcClass.A, pareto.classOf(d("0.79")));
        assertEquals(AbcClass.B, pareto.classOf(d("0.80")));
        assertEquals(AbcClass.C, pareto.classOf(d("0.95")));
        assertNull(pareto.classOf(null));
    }

    @Test
    void periodsAreCalendarPeriodsCutAtTheAsOfDate() {
        assertEquals(new PeriodLength.DateRange(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)),
                PeriodLength.QUARTER.containing(LocalDate.of(2026, 11, 15)));
        ConcentrationSeries series = new ConcentrationSeries(LocalDate.of(2026, 11, 15), PeriodLength.QUARTER, 1)
                .add(LocalDate.of(2026, 9, 30), "A", d("60"))
                .add(LocalDate.of(2026, 9, 1), "B", d("20"))
                .add(LocalDate.of(2026, 8, 1), "B", d("20"))
                .add(LocalDate.of(2026, 11, 2), "A", d("10"))
                .add(LocalDate.of(2026, 11, 16), "B", d("99"));
        List<PeriodConcentration> periods = series.periods();
        assertEquals(2, periods.size());
        PeriodConcentration q3 = periods.get(0);
        assertEquals(LocalDate.of(2026, 7, 1), q3.start());
        assertEquals(LocalDate.of(2026, 9, 30), q3.end());
        assertEquals(2, q3.accounts());
        // 60 and 40 of 100: 3,600 + 1,600
        assertEquals(0, d("5200").compareTo(q3.hhi()));
        assertEquals(0, d("0.6").compareTo(q3.topOneShare()));
        assertEquals(LocalDate.of(2026, 11, 15), periods.get(1).end(), "the row after the as-of date is left out");
        assertEquals(0, d("10").compareTo(periods.get(1).revenue()));
    }
}
