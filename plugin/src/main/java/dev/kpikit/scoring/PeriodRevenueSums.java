package dev.kpikit.scoring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revenue summed by calendar period and account, from rows read on several threads at once, for the concentration
 * series: one long per account and period, accounts numbered by the {@link RevenueLedger} of the same rows, in place
 * of a map of account ids and BigDecimals per period (a million accounts by month held 1.1 GB that way). Sums are kept
 * in units of 10^-{@value #SCALE}; a row with more decimals, a sum beyond a long, or more periods than
 * {@value #MAX_CELLS} sums hold make {@link #summed()} false, and the caller sums the rows one by one
 * ({@link ConcentrationSeries}) instead. The measures are those of {@link ConcentrationSeries}, worked out by the same
 * code.
 */
public final class PeriodRevenueSums {

    /** Decimals a sum is kept to. */
    static final int SCALE = 4;
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    /** Sums held at most, accounts times periods: 256 MB (a million accounts over 32 periods). */
    static final long MAX_CELLS = 1L << 25;

    private final RevenueLedger ledger;
    private final LocalDate asOf;
    private final PeriodLength periodLength;
    private final Map<LocalDate, Period> periods = new ConcurrentHashMap<>();
    private final long maxCells;
    private volatile boolean summed = true;

    /** One period's sums and which accounts have a row in it (a bit each), by account number. */
    private static final class Period {
        final long[] sums;
        final long[] present;
        /** The most decimals among the period's amounts: the scale of its total, as BigDecimal addition gives it. */
        volatile int scale;

        Period(int accounts) {
            sums = new long[accounts];
            present = new long[(accounts + 63) >>> 6];
        }

        synchronized void raiseScale(int amountScale) {
            scale = Math.max(scale, amountScale);
        }
    }

    /** Sums of the rows up to {@code asOf} by period of {@code periodLength}, for the accounts of {@code ledger}. */
    public PeriodRevenueSums(RevenueLedger ledger, LocalDate asOf, PeriodLength periodLength) {
        this(ledger, asOf, periodLength, MAX_CELLS);
    }

    /** With at most {@code maxCells} sums, accounts times periods (tests use a few). */
    PeriodRevenueSums(RevenueLedger ledger, LocalDate asOf, PeriodLength periodLength, long maxCells) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.periodLength = Objects.requireNonNull(periodLength, "periodLength");
        this.maxCells = maxCells;
    }

    /** A reading thread's side: the periods of the days it has seen, so that a row rarely looks its period up. */
    public Part newPart() {
        return new Part();
    }

    /**
     * False when a row had more than {@value #SCALE} decimals, a sum went beyond a long, or the periods would need more
     * than {@value #MAX_CELLS} sums: then sum the rows another way.
     */
    public boolean summed() {
        return summed;
    }

    /** Adds rows read on one thread (their positions do not matter); take one per thread from {@link #newPart()}. */
    public final class Part implements ScannedRevenueRows {

        private static final int DAYS = 1 << 12;
        private final Period[] byDay = new Period[DAYS];
        private final int[] days = new int[DAYS];

        @Override
        public void add(long position, int epochDay, byte[] id, int from, int to, long unscaled, int scale) {
            if (epochDay <= asOf.toEpochDay()) {
                add(period(epochDay), ledger.indexOf(id, from, to), unscaled, scale);
            }
        }

        @Override
        public void add(long position, int epochDay, String id, long unscaled, int scale) {
            if (epochDay <= asOf.toEpochDay()) {
                add(period(epochDay), ledger.indexOf(id), unscaled, scale);
            }
        }

        private Period period(int epochDay) {
            int slot = epochDay & (DAYS - 1);
            Period period = byDay[slot];
            if (period == null || days[slot] != epochDay) {
                LocalDate start = periodLength.containing(LocalDate.ofEpochDay(epochDay)).start();
                period = periods.get(start);
                if (period == null) {
                    if ((periods.size() + 1L) * ledger.size() > maxCells) {
                        summed = false;
                        return null;
                    }
                    period = periods.computeIfAbsent(start, any -> new Period(ledger.size()));
                }
                byDay[slot] = period;
                days[slot] = epochDay;
            }
            return period;
        }

        private void add(Period period, int account, long unscaled, int scale) {
            if (period == null || account < 0 || scale < 0 || scale > SCALE) {
                summed = false; // no account: the ledger is not of these rows
                return;
            }
            if (scale > period.scale) {
                period.raiseScale(scale);
            }
            try {
                long units = units(unscaled, scale);
                long sum;
                do {
                    sum = (long) LONGS.getVolatile(period.sums, account);
                } while (!LONGS.compareAndSet(period.sums, account, sum, Math.addExact(sum, units)));
            } catch (ArithmeticException e) {
                summed = false;
                return;
            }
            long bit = 1L << account;
            if (((long) LONGS.getVolatile(period.present, account >>> 6) & bit) == 0) {
                LONGS.getAndBitwiseOr(period.present, account >>> 6, bit);
            }
        }
    }

    /** {@code unscaled} x 10^-{@code scale} (0 to {@value #SCALE}) in units of 10^-{@value #SCALE}; throws when beyond a long. */
    static long units(long unscaled, int scale) {
        return Math.multiplyExact(unscaled, POWERS_OF_TEN[SCALE - scale]);
    }

    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000};

    /** One entry per period with revenue rows, oldest first; call once every part is done, and only when summed. */
    public List<PeriodConcentration> periods(int topN) {
        if (!summed) {
            throw new IllegalStateException("the rows were not all summed; sum them one by one");
        }
        List<PeriodConcentration> measured = new ArrayList<>(periods.size());
        new TreeMap<>(periods).forEach((start, period) -> {
            List<BigDecimal> revenueByAccount = new ArrayList<>();
            for (int word = 0; word < period.present.length; word++) {
                for (long bits = period.present[word]; bits != 0; bits &= bits - 1) {
                    int account = word << 6 | Long.numberOfTrailingZeros(bits);
                    revenueByAccount.add(BigDecimal.valueOf(period.sums[account], SCALE));
                }
            }
            LocalDate end = periodLength.containing(start).end();
            measured.add(ConcentrationSeries.measured(start, end.isAfter(asOf) ? asOf : end, revenueByAccount,
                    period.scale, topN));
        });
        return List.copyOf(measured);
    }
}
