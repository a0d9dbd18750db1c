package dev.kpikit.scoring;

import dev.kpikit.kpi.Ratios;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Revenue per account, ranked from the highest (ties by id), with the shares and the
 * concentration measures a key-account report shows. Shares are fractions (0.41 = 41%) of the
 * positive revenue, null when there is none: a net-negative account's share is 0 and the others'
 * add up to 100% (see {@link NetNegative}), while {@link #total()} keeps its negative revenue.
 */
public final class RevenueShares {

    /** An account at or above this share of revenue is a major customer (10%). */
    public static final BigDecimal MAJOR_CUSTOMER_SHARE = new BigDecimal("0.10");

    private final Map<String, BigDecimal> ranked = new LinkedHashMap<>();
    private final BigDecimal total;
    /** What shares are parts of: the revenue of the accounts that are not net-negative. */
    private final BigDecimal shareBase;

    public RevenueShares(Map<String, BigDecimal> revenueByAccount) {
        revenueByAccount.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> ranked.put(entry.getKey(), entry.getValue()));
        total = ranked.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        shareBase = ranked.values().stream().map(NetNegative::counted).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Current-period revenue of every account in the ledger. */
    public static RevenueShares of(RevenueLedger ledger) {
        Map<String, BigDecimal> revenue = new LinkedHashMap<>();
        ledger.accounts().forEach(account -> revenue.put(account.accountId(), account.current()));
        return new RevenueShares(revenue);
    }

    /** Revenue of all accounts, net-negative ones included. */
    public BigDecimal total() {
        return total;
    }

    /** Revenue by account, highest first, ties by id. */
    public Map<String, BigDecimal> ranked() {
        return Collections.unmodifiableMap(ranked);
    }

    public BigDecimal share(String accountId) {
        return Ratios.divide(NetNegative.counted(ranked.getOrDefault(accountId, BigDecimal.ZERO)), shareBase);
    }

    /** Share of the {@code n} biggest accounts together. */
    public BigDecimal topShare(int n) {
        return Ratios.divide(ranked.values().stream().limit(n).map(NetNegative::counted)
                .reduce(BigDecimal.ZERO, BigDecimal::add), shareBase);
    }

    /** Share of a group of accounts, such as the key accounts. */
    public BigDecimal shareOf(Collection<String> accountIds) {
        return Ratios.divide(accountIds.stream().distinct().map(id -> ranked.getOrDefault(id, BigDecimal.ZERO))
                .map(NetNegative::counted).reduce(BigDecimal.ZERO, BigDecimal::add), shareBase);
    }

    /** Accounts at or above {@code minShare} of revenue, biggest first. */
    public List<String> majorCustomers(BigDecimal minShare) {
        return ranked.entrySet().stream()
                .filter(entry -> shareBase.signum() > 0 && entry.getValue().compareTo(minShare.multiply(shareBase)) >= 0)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Positive revenue: the sum that shares are parts of. */
    public BigDecimal shareBase() {
        return shareBase;
    }

    /** Herfindahl-Hirschman index from 0 to 10,000; null when there is no positive revenue. */
    public BigDecimal hhi() {
        Concentration concentration = new Concentration();
        ranked.values().forEach(concentration::add);
        return concentration.hhi();
    }
}
