package dev.kpikit.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The traffic light of a KPI. Its score follows the SSAS convention: 1 green, 0 amber, -1 red,
 * null when there is no light: {@link #NO_VALUE} when the KPI has a target but no value for the
 * period (no metric rows, a blank, a zero divisor), {@link #NONE} when it has no target. The one
 * list of statuses: reports and the scoring workbook show each as the text {@code common.status.<NAME>}
 * (report-templates/i18n), scheduled mail's changes as {@code kpi.turned.<NAME>}.
 */
public enum Status {
    GREEN(BigDecimal.ONE), AMBER(BigDecimal.ZERO), RED(BigDecimal.ONE.negate()), NO_VALUE(null), NONE(null);

    private final BigDecimal score;

    Status(BigDecimal score) {
        this.score = score;
    }

    /** 1, 0 or -1; null for {@link #NO_VALUE} and {@link #NONE}. */
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
