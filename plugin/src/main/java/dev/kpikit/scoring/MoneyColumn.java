package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Exact sums of money, one per account number, as longs in units of 10^-scale (cents when the
 * amounts have two decimals) rather than a BigDecimal each. Each sum reads back as the
 * BigDecimal that adding its amounts to {@link BigDecimal#ZERO} would give, scale included.
 * Amounts with more than {@value #MAX_SCALE} decimals, or sums beyond a long, switch the
 * column to BigDecimals: slower and bigger, never inexact.
 */
final class MoneyColumn {

    private static final int MAX_SCALE = 18;

    /** Common scale of {@link #units}. */
    private int scale;
    private long[] units = new long[16];
    /** Scale of each sum as BigDecimal addition would give it: the most decimals among its amounts. */
    private byte[] scales = new byte[16];
    /** Non-null once the longs no longer suffice; then the only storage. */
    private BigDecimal[] exact;

    void ensureCapacity(int capacity) {
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

    void add(int index, BigDecimal amount) {
        if (exact == null && !addUnits(index, amount)) {
            toExact();
        }
        if (exact != null) {
            exact[index] = exact[index] == null ? BigDecimal.ZERO.add(amount) : exact[index].add(amount);
        }
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
    BigDecimal get(int index) {
        if (exact != null) {
            return exact[index] == null ? BigDecimal.ZERO : exact[index];
        }
        return BigDecimal.valueOf(units[index], scale).setScale(scales[index], RoundingMode.UNNECESSARY);
    }

    int compare(int a, int b) {
        return exact != null ? get(a).compareTo(get(b)) : Long.compare(units[a], units[b]);
    }

    int signum(int index) {
        return exact != null ? get(index).signum() : Long.signum(units[index]);
    }
}
