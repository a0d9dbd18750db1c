package dev.kpikit.kpi;

import java.math.BigDecimal;

/**
 * A column's amounts added to the last digit, one row at a time: BIRT's own SUM adds doubles, whose 15 to 17
 * significant digits lose cents once a total passes about 9 x 10^13 (and units beyond 9 x 10^15).
 */
public final class ExactSum {

    private BigDecimal sum;

    /** Adds one row's amount; a row without one is skipped. */
    public void add(BigDecimal amount) {
        if (amount != null) {
            sum = sum == null ? amount : sum.add(amount);
        }
    }

    /** The sum; null when no row had an amount (a blank total, not a 0 that no row gave). */
    public BigDecimal value() {
        return sum;
    }
}
