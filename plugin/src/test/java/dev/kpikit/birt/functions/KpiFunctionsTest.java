package dev.kpikit.birt.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.eclipse.birt.core.exception.BirtException;
import org.junit.jupiter.api.Test;

/**
 * The KPI category as BIRT calls it: through the factory's executors, with the argument types
 * reports pass (Integer, Double, BigDecimal, String, null, fewer arguments than declared). The
 * formulas themselves are tested in the core (FormulasTest, IndicatorsTest).
 */
class KpiFunctionsTest {

    private static final KpiFunctions.Factory FACTORY = new KpiFunctions.Factory();

    private static Object call(String function, Object... arguments) throws BirtException {
        return FACTORY.getFunctionExecutor(function).execute(arguments, null);
    }

    private static void assertNumber(String expected, Object actual) {
        assertTrue(actual instanceof BigDecimal, "expected a BigDecimal, was " + actual);
        assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual), "expected " + expected + ", was " + actual);
    }

    @Test
    void integerDoubleDecimalAndTextArgumentsAllCount() throws Exception {
        assertNumber("0.03", call("conversionRate", 30, 1000.0));
        assertNumber("0.025", call("clickThroughRate", new BigDecimal("250"), "10000"));
        assertNumber("4.5", call("returnOnAdSpend", 9000, 2000));
        assertNumber("62.5", call("costPerAcquisition", 2500.0, 40));
        // a double such as 0.1 arrives as its shortest decimal, not as 0.1000000000000000055...
        assertNumber("0.5", call("divide", 0.1, 0.2));
    }

    @Test
    void zeroOrMissingDenominatorAndMissingArgumentsGiveBlank() throws Exception {
        assertNull(call("divide", 5, 0));
        assertNull(call("satisfactionRate", 5, null));
        assertNull(call("revenuePerTable", null, 12));
        assertNull(call("defectFreeRate", 5, ""));
        assertNull(call("growth", 110, 0.0));
        // BIRT calls with nulls after the last row: every function answers blank
        for (FunctionCatalog.Function function : FunctionCatalog.describe(KpiFunctions.class).functions()) {
            Object[] nulls = new Object[function.arguments().size()];
            assertTrue(call(function.name(), nulls) == null || "NONE".equals(call(function.name(), nulls)), function.name());
        }
        // NaN is what JavaScript arithmetic on a blank gives
        assertNull(call("averageRating", Double.NaN, 4));
    }

    @Test
    void negativeValuesAreComputedAsGiven() throws Exception {
        assertNumber("-0.25", call("growth", -50, -40));
        assertNumber("3.5", call("growth", 10, -4)); // (10 - -4) / |-4|: from a loss to a profit is growth
        assertNumber("-12.5", call("revenuePerConsultant", -100, 8));
    }

    @Test
    void everyScenarioFormulaIsReachable() throws Exception {
        assertNumber("0.1", call("cagr", 100, 121, 2));
        assertNumber("0.8", call("csat", 40, 10, 5));
        assertNumber("4.2", call("averageRating", 42, 10));
        assertNumber("12.5", call("averageCompletionDays", 100, 8));
        assertNumber("0.75", call("onTimeShare", 6, 8));
        assertNumber("3", call("tableTurnoverRate", 60, 20));
        assertNumber("1.5", call("tableTurnoverRatePerService", 60, 20, 2));
        assertNumber("0.9", call("retentionRate", 110, 20, 100));
        assertNumber("0.4", call("repeatCustomerRate", 40, 100));
        assertNumber("12", call("employeeProductivity", 96, 8));
        assertNumber("0.98", call("defectFreeRate", 98, 100));
        assertNumber("2.5", call("averageTimePerUnit", 10, 4));
        assertNumber("0.85", call("satisfactionRate", 85, 100));
        assertNumber("1250", call("revenuePerTable", 25000, 20));
    }

    @Test
    void movingAverageTakesAJavaScriptArrayAndAWindow() throws Exception {
        // Rhino hands a JavaScript array over as a java.util.List of Integer and Double
        assertNumber("20", call("movingAverage", List.of(5, 10.0, 20, 30), 3));
        assertNumber("15", call("movingAverage", new Object[] {"10", 20}, 2.0));
        assertNull(call("movingAverage", List.of(1, 2), 3));
        assertNull(call("movingAverage", Arrays.asList(1, null, 3), 2), "a gap in the window is not a smaller window");
        assertNull(call("movingAverage", List.of(1, 2), null));
    }

    @Test
    void statusScoreAndTrend() throws Exception {
        assertEquals("GREEN", call("status", 0.031, 0.03, "higher", 0.1));
        assertEquals("AMBER", call("status", 0.028, 0.03, "higher", 0.1));
        assertEquals("RED", call("status", 0.026, 0.03, "higher", 0.1));
        assertEquals("GREEN", call("status", 45, 50, "lower", null));
        assertEquals("AMBER", call("status", 54, 50, "down", "0.1"));
        // direction and tolerance are optional: higher is better, no amber band
        assertEquals("RED", call("status", 0.029, 0.03));
        assertEquals("NO_VALUE", call("status", null, 0.03));
        assertEquals("NONE", call("status", 0.03, null));
        assertNull(call("statusScore", null, 0.03));
        assertNumber("-1", call("statusScore", 60, 50, "lower", 0.1));
        assertNumber("0", call("statusScore", 52, 50, "lower", 0.1));
        assertNull(call("statusScore", 52, null, "lower", 0.1));
        assertEquals(1, call("trend", 105, 100));
        assertEquals(0, call("trend", 100.5, 100, 0.01));
        assertEquals(-1, call("trend", 90, 100, 0.01));
        assertNull(call("trend", 90, null));
    }

    @Test
    void badArgumentsAreNamedInTheError() throws Exception {
        BirtException direction = assertThrows(BirtException.class, () -> call("status", 1, 2, "sideways", null));
        assertTrue(direction.getMessage().contains("KPI.status") && direction.getMessage().contains("sideways"), direction.getMessage());
        BirtException text = assertThrows(BirtException.class, () -> call("divide", "ten", 2));
        assertTrue(text.getMessage().contains("KPI.divide, argument 'numerator'") && text.getMessage().contains("'ten'"),
                text.getMessage());
        BirtException window = assertThrows(BirtException.class, () -> call("movingAverage", List.of(1), 1.5));
        assertTrue(window.getMessage().contains("argument 'window'"), window.getMessage());
    }
}
