package dev.kpikit.scoring;

import dev.kpikit.kpi.Ratios;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Streams revenue rows (date, account, amount) into per-account totals, so memory grows
 * with the number of accounts, never with the number of rows. Rows dated after the
 * as-of date are ignored: the ledger describes the business as it stood on that day.
 * See {@link PeriodLength} for how the current and previous periods are cut.
 */
public final class RevenueLedger {

    private final LocalDate asOf;
    private final PeriodLength periodLength;
    private final PeriodLength.DateRange currentPeriod;
    private final PeriodLength.DateRange previousPeriod;
    private final Map<String, Totals> totals = new TreeMap<>();
    private BigDecimal totalCurrent = BigDecimal.ZERO;
    private BigDecimal totalPrevious = BigDecimal.ZERO;

    public RevenueLedger(LocalDate asOf, PeriodLength periodLength) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.periodLength = Objects.requireNonNull(periodLength, "periodLength");
        this.currentPeriod = periodLength.current(asOf);
        this.previousPeriod = periodLength.previous(asOf);
    }

    public RevenueLedger add(LocalDate date, String accountId, BigDecimal amount) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(amount, "amount");
        if (date.isAfter(asOf)) {
            return this;
        }
        Totals account = totals.computeIfAbsent(accountId, id -> new Totals());
        account.lifetime = account.lifetime.add(amount);
        if (currentPeriod.contains(date)) {
            account.current = account.current.add(amount);
            totalCurrent = totalCurrent.add(amount);
        } else if (previousPeriod.contains(date)) {
            account.previous = account.previous.add(amount);
            totalPrevious = totalPrevious.add(amount);
        }
        if (amount.signum() > 0) {
            account.purchaseCount++;
            if (account.lastPurchase == null || date.isAfter(account.lastPurchase)) {
                account.lastPurchase = date;
            }
        }
        return this;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public PeriodLength periodLength() {
        return periodLength;
    }

    public PeriodLength.DateRange currentPeriod() {
        return currentPeriod;
    }

    public PeriodLength.DateRange previousPeriod() {
        return previousPeriod;
    }

    /** Revenue of all accounts in the current period. */
    public BigDecimal totalCurrent() {
        return totalCurrent;
    }

    public BigDecimal totalPrevious() {
        return totalPrevious;
    }

    /** Totals of one account; zeros for an account without rows. */
    public AccountRevenue revenue(String accountId) {
        Totals account = totals.getOrDefault(accountId, new Totals());
        return new AccountRevenue(accountId, account.current, account.previous, account.lifetime,
                account.lastPurchase, account.purchaseCount);
    }

    /** Every account that had a row up to the as-of date, sorted by id. */
    public List<AccountRevenue> accounts() {
        return totals.keySet().stream().map(this::revenue).toList();
    }

    /** The account's part of current-period revenue; null when the total is zero. */
    public BigDecimal share(String accountId) {
        return Ratios.divide(revenue(accountId).current(), totalCurrent);
    }

    /** Growth of the account's revenue against the previous period; null when it had none then. */
    public BigDecimal growth(String accountId) {
        AccountRevenue revenue = revenue(accountId);
        return Ratios.growth(revenue.current(), revenue.previous());
    }

    private static final class Totals {
        BigDecimal current = BigDecimal.ZERO;
        BigDecimal previous = BigDecimal.ZERO;
        BigDecimal lifetime = BigDecimal.ZERO;
        LocalDate lastPurchase;
        long purchaseCount;
    }
}
