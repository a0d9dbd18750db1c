package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Revenue totals of one account up to the as-of date of a {@link RevenueLedger}.
 *
 * @param lastPurchase  date of the latest row with a positive amount; null when none
 * @param purchaseCount number of rows with a positive amount (credit notes are not purchases)
 */
public record AccountRevenue(String accountId, BigDecimal current, BigDecimal previous, BigDecimal lifetime,
                             LocalDate lastPurchase, long purchaseCount) {
}
