package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Revenue by calendar period and account number, for the concentration series, kept beside one of
 * {@link RevenueBuckets}' ledgers and numbered as it numbers its accounts: a long a sum, in units of
 * 10^-{@value #SCALE}, where a map of ids and BigDecimals per period held a million accounts by month in 1.1 GB. A row
 * with more decimals, a sum beyond a long, or more than {@code maxCells} sums make {@link #summed()} false: then the
 * rows are summed one by one ({@link ConcentrationSeries}). Not safe for threads: the bucket's lock guards it.
 */
final class PeriodSums {

    /** Decimals a sum is kept to. */
    static final int SCALE = 4;
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000};
    /** Days whose period is remembered, by the day's low bits: rows of a ledger fall on a few hundred days a year. */
    private static final int DAYS = 1 << 8;

    private final PeriodLength grain;
    private final long maxCells;
    private final Map<LocalDate, Period> periods = new HashMap<>();
    private final Period[] byDay = new Period[DAYS];
    private final int[] days = new int[DAYS];
    private int accounts;
    private boolean summed = true;

    /** One period's sums and which accounts have a row in it (a bit each), by account number. */
    static final class Period {
        private long[] sums = new long[64];
        private long[] present = new long[1];
        /** The most decimals among the period's amounts: the scale of its total, as BigDecimal addition gives it. */
        private int scale;

        /** The accounts with a row in the period, by account number: their sums as BigDecimals of {@value #SCALE} decimals. */
        void addTo(List<BigDecimal> revenue) {
            for (int word = 0; word < present.length; word++) {
                for (long bits = present[word]; bits != 0; bits &= bits - 1) {
                    revenue.add(BigDecimal.valueOf(sums[word << 6 | Long.numberOfTrailingZeros(bits)], SCALE));
                }
            }
        }

        int scale() {
            return scale;
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
        this.grain = Objects.requireNonNull(grain, "grain");
        this.maxCells = maxCells;
    }

    /** Adds a row of the account numbered {@code account} (0 or more) by the ledger beside, on or before the as-of date. */
    void add(int epochDay, int account, long unscaled, int scale) {
        if (!summed) {
            return;
        }
        Period period = period(epochDay, account);
        if (period == null || scale < 0 || scale > SCALE) {
            summed = false;
            return;
        }
        try {
            period.sums[account] = Math.addExact(period.sums[account], units(unscaled, scale));
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
                period = new Period();
                periods.put(start, period);
            }
            byDay[slot] = period;
            days[slot] = epochDay;
        }
        period.ensure(accounts);
        return period;
    }

    /** {@code unscaled} x 10^-{@code scale} (0 to {@value #SCALE}) in units of 10^-{@value #SCALE}; throws when beyond a long. */
    static long units(long unscaled, int scale) {
        return Math.multiplyExact(unscaled, POWERS_OF_TEN[SCALE - scale]);
    }

    /** False when a row could not be summed here: see the class comment. */
    boolean summed() {
        return summed;
    }

    /** The first days of the periods with rows. */
    Set<LocalDate> starts() {
        return periods.keySet();
    }

    /** The period starting on {@code start}; null when it has no row here. */
    Period period(LocalDate start) {
        return periods.get(start);
    }
}
