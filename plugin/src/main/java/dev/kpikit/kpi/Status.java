package dev.kpikit.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The traffic light of a KPI. Its score follows the SSAS convention: 1 green, 0 amber, -1 red,
 * null when there is no status (no value or no target).
 */
public enum Status {
    GREEN(BigDecimal.ONE), AMBER(BigDecimal.ZERO), RED(BigDecimal.ONE.negate()), NONE(null);

    private final BigDecimal score;

    Status(BigDecimal score) {
        this.score = score;
    }

    /** 1, 0 or -1; null for {@link #NONE}. */
    public BigDecimal score() {
        return score;
    }

    /**
     * The label of a continuous score such as a scorecard roll-up: the nearest of 1, 0 and -1,
     * halfway going outward (0.5 is green, -0.5 red). Null gives {@link #NONE}.
     */
    public static Status ofScore(BigDecimal score) {
        if (score == null) {
            return NONE;
        }
        int nearest = score.setScale(0, RoundingMode.HALF_UP).signum();
        return nearest > 0 ? GREEN : nearest < 0 ? RED : AMBER;
    }
}
