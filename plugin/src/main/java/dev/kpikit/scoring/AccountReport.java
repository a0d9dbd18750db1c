package dev.kpikit.scoring;

/**
 * Everything a key-account report shows about one account.
 *
 * @param abc            null when no account has positive revenue; C for a net-negative account
 * @param majorCustomer  at or above the major-customer share of revenue
 * @param inAccountTable false for an account that has revenue rows but no row in the account table (scored under its id)
 */
public record AccountReport(int rank, Account account, AccountScore score, AccountRevenue revenue, AbcClass abc,
                            RfmScore rfm, boolean majorCustomer, boolean inAccountTable) {

    /** Credit notes exceed invoices in the current period: the share counts as 0 (see {@link NetNegative}). */
    public boolean netNegative() {
        return NetNegative.is(revenue.current());
    }
}
