package dev.kpikit.kpi;

import static dev.kpikit.kpi.Expect.d;
import static dev.kpikit.kpi.Expect.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RollUpTest {

    private static final Goal AT_LEAST_100 = new Goal(d("100"), Direction.HIGHER_IS_BETTER, Tolerance.relative(d("0.1")));

    private static Kpi leaf(String id, String parent, String weight, String value) {
        return new Kpi(id, parent, d(weight), d(value), null, AT_LEAST_100, null);
    }

    private static Kpi group(String id, String parent, String weight) {
        return new Kpi(id, parent, d(weight), null, null, null, null);
    }

    @Test
    void parentScoresTheWeightedAverageOfItsChildren() {
        Map<String, BigDecimal> scores = RollUp.scores(List.of(
                group("all", null, null),
                group("finance", "all", "3"),
                leaf("revenue", "finance", "2", "120"),    // green  1, weight 2
                leaf("margin", "finance", null, "95"),      // amber  0, weight 1
                leaf("costs", "finance", "1", "50"),        // red   -1, weight 1
                leaf("nps", "all", "1", null),              // no score: left out
                group("people", "all", "1"),
                leaf("hires", "people", "1", "80")));       // red
        value("1", scores.get("revenue"));
        value("0.25", scores.get("finance"));              // (2 + 0 - 1) / 4
        value(null, scores.get("nps"));
        value("-1", scores.get("people"));
        value("-0.0625", scores.get("all"));               // (3 * 0.25 - 1) / 4
        assertEquals(Status.AMBER, Status.ofScore(scores.get("all")));
        assertEquals(Status.AMBER, Status.ofScore(scores.get("finance")));
    }

    @Test
    void parentWithoutScoredChildrenHasNoScore() {
        Map<String, BigDecimal> scores = RollUp.scores(List.of(group("g", null, null), leaf("a", "g", "1", null)));
        value(null, scores.get("g"));
    }

    /** A KPI with a target but no value says so; a group without a score says so when one of its KPIs waits for a value. */
    @Test
    void noValueIsToldApartFromNoTarget() {
        Kpi untargeted = new Kpi("visits", "traffic", null, d("1200"), null, null, null);
        Map<String, Status> statuses = RollUp.statuses(List.of(
                group("all", null, null),
                group("finance", "all", "1"),
                leaf("revenue", "finance", "1", null),     // target 100, no value
                group("traffic", "all", "1"),
                untargeted,                                // a value, no target
                group("people", "all", "1"),
                leaf("hires", "people", "1", "80")));      // red
        assertEquals(Status.NO_VALUE, statuses.get("revenue"));
        assertEquals(Status.NO_VALUE, statuses.get("finance"));
        assertEquals(Status.NONE, statuses.get("visits"));
        assertEquals(Status.NONE, statuses.get("traffic"));
        assertEquals(Status.RED, statuses.get("hires"));
        assertEquals(Status.RED, statuses.get("all"));     // scored by its one scored descendant
    }

    @Test
    void refusesCycles() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RollUp.scores(List.of(group("a", "b", null), group("b", "a", null))));
        assertEquals("KPI 'a' is its own ancestor", e.getMessage());
    }
}
