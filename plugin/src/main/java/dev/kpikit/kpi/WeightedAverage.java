package dev.kpikit.kpi;

import java.math.BigDecimal;

/** Weighted average sum(value * weight) / sum(weight) over rows, one row at a time. */
public final class WeightedAverage {

    private BigDecimal weightedSum = BigDecimal.ZERO;
    private BigDecimal weights = BigDecimal.ZERO;

    /** Adds one row; a row missing its value or its weight is skipped. */
    public void add(BigDecimal value, BigDecimal weight) {
        if (value != null && weight != null) {
            weightedSum = weightedSum.add(value.multiply(weight));
            weights = weights.add(weight);
        }
    }

    /** The weighted average; null when the weights sum to zero (or no row counted). */
    public BigDecimal value() {
        return Ratios.divide(weightedSum, weights);
    }
}
