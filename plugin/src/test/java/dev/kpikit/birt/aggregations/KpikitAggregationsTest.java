package dev.kpikit.birt.aggregations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.birt.data.engine.api.aggregation.Accumulator;
import org.eclipse.birt.data.engine.api.aggregation.IAggrFunction;
import org.eclipse.birt.data.engine.core.DataException;
import org.junit.jupiter.api.Test;

/** The accumulators driven the way BIRT's data engine drives them: start, rows, finish, once per pass. */
class KpikitAggregationsTest {

    private static final KpikitAggregations FACTORY = new KpikitAggregations();

    private static Object summary(String name, Object[]... rows) throws DataException {
        Accumulator accumulator = FACTORY.getAggregation(name).newAccumulator();
        accumulator.start();
        for (Object[] row : rows) {
            accumulator.onRow(row);
        }
        accumulator.finish();
        return accumulator.getValue();
    }

    @Test
    void hhiAndTopNShare() throws DataException {
        assertEquals(0, new BigDecimal("5200").compareTo((BigDecimal) summary("KA_HHI", new Object[] {60}, new Object[] {40.0})));
        assertEquals(0, new BigDecimal("0.7").compareTo((BigDecimal) summary("ka_top_n_share",
                new Object[] {10, 2}, new Object[] {40, 2}, new Object[] {30, 2}, new Object[] {20, 2})));
        // N left out: the five largest
        assertEquals(0, BigDecimal.ONE.compareTo((BigDecimal) summary("KA_TOP_N_SHARE", new Object[] {10}, new Object[] {40})));
    }

    @Test
    void aNetNegativeRevenueCountsAsAZeroShareInHhiTopNAndPareto() throws DataException {
        // 60 and 40 of positive revenue, one account at -700: the HHI of 60/40 alone, not a refusal
        assertEquals(0, new BigDecimal("5200").compareTo((BigDecimal) summary("KA_HHI",
                new Object[] {60}, new Object[] {-700}, new Object[] {40})));
        assertEquals(0, new BigDecimal("0.6").compareTo((BigDecimal) summary("KA_TOP_N_SHARE",
                new Object[] {60, 1}, new Object[] {-700, 1}, new Object[] {40, 1})));
        Accumulator accumulator = FACTORY.getAggregation("KA_PARETO_CLASS").newAccumulator();
        List<Object> values = List.of(60, -700, 40);
        List<Object> classes = new ArrayList<>();
        for (int pass = 1; pass <= 2; pass++) {
            accumulator.start();
            for (Object value : values) {
                accumulator.onRow(new Object[] {value});
                if (pass == 2) {
                    classes.add(accumulator.getValue());
                }
            }
            accumulator.finish();
        }
        assertEquals(List.of("A", "C", "A"), classes); // 40 has 60% above it: A; -700 has all of it: C
    }

    @Test
    void paretoClassIsARunningAggregationOverTwoPasses() throws DataException {
        IAggrFunction pareto = FACTORY.getAggregation("KA_PARETO_CLASS");
        assertEquals(IAggrFunction.RUNNING_AGGR, pareto.getType());
        assertEquals(2, pareto.getNumberOfPasses());
        // unsorted, total 100: 10 (larger values hold 80%: B), 50 (0%: A), 30 (50%: A), 8 (90%: B), 2 (98%: C)
        List<Object> values = List.of(10, 50, 30, 8, 2);
        Accumulator accumulator = pareto.newAccumulator();
        for (int pass = 1; pass <= 2; pass++) {
            accumulator.start();
            List<Object> classes = new ArrayList<>();
            for (Object value : values) {
                accumulator.onRow(new Object[] {value});
                classes.add(accumulator.getValue());
            }
            accumulator.finish();
            if (pass == 2) {
                assertEquals(List.of("B", "A", "A", "B", "C"), classes);
            }
        }
    }
}
