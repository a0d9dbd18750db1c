package dev.kpikit.kpi;

import java.math.BigDecimal;

/**
 * A column's amounts added to the last digit, one row at a time: BIRT's own SUM adds doubles, whose 15 to 17
 * significant digits lose cents once a total passes about 9 x 10^13 (and units beyond 9 x 10^15).
 */
public final class ExactSum {

    private BigDecimal sum = BigDecimal.ZERO;

    /** Adds one row's amount; a row without one is skipped. */
    public void add(BigDecimal amount) {
        if (amount != null) {
            sum = sum.add(amount);
        }
    }

    /**
     * The sum; 0 when no row had an amount, as Excel's SUM says: a report's total over a period without rows reads 0,
     * not a blank a finance reader takes for a missing figure.
     */
    public BigDecimal value() {
        return sum;
    }
}
