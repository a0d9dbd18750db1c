package dev.kpikit.kpi;

import java.math.BigDecimal;

/**
 * Sum of numerators / sum of denominators over rows, one row at a time: the conversion rate of
 * a month is all its conversions / all its visits. This is NOT the average of the per-row
 * ratios, which would give a day with 10 visits the same say as a day with 10,000.
 */
public final class RatioOfSums {

    private BigDecimal numerators = BigDecimal.ZERO;
    private BigDecimal denominators = BigDecimal.ZERO;

    /** Adds one row; a row missing either part is skipped whole, so the two sums stay paired. */
    public void add(BigDecimal numerator, BigDecimal denominator) {
        if (numerator != null && denominator != null) {
            numerators = numerators.add(numerator);
            denominators = denominators.add(denominator);
        }
    }

    /** Sum of numerators / sum of denominators; null when the denominators sum to zero (or no row counted). */
    public BigDecimal value() {
        return Ratios.divide(numerators, denominators);
    }
}
