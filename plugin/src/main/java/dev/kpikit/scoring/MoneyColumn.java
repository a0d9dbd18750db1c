package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Exact sums of money, one per account number, as longs in units of 10^-scale (cents when the
 * amounts have two decimals) rather than a BigDecimal each. Each sum reads back as the
 * BigDecimal that adding its amounts to {@link BigDecimal#ZERO} would give, scale included.
 * Amounts with more than {@value #MAX_SCALE} decimals, or sums beyond a long, switch the
 * column to BigDecimals: slower and bigger, never inexact. Public for the CSV scanner, which
 * sums amounts (a metric's by month too) as unscaled longs without making a BigDecimal of each.
 */
public final class MoneyColumn {

    private static final int MAX_SCALE = 18;

    /** Common scale of {@link #units}. */
    private int scale;
    private long[] units = new long[16];
    /** Scale of each sum as BigDecimal addition would give it: the most decimals among its amounts. */
    private byte[] scales = new byte[16];
    /** Non-null once the longs no longer suffice; then the only storage. */
    private BigDecimal[] exact;

    /** Powers of ten up to 10^{@value #MAX_SCALE}, for rescaling. */
    private static final long[] POWERS_OF_TEN = new long[MAX_SCALE + 1];

    /** Powers of ten that a double holds exactly: 10^0 to 10^22. */
    private static final double[] DOUBLE_POWERS_OF_TEN = new double[23];

    static {
        for (int i = 0; i < DOUBLE_POWERS_OF_TEN.length; i++) {
            DOUBLE_POWERS_OF_TEN[i] = i == 0 ? 1 : DOUBLE_POWERS_OF_TEN[i - 1] * 10;
        }
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i <= MAX_SCALE; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    public MoneyColumn() {
    }

    public void ensureCapacity(int capacity) {
        if (exact != null) {
            if (capacity > exact.length) {
                exact = Arrays.copyOf(exact, Math.max(capacity, exact.length + (exact.length >> 1)));
            }
        } else if (capacity > units.length) {
            int length = Math.max(capacity, units.length + (units.length >> 1));
            units = Arrays.copyOf(units, length);
            scales = Arrays.copyOf(scales, length);
        }
    }

    public void add(int index, BigDecimal amount) {
        if (exact == null && !addUnits(index, amount)) {
            toExact();
        }
        if (exact != null) {
            exact[index] = exact[index] == null ? BigDecimal.ZERO.add(amount) : exact[index].add(amount);
        }
    }

    /**
     * Adds the amount {@code unscaled} x 10^-{@code amountScale} ({@code amountScale} 0 or more), as the text -12.50 gives
     * -1250 and 2: the same sum as adding {@code BigDecimal.valueOf(unscaled, amountScale)}.
     */
    public void add(int index, long unscaled, int amountScale) {
        if (exact == null && !addUnits(index, unscaled, amountScale, amountScale)) {
            toExact();
        }
        if (exact != null) {
            BigDecimal amount = BigDecimal.valueOf(unscaled, amountScale);
            exact[index] = exact[index] == null ? BigDecimal.ZERO.add(amount) : exact[index].add(amount);
        }
    }

    /**
     * Adds the sum at {@code otherIndex} of {@code other} (say a part of a file summed apart) to this sum: the same sum,
     * scale included, as adding that sum's amounts here one by one.
     */
    public void addSum(int index, MoneyColumn other, int otherIndex) {
        if (other.exact == null) {
            if (other.units[otherIndex] == 0 && other.scales[otherIndex] == 0) {
                return; // nothing added there, or amounts summing to a zero of scale 0: adding it changes nothing
            }
            if (exact == null && addUnits(index, other.units[otherIndex], other.scale, other.scales[otherIndex])) {
                return;
            }
        }
        add(index, other.get(otherIndex));
    }

    /** The sum of the sums of indexes 0 to {@code size} - 1: what adding all their amounts to {@link BigDecimal#ZERO} gives. */
    public BigDecimal sum(int size) {
        if (exact == null) {
            long total = 0;
            int totalScale = 0;
            try {
                for (int i = 0; i < size; i++) {
                    total = Math.addExact(total, units[i]);
                    totalScale = Math.max(totalScale, scales[i]);
                }
                return BigDecimal.valueOf(total, scale).setScale(totalScale, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException beyondALong) {
                // summed as BigDecimals below
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < size; i++) {
            total = total.add(get(i));
        }
        return total;
    }

    /** Adds in longs, unscaled x 10^-amountScale, the sum's scale at least sumScale; false (nothing changed) when they cannot hold it exactly. */
    private boolean addUnits(int index, long unscaled, int amountScale, int sumScale) {
        if (amountScale > MAX_SCALE || amountScale < 0) {
            return false;
        }
        if (amountScale > scale && !rescale(amountScale)) {
            return false;
        }
        try {
            units[index] = Math.addExact(units[index], Math.multiplyExact(unscaled, POWERS_OF_TEN[scale - amountScale]));
        } catch (ArithmeticException e) {
            return false;
        }
        if (sumScale > scales[index]) {
            scales[index] = (byte) sumScale;
        }
        return true;
    }

    /** Adds in longs; false (and nothing changed) when they cannot hold the result exactly. */
    private boolean addUnits(int index, BigDecimal amount) {
        int amountScale = Math.max(0, amount.scale());
        if (amountScale > MAX_SCALE) {
            return false;
        }
        if (amountScale > scale && !rescale(amountScale)) {
            return false;
        }
        try {
            long value = amount.scaleByPowerOfTen(scale).longValueExact();
            units[index] = Math.addExact(units[index], value);
        } catch (ArithmeticException e) {
            return false;
        }
        if (amountScale > scales[index]) {
            scales[index] = (byte) amountScale;
        }
        return true;
    }

    private boolean rescale(int newScale) {
        long factor = BigDecimal.ONE.scaleByPowerOfTen(newScale - scale).longValueExact();
        long[] rescaled = new long[units.length];
        try {
            for (int i = 0; i < units.length; i++) {
                rescaled[i] = Math.multiplyExact(units[i], factor);
            }
        } catch (ArithmeticException e) {
            return false;
        }
        units = rescaled;
        scale = newScale;
        return true;
    }

    private void toExact() {
        BigDecimal[] values = new BigDecimal[units.length];
        for (int i = 0; i < units.length; i++) {
            values[i] = units[i] == 0 && scales[i] == 0 ? null : get(i);
        }
        exact = values;
        units = null;
        scales = null;
    }

    /** The sum for an account; {@link BigDecimal#ZERO} when nothing was added. */
    public BigDecimal get(int index) {
        if (exact != null) {
            return exact[index] == null ? BigDecimal.ZERO : exact[index];
        }
        return BigDecimal.valueOf(units[index], scale).setScale(scales[index], RoundingMode.UNNECESSARY);
    }

    /**
     * The sum as a double, {@code get(index).doubleValue()}, without making the BigDecimal while the units allow: a long
     * below 2^52 divided by a power of ten that a double holds exactly is rounded once, as BigDecimal rounds it.
     */
    double doubleValue(int index) {
        return exact == null ? doubleOf(units[index], scale) : get(index).doubleValue();
    }

    /** {@code a.get(i).subtract(b.get(j)).doubleValue()}, in longs while they hold the difference. */
    static double differenceDouble(MoneyColumn a, int i, MoneyColumn b, int j) {
        if (a.exact == null && b.exact == null) {
            int common = Math.max(a.scale, b.scale);
            try {
                long difference = Math.subtractExact(Math.multiplyExact(a.units[i], POWERS_OF_TEN[common - a.scale]),
                        Math.multiplyExact(b.units[j], POWERS_OF_TEN[common - b.scale]));
                return doubleOf(difference, common);
            } catch (ArithmeticException beyondALong) {
                // as BigDecimals below
            }
        }
        return a.get(i).subtract(b.get(j)).doubleValue();
    }

    /** unscaled x 10^-scale as a double, rounded once. */
    private static double doubleOf(long unscaled, int scale) {
        if (unscaled > -(1L << 52) && unscaled < 1L << 52 && scale < DOUBLE_POWERS_OF_TEN.length) {
            return unscaled / DOUBLE_POWERS_OF_TEN[scale];
        }
        return BigDecimal.valueOf(unscaled, scale).doubleValue();
    }

    /** True while the sums are longs in units of one scale: {@link #unscaled} then orders them as {@link #compare} does. */
    boolean inLongs() {
        return exact == null;
    }

    /** The scale of {@link #unscaled}: the most decimals of any amount added. */
    int unitScale() {
        return scale;
    }

    /** Reads the cells of {@code index} into the cache (see {@code Portfolio}'s rows); returns any of their bits. */
    int touch(int index) {
        return exact != null ? 0 : (int) units[index] + scales[index];
    }

    /** The sum in units of the column's scale; only while {@link #inLongs}. */
    long unscaled(int index) {
        return units[index];
    }

    int compare(int a, int b) {
        return exact != null ? get(a).compareTo(get(b)) : Long.compare(units[a], units[b]);
    }

    int signum(int index) {
        return exact != null ? get(index).signum() : Long.signum(units[index]);
    }
}
