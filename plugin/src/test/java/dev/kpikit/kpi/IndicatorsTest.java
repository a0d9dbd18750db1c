package dev.kpikit.kpi;

import static dev.kpikit.kpi.Expect.d;
import static dev.kpikit.kpi.Expect.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorsTest {

    @ParameterizedTest(name = "{0} vs {1} ({2}, {3}) is {4}")
    @CsvSource(nullValues = "null", value = {
            // higher is better, target 100, amber within 10 %
            "120, 100, higher, 0.1, GREEN",
            "100, 100, HIGHER, 0.1, GREEN",
            "90, 100, Up, 0.1, AMBER",
            "89.99, 100, higher, 0.1, RED",
            "95, 100, higher, null, RED",
            "95, 100, null, 0.1, AMBER",
            // lower is better, target 50, amber within 10 %
            "40, 50, lower, 0.1, GREEN",
            "55, 50, DOWN, 0.1, AMBER",
            "55.01, 50, lower, 0.1, RED",
            // a negative target: the band is relative to its magnitude
            "-110, -100, higher, 0.1, AMBER",
            "-111, -100, higher, 0.1, RED",
            // a target but no value is told apart from no target
            "null, 100, higher, 0.1, NO_VALUE",
            "100, null, higher, 0.1, NONE",
            "null, null, higher, 0.1, NONE"})
    void status(String value, String target, String direction, String tolerance, String expected) {
        assertEquals(expected, Indicators.status(d(value), d(target), direction, d(tolerance)));
        assertEquals(Status.valueOf(expected).score(), Indicators.statusScore(d(value), d(target), direction, d(tolerance)));
    }

    @Test
    void scores() {
        value("1", Indicators.statusScore(d("1"), d("1"), "higher", null));
        value("0", Indicators.statusScore(d("0.95"), d("1"), "higher", d("0.1")));
        value("-1", Indicators.statusScore(d("0.5"), d("1"), "higher", d("0.1")));
        value(null, Indicators.statusScore(null, d("1"), "higher", d("0.1")));
    }

    @Test
    void absoluteTolerance() {
        Goal goal = new Goal(d("0.9"), Direction.HIGHER_IS_BETTER, Tolerance.parse("0.05"));
        assertEquals(Status.AMBER, goal.status(d("0.85")));
        assertEquals(Status.RED, goal.status(d("0.849")));
        assertEquals(Tolerance.relative(d("0.125")), Tolerance.parse(" 12.5% "));
        assertThrows(IllegalArgumentException.class, () -> Tolerance.parse("ten"));
        assertThrows(IllegalArgumentException.class, () -> Tolerance.absolute(d("-1")));
    }

    @Test
    void unknownDirectionIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Indicators.status(d("1"), d("1"), "sideways", null));
        assertEquals("Unknown direction 'sideways': use \"higher\" (or \"up\") or \"lower\" (or \"down\")", e.getMessage());
    }

    @ParameterizedTest(name = "{0} after {1} with dead band {2} is {3}")
    @CsvSource(nullValues = "null", value = {
            "105, 100, 0.02, 1",
            "101, 100, 0.02, 0",
            "102, 100, 0.02, 0",
            "98, 100, 0.02, 0",
            "97, 100, 0.02, -1",
            "100.5, 100, null, 1",
            "100, 100, null, 0",
            "-90, -100, 0.05, 1",
            "-110, -100, 0.05, -1",
            "5, 0, 0.5, 1",
            "-5, 0, 0.5, -1",
            "0, 0, 0.5, 0",
            "null, 100, 0.02, null",
            "100, null, 0.02, null"})
    void trend(String current, String previous, String deadBand, String expected) {
        assertEquals(expected == null ? null : Integer.valueOf(expected), Indicators.trend(d(current), d(previous), d(deadBand)));
    }

    @Test
    void labelOfAContinuousScore() {
        assertEquals(Status.GREEN, Status.ofScore(d("0.5")));
        assertEquals(Status.AMBER, Status.ofScore(d("0.49")));
        assertEquals(Status.AMBER, Status.ofScore(d("-0.49")));
        assertEquals(Status.RED, Status.ofScore(d("-0.5")));
        assertEquals(Status.NONE, Status.ofScore(null));
    }

    @Test
    void kpiDerivesChangeAndTrend() {
        Kpi kpi = new Kpi("cpa", null, null, d("45"), d("50"),
                new Goal(d("48"), Direction.LOWER_IS_BETTER, Tolerance.relative(d("0.1"))), d("0.05"));
        assertEquals(Status.GREEN, kpi.status());
        value("-5", kpi.change());
        value("-0.1", kpi.relativeChange());
        assertEquals(-1, kpi.trend());
        Kpi withoutGoal = new Kpi("x", null, null, d("1"), null, null, null);
        assertEquals(Status.NONE, withoutGoal.status());
        assertNull(withoutGoal.statusScore());
        assertNull(withoutGoal.trend());
        assertNull(withoutGoal.change());
    }

    @Property
    void moreIsNeverWorseWhenHigherIsBetter(@ForAll @IntRange(min = -500, max = 500) int value,
                                            @ForAll @IntRange(min = 0, max = 50) int more,
                                            @ForAll @IntRange(min = -200, max = 200) int target) {
        BigDecimal low = Indicators.statusScore(BigDecimal.valueOf(value), BigDecimal.valueOf(target), "higher", d("0.1"));
        BigDecimal high = Indicators.statusScore(BigDecimal.valueOf(value + more), BigDecimal.valueOf(target), "higher", d("0.1"));
        assertTrue(high.compareTo(low) >= 0);
        BigDecimal lowerIsBetter = Indicators.statusScore(BigDecimal.valueOf(value + more), BigDecimal.valueOf(target), "lower", d("0.1"));
        assertTrue(lowerIsBetter.compareTo(Indicators.statusScore(BigDecimal.valueOf(value), BigDecimal.valueOf(target), "lower", d("0.1"))) <= 0);
    }
}
