package dev.kpikit.kpi;

import static dev.kpikit.kpi.Expect.d;
import static dev.kpikit.kpi.Expect.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AccumulatorsTest {

    @Test
    void ratioOfSumsIsNotTheAverageOfRatios() {
        // day 1: 1 conversion of 10 visits (10 %); day 2: 100 of 10,000 visits (1 %)
        RatioOfSums conversion = new RatioOfSums();
        conversion.add(d("1"), d("10"));
        conversion.add(d("100"), d("10000"));
        value("0.01008991008991008991008991008991009", conversion.value());

        WeightedAverage averageOfRatios = new WeightedAverage();
        averageOfRatios.add(Formulas.conversionRate(d("1"), d("10")), BigDecimal.ONE);
        averageOfRatios.add(Formulas.conversionRate(d("100"), d("10000")), BigDecimal.ONE);
        value("0.055", averageOfRatios.value());
    }

    @Test
    void ratioOfSumsSkipsIncompleteRowsAndZeroDenominators() {
        RatioOfSums ratio = new RatioOfSums();
        value(null, ratio.value());
        ratio.add(d("5"), null);
        ratio.add(null, d("50"));
        value(null, ratio.value());
        ratio.add(d("3"), d("10"));
        ratio.add(d("-1"), d("-10"));
        value(null, ratio.value());
        ratio.add(d("2"), d("20"));
        value("0.2", ratio.value());
    }

    @Test
    void weightedAverage() {
        WeightedAverage average = new WeightedAverage();
        average.add(d("4"), d("1"));
        average.add(d("1"), d("3"));
        average.add(d("100"), null);
        average.add(null, d("100"));
        value("1.75", average.value());
        value(null, new WeightedAverage().value());
    }

    @Test
    void growthFromFirstToLastDateInAnyOrder() {
        PeriodGrowth growth = PeriodGrowth.firstToLast();
        growth.add(LocalDate.of(2026, 3, 31), d("90"));
        growth.add(LocalDate.of(2026, 1, 1), d("50"));
        growth.add(LocalDate.of(2026, 2, 15), d("1000"));
        growth.add(LocalDate.of(2026, 1, 1), d("50"));
        growth.add(LocalDate.of(2026, 3, 31), d("30"));
        value("0.2", growth.value());
    }

    @Test
    void growthNeedsTwoDates() {
        PeriodGrowth growth = PeriodGrowth.firstToLast();
        growth.add(LocalDate.of(2026, 1, 1), d("50"));
        growth.add(LocalDate.of(2026, 1, 1), d("60"));
        value(null, growth.value());
    }

    @Test
    void growthOfLastPeriodOverTheCalendarPeriodBefore() {
        PeriodGrowth growth = PeriodGrowth.lastTwoPeriods(Grain.MONTH);
        growth.add(LocalDate.of(2026, 2, 3), d("40"));
        growth.add(LocalDate.of(2026, 3, 9), d("50"));
        growth.add(LocalDate.of(2026, 2, 20), d("60"));
        growth.add(LocalDate.of(2025, 12, 1), d("1"));
        value("-0.5", growth.value());

        PeriodGrowth withGap = PeriodGrowth.lastTwoPeriods(Grain.MONTH);
        withGap.add(LocalDate.of(2026, 1, 31), d("100"));
        withGap.add(LocalDate.of(2026, 3, 1), d("120"));
        value(null, withGap.value());
    }

    @Test
    void repeatCustomers() {
        RepeatCustomers customers = new RepeatCustomers();
        value(null, customers.rate());
        for (String customer : new String[] {"ann", "bob", "ann", "cid", "ann", "bob", "dan"}) {
            customers.add(customer);
        }
        customers.add(null);
        assertEquals(4, customers.customers());
        assertEquals(2, customers.repeatCustomers());
        value("0.5", customers.rate());
    }

    @Property
    void ratioOfSumsIgnoresRowOrder(@ForAll @Size(min = 1, max = 30) List<@IntRange(min = -1000, max = 1000) Integer> numerators,
                                    @ForAll @IntRange(min = 1, max = 1000) int denominator) {
        List<BigDecimal[]> rows = new ArrayList<>();
        for (int i = 0; i < numerators.size(); i++) {
            rows.add(new BigDecimal[] {BigDecimal.valueOf(numerators.get(i)), BigDecimal.valueOf(denominator + i)});
        }
        RatioOfSums inOrder = new RatioOfSums();
        rows.forEach(row -> inOrder.add(row[0], row[1]));
        Collections.reverse(rows);
        RatioOfSums reversed = new RatioOfSums();
        rows.forEach(row -> reversed.add(row[0], row[1]));
        assertEquals(inOrder.value(), reversed.value());
    }
}
