package dev.kpikit.scoring;

import dev.kpikit.kpi.Ratios;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Streams revenue rows (date, account, amount) into per-account totals, so memory grows
 * with the number of accounts, never with the number of rows. Rows dated after the
 * as-of date are ignored: the ledger describes the business as it stood on that day.
 * See {@link PeriodLength} for how the current and previous periods are cut. Totals are
 * kept in columns indexed by account number (in the order accounts first appeared): about
 * 100 bytes an account, so millions of accounts fit in a small heap.
 */
public final class RevenueLedger {

    /** {@link #lastPurchase} of an account without a purchase. */
    private static final int NO_PURCHASE = Integer.MIN_VALUE;

    private final LocalDate asOf;
    private final PeriodLength periodLength;
    private final PeriodLength.DateRange currentPeriod;
    private final PeriodLength.DateRange previousPeriod;
    /** Final but for {@link #joined}, which gives it once built beside the columns (before the ledger is shared). */
    private IdIndex ids;
    private final MoneyColumn current = new MoneyColumn();
    private final MoneyColumn previous = new MoneyColumn();
    private final MoneyColumn lifetime = new MoneyColumn();
    /** Epoch day of the latest purchase, {@link #NO_PURCHASE} when none. */
    private int[] lastPurchase = new int[0];
    private int[] purchaseCount = new int[0];
    /** Epoch days of the as-of date and of the periods' first and last days, for rows given as epoch days. */
    private final int asOfDay;
    private final int currentStart;
    private final int currentEnd;
    private final int previousStart;
    private final int previousEnd;
    /** {@link #totalCurrent()}, {@link #totalPrevious()}, {@link #shareBase()} once computed; null again after a row. */
    private volatile BigDecimal totalCurrent;
    private volatile BigDecimal totalPrevious;
    private volatile BigDecimal shareBase;
    /** Whether one of the totals above was computed since the last row. */
    private boolean totalsComputed;

    public RevenueLedger(LocalDate asOf, PeriodLength periodLength) {
        this(asOf, periodLength, 0);
    }

    /**
     * A ledger with room for {@code expectedAccounts} before its columns grow: {@link RevenueBuckets} joins its
     * buckets into one of the accounts' number, so that the join holds no grown copy of a column beside the buckets.
     */
    RevenueLedger(LocalDate asOf, PeriodLength periodLength, int expectedAccounts) {
        this(asOf, periodLength, new IdIndex(expectedAccounts), expectedAccounts);
    }

    private RevenueLedger(LocalDate asOf, PeriodLength periodLength, IdIndex ids, int expectedAccounts) {
        this.ids = ids;
        if (expectedAccounts > 0) {
            reserve(expectedAccounts);
        }
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.periodLength = Objects.requireNonNull(periodLength, "periodLength");
        this.currentPeriod = periodLength.current(asOf);
        this.previousPeriod = periodLength.previous(asOf);
        this.asOfDay = Math.toIntExact(asOf.toEpochDay());
        this.currentStart = Math.toIntExact(currentPeriod.start().toEpochDay());
        this.currentEnd = Math.toIntExact(currentPeriod.end().toEpochDay());
        this.previousStart = Math.toIntExact(previousPeriod.start().toEpochDay());
        this.previousEnd = Math.toIntExact(previousPeriod.end().toEpochDay());
    }

