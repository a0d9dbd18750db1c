package dev.kpikit.kpi;

import static dev.kpikit.kpi.Expect.d;
import static dev.kpikit.kpi.Expect.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.junit.jupiter.api.Test;

class MetricAccumulatorTest {

    private static Map<String, BigDecimal> row(String visits, String conversions) {
        Map<String, BigDecimal> row = new HashMap<>();
        row.put("visits", d(visits));
        row.put("conversions", d(conversions));
        row.put("comment", BigDecimal.TEN); // not a metric
        return row;
    }

    @Test
    void sumsRowsIntoPeriodsOfEveryGrain() {
        MetricAccumulator accumulator = new MetricAccumulator(List.of("visits", "conversions"), List.of(Grain.MONTH, Grain.QUARTER));
        accumulator.add(LocalDate.of(2026, 1, 3), row("100", "3"));
        accumulator.add(LocalDate.of(2026, 1, 30), row("200", null));
        accumulator.add(LocalDate.of(2026, 3, 1), row("50", "1"));
        SortedMap<Period, Map<String, BigDecimal>> sums = accumulator.metricsByPeriod();

        assertEquals(List.of(Period.parse("2026-01"), Period.parse("2026-Q1"), Period.parse("2026-03")), List.copyOf(sums.keySet()));
        value("300", sums.get(Period.parse("2026-01")).get("visits"));
        value("3", sums.get(Period.parse("2026-01")).get("conversions"));
        value("350", sums.get(Period.parse("2026-Q1")).get("visits"));
        assertNull(sums.get(Period.parse("2026-Q1")).get("comment"));
        assertNull(sums.get(Period.parse("2026-02")));
    }

    @Test
    void matchesColumnsIgnoringCase() {
        MetricAccumulator accumulator = new MetricAccumulator(List.of("visits"), List.of(Grain.YEAR));
        accumulator.add(LocalDate.of(2026, 1, 3), Map.of("VISITS", BigDecimal.ONE));
        accumulator.add(LocalDate.of(2026, 5, 3), Map.of("Visits", BigDecimal.TWO));
        assertEquals(Map.of("visits", new BigDecimal("3")), accumulator.metricsByPeriod().get(Period.parse("2026")));
    }

    @Test
    void rowsOutOfDateOrderAndOnTheSameDayLandInTheirOwnPeriods() {
        MetricAccumulator accumulator = new MetricAccumulator(List.of("visits", "conversions"), List.of(Grain.MONTH));
        accumulator.add(LocalDate.of(2026, 1, 3), row("100", "3"));
        accumulator.add(LocalDate.of(2026, 1, 3), row("10", "1"));
        accumulator.add(LocalDate.of(2026, 2, 3), row("20", "2"));
        accumulator.add(LocalDate.of(2026, 1, 4), row("1", "0"));
        SortedMap<Period, Map<String, BigDecimal>> sums = accumulator.metricsByPeriod();
        value("111", sums.get(Period.parse("2026-01")).get("visits"));
        value("4", sums.get(Period.parse("2026-01")).get("conversions"));
        value("20", sums.get(Period.parse("2026-02")).get("visits"));
    }

    @Test
    void aMetricWithoutValuesStaysMissing() {
        MetricAccumulator accumulator = new MetricAccumulator(List.of("visits", "conversions"), List.of(Grain.MONTH));
        accumulator.add(LocalDate.of(2026, 1, 3), row("100", null));
        assertNull(accumulator.metricsByPeriod().get(Period.parse("2026-01")).get("conversions"));
    }

    @Test
    void refusesRowsWithoutDate() {
        MetricAccumulator accumulator = new MetricAccumulator(List.of("visits"), List.of(Grain.MONTH));
        assertThrows(IllegalArgumentException.class, () -> accumulator.add(null, Map.of("visits", BigDecimal.ONE)));
    }
}
