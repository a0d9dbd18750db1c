package dev.kpikit.kpi;

import static dev.kpikit.kpi.Expect.d;
import static dev.kpikit.kpi.Expect.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FormulasTest {

    record Ratio(String name, BinaryOperator<BigDecimal> formula) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every formula that is a plain numerator / denominator. */
    static List<Ratio> ratios() {
        return List.of(
                new Ratio("satisfactionRate", Formulas::satisfactionRate),
                new Ratio("averageRating", Formulas::averageRating),
                new Ratio("averageCompletionDays", Formulas::averageCompletionDays),
                new Ratio("onTimeShare", Formulas::onTimeShare),
                new Ratio("revenuePerConsultant", Formulas::revenuePerConsultant),
                new Ratio("conversionRate", Formulas::conversionRate),
                new Ratio("clickThroughRate", Formulas::clickThroughRate),
                new Ratio("returnOnAdSpend", Formulas::returnOnAdSpend),
                new Ratio("costPerAcquisition", Formulas::costPerAcquisition),
                new Ratio("revenuePerTable", Formulas::revenuePerTable),
                new Ratio("tableTurnoverRate", Formulas::tableTurnoverRate),
                new Ratio("repeatCustomerRate", Formulas::repeatCustomerRate),
                new Ratio("employeeProductivity", Formulas::employeeProductivity),
                new Ratio("defectFreeRate", Formulas::defectFreeRate),
                new Ratio("averageTimePerUnit", Formulas::averageTimePerUnit));
    }

    @ParameterizedTest
    @MethodSource("ratios")
    void ratiosDivideAndAreNullSafe(Ratio ratio) {
        value("0.25", ratio.formula().apply(d("30"), d("120")));
        value("-0.25", ratio.formula().apply(d("-30"), d("120")));
        value("0", ratio.formula().apply(d("0"), d("120")));
        value(null, ratio.formula().apply(d("30"), d("0")));
        value(null, ratio.formula().apply(d("30"), d("0.000")));
        value(null, ratio.formula().apply(d("30"), null));
        value(null, ratio.formula().apply(null, d("120")));
    }

    @Test
    void handComputedCases() {
        value("0.034", Formulas.conversionRate(d("340"), d("10000")));
        value("0.0125", Formulas.clickThroughRate(d("250"), d("20000")));
        value("4.2", Formulas.returnOnAdSpend(d("21000"), d("5000")));
        value("41.6", Formulas.costPerAcquisition(d("5200"), d("125")));
        value("12500", Formulas.revenuePerConsultant(d("150000"), d("12")));
        value("2.5", Formulas.tableTurnoverRate(d("50"), d("20")));
        value("4.35", Formulas.averageRating(d("87"), d("20")));
        value("0.92", Formulas.defectFreeRate(d("920"), d("1000")));
    }

    @Test
    void quotientsCarry34SignificantDigits() {
        value("0.3333333333333333333333333333333333", Formulas.onTimeShare(d("1"), d("3")));
        value("0.6666666666666666666666666666666667", Formulas.onTimeShare(d("2"), d("3")));
        assertEquals("0.1", Formulas.satisfactionRate(d("10.00"), d("100")).toString());
        assertEquals("12500", Formulas.revenuePerConsultant(d("150000"), d("12")).toString());
    }

    @Test
    void growth() {
        value("0.2", Formulas.periodGrowth(d("120"), d("100")));
        value("-0.25", Formulas.monthlyRevenueGrowth(d("75"), d("100")));
        // a loss that shrinks from -100 to -50 is growth of 50 % of its magnitude
        value("0.5", Formulas.periodGrowth(d("-50"), d("-100")));
        value("-2", Formulas.periodGrowth(d("-100"), d("100")));
        value(null, Formulas.periodGrowth(d("100"), d("0")));
        value(null, Formulas.periodGrowth(null, d("100")));
        value(null, Formulas.monthlyRevenueGrowth(d("100"), null));
    }

    @Test
    void cagr() {
        value("0.1", Formulas.cagr(d("100"), d("121"), d("2")));
        value("0.1", Formulas.cagr(d("1000"), d("1331"), d("3")));
        value("0.21", Formulas.cagr(d("100"), d("121"), d("1")));
        value("-0.5", Formulas.cagr(d("100"), d("25"), d("2")));
        value("-1", Formulas.cagr(d("100"), d("0"), d("4")));
        value("0.25992104989487", Formulas.cagr(d("1"), d("2"), d("3")));
        value("0.4641", Formulas.cagr(d("100"), d("121"), d("0.5")));
        value(null, Formulas.cagr(d("0"), d("121"), d("2")));
        value(null, Formulas.cagr(d("-100"), d("121"), d("2")));
        value(null, Formulas.cagr(d("100"), d("-121"), d("2")));
        value(null, Formulas.cagr(d("100"), d("121"), d("0")));
        value(null, Formulas.cagr(d("100"), d("121"), d("-1")));
        value(null, Formulas.cagr(null, d("121"), d("2")));
        value(null, Formulas.cagr(d("1e-300"), d("1e300"), d("0.01")));
    }

    @Test
    void movingAverage() {
        List<BigDecimal> values = Arrays.asList(d("10"), null, d("20"), d("30"), d("70"));
        value("40", Formulas.movingAverage(values, 3));
        value("70", Formulas.movingAverage(values, 1));
        value(null, Formulas.movingAverage(values, 4));
        value(null, Formulas.movingAverage(values, 6));
        value(null, Formulas.movingAverage(values, 0));
        value(null, Formulas.movingAverage(null, 2));
        value("-5", Formulas.movingAverage(List.of(d("-10"), d("0")), 2));
    }

    @Test
    void csatIsAShareOfTheBestScore() {
        value("0.84", Formulas.csat(d("420"), d("100"), d("5")));
        value(null, Formulas.csat(d("420"), d("0"), d("5")));
        value(null, Formulas.csat(d("420"), d("100"), d("0")));
        value(null, Formulas.csat(d("420"), d("100"), null));
    }

    @Test
    void tableTurnoverPerService() {
        value("1.25", Formulas.tableTurnoverRatePerService(d("50"), d("20"), d("2")));
        value(null, Formulas.tableTurnoverRatePerService(d("50"), d("20"), d("0")));
        value(null, Formulas.tableTurnoverRatePerService(d("50"), null, d("2")));
    }

    @Test
    void retentionRateLeavesNewCustomersOut() {
        // 200 at start, 230 at end of which 50 are new: 180 of the 200 stayed
        value("0.9", Formulas.retentionRate(d("230"), d("50"), d("200")));
        value(null, Formulas.retentionRate(d("230"), d("50"), d("0")));
        value(null, Formulas.retentionRate(d("230"), null, d("200")));
    }

    @Test
    void ratiosHelpers() {
        value("-2", Ratios.difference(d("3"), d("5")));
        value(null, Ratios.difference(null, d("5")));
        value("15", Ratios.product(d("3"), d("5")));
        value(null, Ratios.product(d("3"), null));
    }
}
