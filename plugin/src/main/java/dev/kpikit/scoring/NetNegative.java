package dev.kpikit.scoring;

import java.math.BigDecimal;

/**
 * How an account's net-negative revenue counts: the definition, written once for every measure that
 * takes shares of revenue. An account is net-negative when its credit notes exceed its invoices in
 * the period (refunds, a year that starts with a credit). It is still scored; its share of revenue
 * counts as 0 for the revenue-share factor, the HHI, the top-N share and the Pareto (ABC) classes, so
 * the shares of the other accounts are parts of the positive revenue and add up to 100%. Its negative
 * revenue still counts in revenue totals.
 */
public final class NetNegative {

    private NetNegative() {
    }

    /** True for a negative revenue; false for zero, positive or null. */
    public static boolean is(BigDecimal revenue) {
        return revenue != null && revenue.signum() < 0;
    }

    /** The revenue a share counts: a negative revenue counts as zero; null stays null. */
    public static BigDecimal counted(BigDecimal revenue) {
        return is(revenue) ? BigDecimal.ZERO : revenue;
    }
}
