package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * Revenue by calendar period and account number, for the concentration series, kept beside one of
 * {@link RevenueBuckets}' ledgers and numbered as it numbers its accounts: a long a sum, where a map of ids and
 * BigDecimals per period held a million accounts by month in 1.1 GB. The sums are in units of the most decimals seen
 * so far (two at first; all multiplied when an amount has more, as amounts converted from another currency may). More
 * than {@value #MAX_SCALE} decimals, a sum beyond a long, or more than {@code maxCells} sums make {@link #summed()}
 * false: then the rows are summed one by one ({@link ConcentrationSeries}). Not safe for threads: the bucket's lock
 * guards it.
 */
final class PeriodSums {

    /** Most decimals a sum is kept to. */
    static final int MAX_SCALE = 18;
    private static final long[] POWERS_OF_TEN = LongStream.iterate(1, power -> power * 10).limit(MAX_SCALE + 1).toArray();
    /** Days whose period is remembered, by the day's low bits: nearly three years of daily rows without a collision. */
    private static final int DAYS = 1 << 10;

    private final PeriodLength grain;
    private final long maxCells;
    private final Map<LocalDate, Period> periods = new HashMap<>();
    private final Period[] byDay = new Period[DAYS];
    private final int[] days = new int[DAYS];
    /** The days summed: rows from {@code fromDay} (inclusive) to {@code untilDay} (exclusive); the others are left out. */
    private final int fromDay;
    private final int untilDay;
    private int accounts;
    /** The decimals of the sums' units. */
    private int unitScale = 2;
    private boolean summed = true;
    /** True when the rows were given up for being more sums than allowed (not for their decimals or size). */
    private boolean tooManySums;
    /** The latest day of a row before {@code fromDay}; MIN_VALUE when none came. */
    private int latestBefore = Integer.MIN_VALUE;

    /** One period's sums and which accounts have a row in it (a bit each), by account number. */
    private static final class Period {
        private long[] sums;
        private long[] present;
        /** The most decimals among the period's amounts: the scale of its total, as BigDecimal addition gives it. */
        private int scale;

        /** Room for {@code accounts} at first: a bucket has a few thousand accounts of a million, a few of a thousand. */
        Period(int accounts) {
            sums = new long[accounts];
            present = new long[(accounts + 63) >>> 6];
        }

        private void ensure(int accounts) {
            if (accounts > sums.length) {
                int length = Math.max(accounts, sums.length * 2);
                sums = Arrays.copyOf(sums, length);
                present = Arrays.copyOf(present, (length + 63) >>> 6);
            }
        }
    }

    /** @param maxCells sums held at most, accounts times periods, before giving the rows up to the other way */
    PeriodSums(PeriodLength grain, long maxCells) {
        this(grain, maxCells, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** As {@link #PeriodSums(PeriodLength, long)}, summing only the rows from {@code fromDay} to {@code untilDay} (exclusive). */
    PeriodSums(PeriodLength grain, long maxCells, int fromDay, int untilDay) {
        this.grain = Objects.requireNonNull(grain, "grain");
        this.maxCells = maxCells;
        this.fromDay = fromDay;
        this.untilDay = untilDay;
    }

    /** Adds a row of the account numbered {@code account} (0 or more) by the ledger beside, on or before the as-of date. */
    void add(int epochDay, int account, long unscaled, int scale) {
        if (epochDay < fromDay) {
            latestBefore = Math.max(latestBefore, epochDay);
            return;
        }
        if (!summed || epochDay >= untilDay) {
            return;
        }
        Period period = period(epochDay, account);
        if (period == null) {
            summed = false;
            tooManySums = true;
            return;
        }
        if (scale < 0 || scale > MAX_SCALE) {
            summed = false;
            return;
        }
        try {
            if (scale > unitScale) {
                rescale(scale);
            }
            period.sums[account] = Math.addExact(period.sums[account], units(unscaled, scale, unitScale));
        } catch (ArithmeticException beyondALong) {
            summed = false;
            return;
        }
        period.present[account >>> 6] |= 1L << account;
        period.scale = Math.max(period.scale, scale);
    }

    /** The period of the day, with room for the account; null when that would be more sums than allowed. */
    private Period period(int epochDay, int account) {
        if (account >= accounts) {
            accounts = account + 1;
            if (periods.size() * (long) accounts > maxCells) {
                return null;
            }
        }
        int slot = epochDay & (DAYS - 1);
        Period period = byDay[slot];
        if (period == null || days[slot] != epochDay) {
            LocalDate start = grain.containing(LocalDate.ofEpochDay(epochDay)).start();
            period = periods.get(start);
            if (period == null) {
                if ((periods.size() + 1L) * accounts > maxCells) {
                    return null;
                }
                period = new Period(accounts);
                periods.put(start, period);
            }
            byDay[slot] = period;
            days[slot] = epochDay;
        }
        period.ensure(accounts);
        return period;
    }

    /** Every sum in units of 10^-{@code newScale}, more decimals than now; throws when one goes beyond a long. */
    private void rescale(int newScale) {
        long factor = POWERS_OF_TEN[newScale - unitScale];
        for (Period period : periods.values()) {
            for (int account = 0; account < period.sums.length; account++) {
                period.sums[account] = Math.multiplyExact(period.sums[account], factor);
            }
        }
        unitScale = newScale;
    }

    /**
     * {@code unscaled} x 10^-{@code scale} in units of 10^-{@code unitScale} (0 <= scale <= unitScale <= {@value
     * #MAX_SCALE}); throws when beyond a long.
     */
    static long units(long unscaled, int scale, int unitScale) {
        return Math.multiplyExact(unscaled, POWERS_OF_TEN[unitScale - scale]);
    }

    /** False when a row could not be summed here: see the class comment. */
    boolean summed() {
        return summed;
    }

    /** True when the rows were given up only for being more sums than allowed: fewer periods at a time would do. */
    boolean tooManySums() {
        return tooManySums;
    }

    /** The latest day of a row before the first day summed; MIN_VALUE when none came. */
    int latestBefore() {
        return latestBefore;
    }

    /** The first days of the periods with rows. */
    Set<LocalDate> starts() {
        return periods.keySet();
    }

    /** Adds the sum of each account with a row in the period starting on {@code start}, if any, to {@code revenue}. */
    void addTo(LocalDate start, List<BigDecimal> revenue) {
        Period period = periods.get(start);
        if (period == null) {
            return;
        }
        for (int word = 0; word < period.present.length; word++) {
            for (long bits = period.present[word]; bits != 0; bits &= bits - 1) {
                revenue.add(BigDecimal.valueOf(period.sums[word << 6 | Long.numberOfTrailingZeros(bits)], unitScale));
            }
        }
    }

    /** The most decimals among the amounts of the period starting on {@code start}: its total's scale; 0 when none. */
    int scale(LocalDate start) {
        Period period = periods.get(start);
        return period == null ? 0 : period.scale;
    }
}
