package dev.kpikit.kpi;

/** Powers of ten and digit counts of longs: what decimal arithmetic done in longs (quotients, a decimal's text) needs. */
public final class LongDigits {

    private static final long[] POWERS_OF_TEN = new long[19];

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

    /** How many decimal digits a long of 0 or more has (1 for 0). */
    public static int count(long nonNegative) {
        int estimate = (64 - Long.numberOfLeadingZeros(nonNegative)) * 1233 >>> 12; // bits x log10(2): the digits or one less
        return nonNegative >= POWERS_OF_TEN[estimate] ? estimate + 1 : Math.max(estimate, 1);
    }
}
