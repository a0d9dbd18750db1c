package dev.kpikit.kpi;

/**
 * Powers of ten, digit counts and the division of a 128-bit value by a small divisor: what decimal arithmetic done in
 * longs (quotients, a decimal's text) needs.
 */
public final class LongDigits {

    private static final long[] POWERS_OF_TEN = new long[19];
    private static final long LOW_32 = 0xffff_ffffL;

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private LongDigits() {
    }

    /** 10^exponent, for an exponent from 0 to 18. */
    public static long powerOfTen(int exponent) {
        return POWERS_OF_TEN[exponent];
    }

    /**
     * Divides the unsigned 128-bit value {@code {hi, lo}} in place by a divisor from 1 to 2^31 - 1 and returns the
     * remainder: four 32-bit limbs, most significant first, each divided with the remainder before it (below the
     * divisor, so that the two fit a long together).
     */
    public static long divideInPlace(long[] hiLo, long divisor) {
        long hi = hiLo[0];
        long lo = hiLo[1];
        long limb = hi >>> 32; // the limbs in locals, not an array: this runs for every 34-digit number written
        long first = limb == 0 ? 0 : limb / divisor; // a division is dear: a value below 2^96 skips one
        long current = (limb - first * divisor) << 32 | hi & LOW_32;
        long second = current / divisor;
        current = (current - second * divisor) << 32 | lo >>> 32;
        long third = current / divisor;
        current = (current - third * divisor) << 32 | lo & LOW_32;
        long fourth = current / divisor;
        hiLo[0] = first << 32 | second;
        hiLo[1] = third << 32 | fourth;
        return current - fourth * divisor;
    }

    /** How many decimal digits a long of 0 or more has (1 for 0). */
    public static int count(long nonNegative) {
        int estimate = (64 - Long.numberOfLeadingZeros(nonNegative)) * 1233 >>> 12; // bits x log10(2): the digits or one less
        return nonNegative >= POWERS_OF_TEN[estimate] ? estimate + 1 : Math.max(estimate, 1);
    }
}
