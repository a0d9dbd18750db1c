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

    @Test
    void refusesCycles() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RollUp.scores(List.of(group("a", "b", null), group("b", "a", null))));
        assertEquals("KPI 'a' is its own ancestor", e.getMessage());
    }
}
