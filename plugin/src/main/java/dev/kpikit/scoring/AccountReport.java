package dev.kpikit.scoring;

/**
 * Everything a key-account report shows about one account.
 *
 * @param abc           null when total revenue is not positive
 * @param majorCustomer at or above the major-customer share of revenue
 */
public record AccountReport(int rank, Account account, AccountScore score, AccountRevenue revenue, AbcClass abc,
                            RfmScore rfm, boolean majorCustomer) {
}
