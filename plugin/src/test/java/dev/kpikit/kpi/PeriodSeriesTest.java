package dev.kpikit.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PeriodSeriesTest {

    private static Period p(String text) {
        return Period.parse(text);
    }

    /** January and March, no February. */
    private final PeriodSeries withGap = PeriodSeries.of(Grain.MONTH, Map.of(
            p("2025-03"), new BigDecimal("80"),
            p("2026-01"), new BigDecimal("100"),
            p("2026-03"), new BigDecimal("120")));

    @Test
    void previousOfAPeriodIsTheCalendarPeriodNotThePreviousRow() {
        assertNull(withGap.previousValue(p("2026-03")));
        assertNull(withGap.growth(p("2026-03")));
        assertNull(withGap.growth(p("2026-02")));
    }

    @Test
    void yearOverYear() {
        assertEquals(new BigDecimal("0.5"), withGap.yearOverYear(p("2026-03")));
    }

    @Test
    void sumsDatedRowsIntoPeriods() {
        PeriodSeries series = PeriodSeries.sumOf(Grain.MONTH, List.of(
                new DatedValue(LocalDate.of(2026, 1, 5), new BigDecimal("40")),
                new DatedValue(LocalDate.of(2026, 1, 31), new BigDecimal("60")),
                new DatedValue(LocalDate.of(2026, 2, 1), new BigDecimal("110")),
                new DatedValue(LocalDate.of(2026, 2, 2), null)));
        assertEquals(new BigDecimal("100"), series.value(p("2026-01")));
        assertEquals(new BigDecimal("0.1"), series.growth(p("2026-02")));
    }

    @Test
    void toDateTotalsWithinTheEnclosingPeriod() {
        PeriodSeries months = PeriodSeries.of(Grain.MONTH, Map.of(
                p("2025-12"), BigDecimal.TEN,
                p("2026-01"), BigDecimal.ONE,
                p("2026-02"), BigDecimal.TWO,
                p("2026-04"), BigDecimal.TEN));
        assertEquals(new BigDecimal("3"), months.toDate(p("2026-03"), Grain.YEAR));
        assertEquals(new BigDecimal("3"), months.toDate(p("2026-03"), Grain.QUARTER));
        assertEquals(BigDecimal.TEN, months.toDate(p("2026-04"), Grain.QUARTER));
        assertEquals(new BigDecimal("13"), months.toDate(p("2026-04"), Grain.YEAR));
        assertNull(months.toDate(p("2026-03"), Grain.MONTH));
        assertThrows(IllegalArgumentException.class,
                () -> PeriodSeries.of(Grain.YEAR, Map.of()).toDate(p("2026"), Grain.MONTH));
    }

    @Test
    void movingAverageDoesNotBridgeGaps() {
        PeriodSeries series = PeriodSeries.of(Grain.QUARTER, Map.of(
                p("2025-Q3"), new BigDecimal("10"),
                p("2025-Q4"), new BigDecimal("20"),
                p("2026-Q1"), new BigDecimal("60")));
        assertEquals(new BigDecimal("30"), series.movingAverage(p("2026-Q1"), 3));
        assertEquals(new BigDecimal("40"), series.movingAverage(p("2026-Q1"), 2));
        assertNull(series.movingAverage(p("2026-Q2"), 2));
    }

    @Test
    void refusesPeriodsOfAnotherGrain() {
        assertThrows(IllegalArgumentException.class,
                () -> PeriodSeries.of(Grain.MONTH, Map.of(p("2026-Q1"), BigDecimal.ONE)));
    }
}
