package dev.kpikit.kpi;

import static dev.kpikit.kpi.Expect.d;
import static dev.kpikit.kpi.Expect.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KpiFormulaTest {

    private static final List<String> METRICS = List.of("revenue", "consultants", "visits", "conversions");

    private static BigDecimal eval(String formula, Map<String, BigDecimal> metrics) {
        return KpiFormula.compile(formula, METRICS).evaluate(metrics, Map.of());
    }

    private static Map<String, BigDecimal> metrics(String... namesAndValues) {
        Map<String, BigDecimal> metrics = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            metrics.put(namesAndValues[i], d(namesAndValues[i + 1]));
        }
        return metrics;
    }

    @Test
    void kpikitFunctionsAndOperators() {
        Map<String, BigDecimal> m = metrics("revenue", "150000", "consultants", "12", "visits", "10000", "conversions", "340");
        value("12500", eval("revenue / consultants", m));
        value("12500", eval("DIVIDE(revenue, consultants)", m));
        value("0.034", eval("conversion_rate(conversions, visits)", m));
        value("3.4", eval("100 * conversions / visits", m));
        value("0.1", eval("CAGR(100, 121, 2)", m));
        value("0.2", eval("GROWTH(120, 100)", m));
        value("0.84", eval("CSAT(420, 100, 5)", m));
        value("0.034", eval("ROUND(conversions / visits, 3)", m));
    }

    @Test
    void divisionByZeroAndMissingMetricsGiveNull() {
        Map<String, BigDecimal> m = metrics("revenue", "150000", "consultants", "0", "visits", null);
        value(null, eval("revenue / consultants", m));
        value(null, eval("revenue / (consultants * 2)", m));
        value(null, eval("DIVIDE(revenue, consultants)", m));
        value(null, eval("revenue + visits", m));
        value(null, eval("-visits", m));
        value(null, eval("revenue * conversions", m)); // conversions absent from the map
        value(null, eval("CONVERSION_RATE(conversions, visits)", m));
    }

    @Test
    void numericBuiltInsPassMissingValuesOn() {
        Map<String, BigDecimal> m = metrics("revenue", null, "visits", "4");
        value(null, eval("ROUND(revenue, 2)", m));
        value(null, eval("SQRT(revenue)", m));
        value(null, eval("MAX(revenue, visits)", m));
        value("2", eval("SQRT(visits)", m));
        value("4", eval("COALESCE(revenue, 0) + visits", m));
    }

    @Test
    void comparingAMissingValueGivesAMissingValue() {
        // found by fuzzing: EvalEx ordered a missing value with a NullPointerException
        Map<String, BigDecimal> m = metrics("revenue", "125", "visits", null);
        value(null, eval("revenue > visits", m));
        value(null, eval("visits <= 3", m));
        value("1", eval("IF(revenue >= 100, 1, 0)", m));
        value(null, eval("IF(revenue > previous_revenue, 1, 0)", m));
    }

    @Test
    void metricNamesIgnoreCaseAsEvalExDoes() {
        value("2", eval("Revenue / CONSULTANTS", metrics("revenue", "10", "Consultants", "5")));
    }

    @Test
    void previousPeriodMetrics() {
        KpiFormula growth = KpiFormula.compile("GROWTH(revenue, previous_revenue)", METRICS);
        value("0.25", growth.evaluate(metrics("revenue", "125"), metrics("revenue", "100")));
        value(null, growth.evaluate(metrics("revenue", "125"), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "divide(conversions, visitz)        | Unknown metric 'visitz'                | 21",
            "revenue / consultant               | Unknown metric 'consultant'            | 11",
            "DIVDE(revenue, visits)             | Undefined function 'DIVDE'             | 1",
            "revenue * (visits                  | Closing brace not found                | 1",
            "revenue ** visits                  | Unexpected token after infix operator  | 10",
            "revenue visits                     | Too many operands                      | 1",
            "2 revenue                          | Missing operator                       | 3",
            "DIVIDE(revenue)                    | Not enough parameters for function     | 1",
            "GROWTH(revenue, visits, 1)         | Too many parameters for function       | 1",
            // EvalEx's own parser fails on this one with an internal error (found by fuzzing)
            "DIVIDE(visits, 0)DIVIDE(*visits, 0) | Not a valid formula: check its brackets, commas and operators | 1"})
    void refusedWithReasonAndPosition(String formula, String reason, int position) {
        FormulaException e = assertThrows(FormulaException.class, () -> KpiFormula.compile(formula, METRICS));
        assertEquals(reason, e.reason());
        assertEquals(position, e.position());
    }

    @Test
    void aTextResultIsAnError() {
        FormulaException e = assertThrows(FormulaException.class, () -> eval("\"abc\"", Map.of()));
        assertEquals("The result is not a number but STRING", e.reason());
    }

    @Test
    void theCatalogFunctionsAreTheDeclaredRegistry() {
        // a deliberate list: adding a function to the catalog language is a change customers see
        assertEquals(List.of("DIVIDE", "GROWTH", "PERIOD_GROWTH", "MONTHLY_REVENUE_GROWTH", "CAGR", "SATISFACTION_RATE",
                "CSAT", "AVERAGE_RATING", "AVERAGE_COMPLETION_DAYS", "ON_TIME_SHARE", "REVENUE_PER_CONSULTANT",
                "CONVERSION_RATE", "CLICK_THROUGH_RATE", "RETURN_ON_AD_SPEND", "COST_PER_ACQUISITION", "REVENUE_PER_TABLE",
                "TABLE_TURNOVER_RATE", "TABLE_TURNOVER_RATE_PER_SERVICE", "RETENTION_RATE", "REPEAT_CUSTOMER_RATE",
                "EMPLOYEE_PRODUCTIVITY", "DEFECT_FREE_RATE", "AVERAGE_TIME_PER_UNIT"),
                FormulaLanguage.FUNCTIONS.stream().map(FormulaLanguage.CatalogFunction::name).toList());
    }

    @Test
    void aFormulaHelperOutsideTheRegistryIsNotACatalogFunction() {
        // Formulas.movingAverage is public, but not declared for catalogs
        FormulaException e = assertThrows(FormulaException.class, () -> eval("MOVING_AVERAGE(revenue, visits)", Map.of()));
        assertEquals("Undefined function 'MOVING_AVERAGE'", e.reason());
    }

    @Test
    void everyRegistryFunctionTakesItsDeclaredArgumentsAndComputesItsFormula() {
        Map<String, BigDecimal> m = metrics("revenue", "150", "consultants", "12", "visits", "100", "conversions", "34");
        value("0.34", eval("TABLE_TURNOVER_RATE(conversions, visits)", m));
        value("0.1133333333333333333333333333333333", eval("TABLE_TURNOVER_RATE_PER_SERVICE(conversions, visits, 3)", m));
        value("0.34", eval("RETENTION_RATE(conversions, 0, visits)", m));
        value("0.5", eval("PERIOD_GROWTH(revenue, visits)", m));
        for (FormulaLanguage.CatalogFunction function : FormulaLanguage.FUNCTIONS) {
            String tooFew = function.name() + "(" + String.join(", ", java.util.Collections.nCopies(function.parameters().size() - 1, "revenue")) + ")";
            FormulaException e = assertThrows(FormulaException.class, () -> eval(tooFew, m), tooFew);
            assertEquals("Not enough parameters for function", e.reason(), tooFew);
        }
    }

    @Test
    void aFormulaAtTheLengthLimitEvaluates() {
        // the sum of 100 metrics with names of 9 characters: 999 characters, 99 operations deep
        String formula = "metric_01" + "+metric_01".repeat(99);
        assertEquals(KpiFormula.MAX_LENGTH - 1, formula.length());
        value("200", KpiFormula.compile(formula, List.of("metric_01")).evaluate(metrics("metric_01", "2"), Map.of()));
    }

    @Test
    void aFormulaOverTheLengthLimitIsRefusedBeforeItIsParsed() {
        String formula = "visits" + "+1".repeat(50_000);
        FormulaException e = assertThrows(FormulaException.class, () -> eval(formula, Map.of()));
        assertEquals("The formula is 100,006 characters long; the limit is 1,000", e.reason());
    }

    @Test
    void parenthesesNestedDeeperThanTheLimitAreRefused() {
        String formula = "(".repeat(21) + "visits" + ")".repeat(21);
        FormulaException e = assertThrows(FormulaException.class, () -> eval(formula, Map.of()));
        assertEquals("Parentheses nest deeper than the limit of 20", e.reason());
        assertEquals(21, e.position());
        value("7", eval("(".repeat(20) + "visits" + ")".repeat(20), metrics("visits", "7")));
    }

    /** Each formula's result or failure, evaluated on a worker thread of 256 KB, a quarter of the JVM's default stack. */
    private static List<Object> onASmallStack(List<String> formulas) throws InterruptedException {
        List<Object> results = new java.util.ArrayList<>();
        Thread worker = new Thread(null, () -> {
            for (String formula : formulas) {
                try {
                    results.add(eval(formula, metrics("visits", "2")));
                } catch (Throwable t) {
                    results.add(t);
                }
            }
        }, "small-stack", 256 * 1024);
        worker.start();
        worker.join();
        return results;
    }

    @Test
    void theDeepestFormulasWithinTheLimitsEvaluateOnASmallThreadStack() throws Exception {
        List<Object> results = onASmallStack(List.of(
                "-".repeat(KpiFormula.MAX_DEPTH) + "visits",
                "visits" + "+1".repeat(KpiFormula.MAX_DEPTH),
                "visits" + "^1".repeat(KpiFormula.MAX_DEPTH),
                "DIVIDE(".repeat(KpiFormula.MAX_NESTING) + "visits" + ", 1)".repeat(KpiFormula.MAX_NESTING)));
        assertEquals(List.of(d("2"), d("102"), d("2"), d("2")), results);
    }

    @Test
    void operationsNestedDeeperThanTheLimitAreRefusedBeforeEvaluationRecursesOnThem() throws Exception {
        // within the length limit, these once overflowed a small stack
        String minuses = "-".repeat(KpiFormula.MAX_LENGTH - 6) + "visits";
        String sum = "visits" + "+1".repeat((KpiFormula.MAX_LENGTH - 6) / 2);
        for (Object result : onASmallStack(List.of(minuses, sum))) {
            FormulaException e = assertInstanceOf(FormulaException.class, result);
            assertEquals("Operations nest deeper than the limit of 100", e.reason());
        }
    }
}