    public RevenueLedger add(LocalDate date, String accountId, BigDecimal amount) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(amount, "amount");
        if (date.isAfter(asOf)) {
            return this;
        }
        int account = number(accountId);
        lifetime.add(account, amount);
        if (currentPeriod.contains(date)) {
            current.add(account, amount);
            totalsChanged();
        } else if (previousPeriod.contains(date)) {
            previous.add(account, amount);
            totalsChanged();
        }
        if (amount.signum() > 0) {
            purchaseCount[account]++;
            lastPurchase[account] = Math.max(lastPurchase[account], Math.toIntExact(date.toEpochDay()));
        }
        return this;
    }

    /**
     * Adds a row as a CSV scanner reads it, without a LocalDate or BigDecimal: the same as {@link #add(LocalDate,
     * String, BigDecimal)} with {@code LocalDate.ofEpochDay(epochDay)} and {@code BigDecimal.valueOf(unscaledAmount,
     * amountScale)} ({@code amountScale} 0 or more).
     */
    public RevenueLedger add(int epochDay, String accountId, long unscaledAmount, int amountScale) {
        addNumbered(epochDay, accountId, unscaledAmount, amountScale);
        return this;
    }

    /** As {@link #add(int, String, long, int)}: the account's number, -1 for a row after the as-of date (ignored). */
    int addNumbered(int epochDay, String accountId, long unscaledAmount, int amountScale) {
        Objects.requireNonNull(accountId, "accountId");
        return epochDay > asOfDay ? -1 : addRow(epochDay, number(ids.add(accountId)), unscaledAmount, amountScale);
    }

    /** As {@link #add(int, byte[], int, int, long, int)}: the account's number, -1 for a row after the as-of date. */
    int addNumbered(int epochDay, byte[] id, int from, int to, long unscaledAmount, int amountScale) {
        return epochDay > asOfDay ? -1 : addRow(epochDay, number(ids.add(id, from, to)), unscaledAmount, amountScale);
    }

    /**
     * As {@link #add(int, String, long, int)}, the account id given as the ASCII text {@code id[from, to)} (a CSV
     * cell's bytes): no String is made of it unless the account is new.
     */
    public RevenueLedger add(int epochDay, byte[] id, int from, int to, long unscaledAmount, int amountScale) {
        addNumbered(epochDay, id, from, to, unscaledAmount, amountScale);
        return this;
    }

    private int addRow(int epochDay, int account, long unscaledAmount, int amountScale) {
        lifetime.add(account, unscaledAmount, amountScale);
        if (epochDay >= currentStart && epochDay <= currentEnd) {
            current.add(account, unscaledAmount, amountScale);
            totalsChanged();
        } else if (epochDay >= previousStart && epochDay <= previousEnd) {
            previous.add(account, unscaledAmount, amountScale);
            totalsChanged();
        }
        if (unscaledAmount > 0) {
            purchaseCount[account]++;
            lastPurchase[account] = Math.max(lastPurchase[account], epochDay);
        }
        return account;
    }

    /**
     * The parts' accounts (of the same as-of date and period length, no account in two of them, see
     * {@link RevenueBuckets}) as one ledger, numbered {@code numbers[i]} for the i-th account of the parts taken in
     * turn (the first part's accounts, then the second's, ...), the numbers together 0 to its length - 1: the same
     * ledger, to the last decimal and scale, as adding each account's rows in the order of the numbers. The parts are
     * read in turn, not an account at a time from any of them (each read a cache miss); ids and totals side by side.
     * Totals are left as they are: for a ledger being built.
     */
    static RevenueLedger joined(LocalDate asOf, PeriodLength periodLength, RevenueLedger[] parts, int[] numbers) {
        int total = numbers.length;
        IdIndex[] partIds = new IdIndex[parts.length];
        for (int p = 0; p < parts.length; p++) {
            partIds[p] = parts[p].ids;
        }
        // the ids, given once both are built: the columns are filled meanwhile
        RevenueLedger ledger = new RevenueLedger(asOf, periodLength, new IdIndex(), total);
        IdIndex[] ids = new IdIndex[1];
        ParallelRanges.together(() -> ids[0] = IdIndex.joined(partIds, numbers), () -> {
            int partStart = 0;
            for (RevenueLedger part : parts) {
                for (int from = 0; from < part.size(); from++) {
                    int account = numbers[partStart + from];
                    ledger.lifetime.addSum(account, part.lifetime, from);
                    ledger.current.addSum(account, part.current, from);
                    ledger.previous.addSum(account, part.previous, from);
                    ledger.purchaseCount[account] = part.purchaseCount[from];
                    ledger.lastPurchase[account] = part.lastPurchase[from];
                }
                partStart += part.size();
            }
        });
        ledger.ids = ids[0];
        return ledger;
    }

    private void totalsChanged() {
        if (totalsComputed) { // a plain read on each row, not three volatile ones
            totalsComputed = false;
            totalCurrent = null;
            totalPrevious = null;
            shareBase = null;
        }
    }

    /**
     * Adds an account's totals as a database summed its rows up to the as-of date (see
     * {@code ScoringFolder}'s pushdown): the same ledger as adding those rows one by one.
     *
     * @param current       revenue in the current period; null when the account had no row in it
     * @param previous      revenue in the previous period; null when the account had no row in it
     * @param lifetime      revenue of all its rows up to the as-of date
     * @param lastPurchase  the date of its latest row with a positive amount; null when none
     * @param purchaseCount the number of its rows with a positive amount
     */
    public RevenueLedger addTotals(String accountId, BigDecimal current, BigDecimal previous, BigDecimal lifetime,
                                   LocalDate lastPurchase, int purchaseCount) {
        Objects.requireNonNull(lifetime, "lifetime");
        int account = number(accountId);
        this.lifetime.add(account, lifetime);
        if (current != null) {
            this.current.add(account, current);
        }
        if (previous != null) {
            this.previous.add(account, previous);
        }
        totalsChanged();
        this.purchaseCount[account] += purchaseCount;
        if (lastPurchase != null) {
            this.lastPurchase[account] = Math.max(this.lastPurchase[account], Math.toIntExact(lastPurchase.toEpochDay()));
        }
        return this;
    }

    /** The account's number, a new one (with room in every column) for an id not seen before. */
    private int number(String accountId) {
        return number(ids.add(accountId));
    }

    /** The account {@link IdIndex} just numbered, with room in every column when it is new. */
    private int number(int account) {
        if (account == lastPurchase.length) {
            reserve(Math.max(16, account + (account >> 1)));
        }
        return account;
    }

    /** Room in every column for {@code length} accounts. */
    private void reserve(int length) {
        int from = lastPurchase.length;
        lastPurchase = Arrays.copyOf(lastPurchase, length);
        Arrays.fill(lastPurchase, from, length, NO_PURCHASE);
        purchaseCount = Arrays.copyOf(purchaseCount, length);
        current.ensureCapacity(length);
        previous.ensureCapacity(length);
        lifetime.ensureCapacity(length);
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

    /** Revenue of all accounts in the current period, net-negative ones included. */
    public BigDecimal totalCurrent() {
        BigDecimal total = totalCurrent;
        if (total == null) {
            total = current.sum(size()); // the sum of every current-period amount, as the accounts' sums hold them
            totalCurrent = total;
            totalsComputed = true;
        }
        return total;
    }

    /**
     * Current-period revenue of the accounts that are not net-negative: what shares are parts of
     * (see {@link NetNegative}). Equal to {@link #totalCurrent()} when no account is net-negative.
     */
    public BigDecimal shareBase() {
        BigDecimal base = shareBase;
        if (base == null) {
            base = BigDecimal.ZERO;
            for (int account = 0; account < size(); account++) {
                base = current.signum(account) > 0 ? base.add(current.get(account)) : base;
            }
            shareBase = base;
            totalsComputed = true;
        }
        return base;
    }

    public BigDecimal totalPrevious() {
        BigDecimal total = totalPrevious;
        if (total == null) {
            total = previous.sum(size());
            totalPrevious = total;
            totalsComputed = true;
        }
        return total;
    }

    /** Totals of one account; zeros for an account without rows. */
    public AccountRevenue revenue(String accountId) {
        int account = ids.indexOf(accountId);
        return account < 0
                ? new AccountRevenue(accountId, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, 0)
                : revenue(account);
    }

    /** Every account that had a row up to the as-of date, sorted by id. */
    public List<AccountRevenue> accounts() {
        return Arrays.stream(IntSort.sorted(size(), (a, b) -> id(a).compareTo(id(b)))).mapToObj(this::revenue).toList();
    }

    /**
     * The account's part of current-period revenue, of {@link #shareBase()}: 0 for a net-negative
     * account; null when no account has positive revenue.
     */
    public BigDecimal share(String accountId) {
        return shareOf(revenue(accountId).current());
    }

    /** The share of an account with this current-period revenue, as {@link #share} gives it. */
    BigDecimal shareOf(BigDecimal current) {
        return Ratios.divide(NetNegative.counted(current), shareBase());
    }

    /** Growth of the account's revenue against the previous period; null when it had none then. */
    public BigDecimal growth(String accountId) {
        AccountRevenue revenue = revenue(accountId);
        return growth(revenue.current(), revenue.previous());
    }

    /**
     * Revenue growth: (current - previous) / previous, null when the previous period's revenue was not
     * positive (zero or net-negative: there is nothing to grow from). A fall into net-negative revenue is
     * below -100%: the account lost more than all it had.
     */
    static BigDecimal growth(BigDecimal current, BigDecimal previous) {
        return previous.signum() <= 0 ? null : Ratios.growth(current, previous);
    }

    // By account number, 0 to size() - 1, for the portfolio's columns.

    /** Number of accounts with a row up to the as-of date. */
    int size() {
        return ids.size();
    }

    /** The number of an account; -1 when it has no row. */
    int indexOf(String accountId) {
        return ids.indexOf(accountId);
    }

    /** The number of the account whose id is the ASCII text {@code id[from, to)}; -1 when it has no row. */
    int indexOf(byte[] id, int from, int to) {
        return ids.indexOf(id, from, to);
    }

    String id(int account) {
        return ids.id(account);
    }

    AccountRevenue revenue(int account) {
        return new AccountRevenue(ids.id(account), current.get(account), previous.get(account), lifetime.get(account),
                lastPurchase[account] == NO_PURCHASE ? null : LocalDate.ofEpochDay(lastPurchase[account]),
                purchaseCount[account]);
    }

    BigDecimal current(int account) {
        return current.get(account);
    }

    BigDecimal previous(int account) {
        return previous.get(account);
    }

    MoneyColumn currentColumn() {
        return current;
    }

    MoneyColumn previousColumn() {
        return previous;
    }

    MoneyColumn lifetimeColumn() {
        return lifetime;
    }

    /** Reads the account's cells that a portfolio's row shows into the cache (see {@code Portfolio}'s rows). */
    int touch(int account) {
        return current.touch(account) + previous.touch(account) + lifetime.touch(account) + lastPurchase[account];
    }

    /** Epoch day of the account's latest purchase; {@link Integer#MIN_VALUE} when none. */
    int lastPurchaseDay(int account) {
        return lastPurchase[account];
    }

    int purchaseCount(int account) {
        return purchaseCount[account];
    }
}
