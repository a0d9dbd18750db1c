package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * How much revenue depends on few accounts. Shares are fractions of current-period positive revenue
 * (a net-negative account counts as 0, see {@link NetNegative}), null when there is none.
 *
 * @param keyAccountShare share of the accounts in the model's best tier
 * @param majorCustomers  accounts at or above the major-customer share, biggest first
 */
public record ConcentrationSummary(BigDecimal hhi, ConcentrationBand band, BigDecimal topOneShare, int topN,
                                   BigDecimal topNShare, BigDecimal keyAccountShare, List<String> majorCustomers) {
}
