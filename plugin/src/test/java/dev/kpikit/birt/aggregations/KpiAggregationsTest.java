package dev.kpikit.birt.aggregations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;

import org.eclipse.birt.core.data.DataType;
import org.eclipse.birt.data.engine.api.aggregation.Accumulator;
import org.eclipse.birt.data.engine.api.aggregation.IAggrFunction;
import org.eclipse.birt.data.engine.core.DataException;
import org.junit.jupiter.api.Test;

/** The KPI aggregations as BIRT's data engine drives them: start, one onRow per row, finish, getValue. */
class KpiAggregationsTest {

    private static final KpikitAggregations FACTORY = new KpikitAggregations();

    private static Object aggregate(String name, List<Object[]> rows) throws DataException {
        Accumulator accumulator = FACTORY.getAggregation(name).newAccumulator();
        accumulator.start();
        for (Object[] row : rows) {
            accumulator.onRow(row);
        }
        accumulator.finish();
        return accumulator.getValue();
    }

    private static void assertNumber(String expected, Object actual) {
        assertTrue(actual instanceof BigDecimal, "expected a BigDecimal, was " + actual);
        assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual), "expected " + expected + ", was " + actual);
    }

    @Test
    void ratioOfSumsDiffersFromTheAverageOfRatios() throws Exception {
        // 1 conversion of 10 visits (10 %) and 100 of 10,000 (1 %): 101 / 10,010, not (10 % + 1 %) / 2
        assertNumber("0.01008991008991008991008991008991009",
                aggregate("KPI_RATIO_OF_SUMS", List.of(new Object[] {1, 10}, new Object[] {100.0, new BigDecimal("10000")})));
        assertNull(aggregate("KPI_RATIO_OF_SUMS", List.<Object[]>of(new Object[] {5, 0})));
        assertNull(aggregate("KPI_RATIO_OF_SUMS", List.of()));
        assertNumber("0.2", aggregate("KPI_RATIO_OF_SUMS", List.of(new Object[] {"2", 10}, new Object[] {7, null})));
    }

    /** 12345678901234567 + 1 + 1 as doubles is 12345678901234568; a total in a report must be 12345678901234569. */
    @Test
    void exactSumKeepsEveryDigitWhereDoublesDrift() throws Exception {
        assertEquals(new BigDecimal("12345678901234569"), aggregate("KPI_SUM",
                List.of(new Object[] {new BigDecimal("12345678901234567")}, new Object[] {1}, new Object[] {new BigDecimal("1")})));
        assertEquals(new BigDecimal("1234567890123456789012355.01"), aggregate("KPI_SUM",
                List.of(new Object[] {new BigDecimal("1234567890123456789012345.01")}, new Object[] {10}, new Object[] {null})));
        assertEquals(new BigDecimal("0.30"), aggregate("KPI_SUM", List.of(new Object[] {"0.10"}, new Object[] {new BigDecimal("0.20")})));
    }

    /** A total over no rows (a period without revenue) is 0, as in Excel, not a blank a reader takes for a missing figure. */
    @Test
    void exactSumOfNoRowsOrOnlyBlankRowsIsZero() throws Exception {
        assertEquals(BigDecimal.ZERO, aggregate("KPI_SUM", List.of()));
        assertEquals(BigDecimal.ZERO, aggregate("KPI_SUM", List.<Object[]>of(new Object[] {null})));
    }

    @Test
    void weightedAverage() throws Exception {
        assertNumber("1.75", aggregate("KPI_WEIGHTED_AVERAGE",
                List.of(new Object[] {4, 1}, new Object[] {1.0, 3}, new Object[] {100, null})));
    }

    @Test
    void periodGrowthByGrainAndFromFirstToLastDate() throws Exception {
        List<Object[]> rows = List.of(
                new Object[] {Date.valueOf("2026-03-15"), 60, "month"},
                new Object[] {Date.valueOf("2026-02-01"), 100, "month"},
                new Object[] {new java.util.Date(Date.valueOf("2026-03-02").getTime()), 50.0, "month"},
                new Object[] {"2026-01-10", 80, "month"});
        assertNumber("0.1", aggregate("KPI_PERIOD_GROWTH", rows)); // March 110 over February 100
        List<Object[]> withoutGrain = rows.stream().map(row -> new Object[] {row[0], row[1]}).toList();
        assertNumber("-0.25", aggregate("KPI_PERIOD_GROWTH", withoutGrain)); // 60 on 03-15 over 80 on 01-10
        assertNull(aggregate("KPI_PERIOD_GROWTH", List.of(
                new Object[] {"2026-03-01", 5, "MONTH"}, new Object[] {"2026-01-01", 5, "MONTH"})), "a gap in February");
    }

    @Test
    void badArgumentsNameTheAggregation() {
        DataException grain = assertThrows(DataException.class,
                () -> aggregate("KPI_PERIOD_GROWTH", List.<Object[]>of(new Object[] {"2026-03-01", 5, "WEEK"})));
        assertTrue(grain.getMessage().contains("KPI_PERIOD_GROWTH: grain 'WEEK'"), grain.getMessage());
        DataException number = assertThrows(DataException.class,
                () -> aggregate("KPI_RATIO_OF_SUMS", List.<Object[]>of(new Object[] {"many", 5})));
        assertTrue(number.getMessage().contains("KPI_RATIO_OF_SUMS: expected a number, found 'many'"), number.getMessage());
    }

    @Test
    void theBuilderOffersDateColumnsForTheDateAndNumbersForValues() {
        IAggrFunction growth = FACTORY.getAggregation("kpi_period_growth");
        assertEquals(List.of("date", "value", "grain"), List.of(growth.getParameterDefn()).stream().map(p -> p.getName()).toList());
        assertTrue(growth.getParameterDefn()[0].supportDataType(DataType.DATE_TYPE));
        assertFalse(growth.getParameterDefn()[1].supportDataType(DataType.DATE_TYPE));
        assertTrue(growth.getParameterDefn()[2].isOptional());
    }
}
