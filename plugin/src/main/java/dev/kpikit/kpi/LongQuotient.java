package dev.kpikit.kpi;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The quotient {@link Ratios#divide} gives (34 significant digits, half even, no trailing zeros, never a negative
 * scale), worked out in long arithmetic when the numerator's digits fit in a long and the denominator's in 17: a
 * money amount over another, as a revenue share or a growth is. BigDecimal divides such operands through its
 * BigInteger code for the digits beyond the 18th and then strips zeros by dividing again; here the digits come
 * from a few long divisions, several at a time, into a 128-bit value.
 */
final class LongQuotient {

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** floor(2^64 / 10): 2^64 = 10 x this + 6. */
    private static final long TWO_TO_THE_64_BY_10 = Long.divideUnsigned(-1L, 10);

    private static final int DIGITS = Ratios.PRECISION.getPrecision();

    private LongQuotient() {
    }

    /** numerator / denominator as {@link Ratios#divide} has it; null when an operand has too many digits for longs. */
    static BigDecimal of(BigDecimal numerator, BigDecimal denominator) {
        if (numerator.precision() > 18 || denominator.precision() > 17) {
            return null;
        }
        return of(numerator.unscaledValue().longValue(), denominator.unscaledValue().longValue(),
                (long) numerator.scale() - denominator.scale());
    }

    /**
     * (a / b) x 10^-scale, for |a| < 10^18 and 0 < |b| < 10^17. The quotient's first 34 significant digits are
     * floor(|a| x 10^m / |b|) for the m that gives 34 of them; the remainder then tells the rounding.
     */
    private static BigDecimal of(long a, long b, long scale) {
        boolean negative = (a < 0) != (b < 0);
        a = Math.abs(a);
        b = Math.abs(b);
        if (a == 0) {
            return BigDecimal.ZERO;
        }
        long whole = a / b;
        long remainder = a - whole * b;
        int fractionDigits = whole > 0 ? DIGITS - digitCount(whole) : DIGITS + leadingZeros(a, b);
        // the digits so far, as hi * 2^64 + lo (unsigned): below 10^35
        long hi = 0;
        long lo = whole;
        // remainder * 10^chunk < b * 10^chunk stays within a long, and each chunk of digits (below 10^15) is
        // estimated by a double multiplication to within one or two: long divisions are slow, one per call is enough
        int chunk = Math.min(18 - digitCount(b), 15);
        double reciprocal = 1.0 / b;
        int left = fractionDigits;
        while (left > 0 && remainder != 0) {
            int k = Math.min(chunk, left);
            long power = POWERS_OF_TEN[k];
            long shifted = remainder * power;
            long digits = (long) (shifted * reciprocal);
            remainder = shifted - digits * b;
            while (remainder < 0) {
                digits--;
                remainder += b;
            }
            while (remainder >= b) {
                digits++;
                remainder -= b;
            }
            long low = lo * power;
            hi = hi * power + Math.unsignedMultiplyHigh(lo, power);
            lo = low + digits;
            if (Long.compareUnsigned(lo, low) < 0) {
                hi++;
            }
            left -= k;
        }
        fractionDigits -= left; // an exact quotient stops early
        if (remainder != 0) {
            long twice = remainder * 2;
            if (twice > b || twice == b && (lo & 1) != 0) {
                lo++;
                if (lo == 0) {
                    hi++;
                }
            }
        }
        long resultScale = fractionDigits + scale;
        // no trailing zeros after the point, as Ratios.tidy
        while (resultScale > 0 && (hi % 10 * 6 + Long.remainderUnsigned(lo, 10)) % 10 == 0) { // 2^64 = 6 (mod 10)
            long highRest = hi % 10;
            long lowRest = Long.remainderUnsigned(lo, 10);
            lo = highRest * TWO_TO_THE_64_BY_10 + Long.divideUnsigned(lo, 10) + (highRest * 6 + lowRest) / 10;
            hi /= 10;
            resultScale--;
        }
        if (hi == 0 && lo >= 0) {
            return Ratios.tidy(BigDecimal.valueOf(negative ? -lo : lo, Math.toIntExact(resultScale)));
        }
        BigDecimal quotient = new BigDecimal(bigInteger(negative, hi, lo), Math.toIntExact(resultScale));
        return resultScale < 0 ? Ratios.tidy(quotient) : quotient;
    }

    /** How many zeros follow the decimal point of a / b before its first digit, for 0 < a < b. */
    private static int leadingZeros(long a, long b) {
        int gap = digitCount(b) - digitCount(a);
        return a * POWERS_OF_TEN[gap] >= b ? gap - 1 : gap;
    }

    private static int digitCount(long positive) {
        int estimate = (64 - Long.numberOfLeadingZeros(positive)) * 1233 >>> 12; // bits x log10(2): the digits or one less
        return estimate < POWERS_OF_TEN.length && positive >= POWERS_OF_TEN[estimate] ? estimate + 1 : estimate;
    }

    /** hi * 2^64 + lo (both unsigned, hi below 2^62), negated when asked, through its two's complement bytes. */
    private static BigInteger bigInteger(boolean negative, long hi, long lo) {
        if (negative) {
            hi = ~hi + (lo == 0 ? 1 : 0);
            lo = -lo;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[7 - i] = (byte) (hi >>> 8 * i);
            bytes[15 - i] = (byte) (lo >>> 8 * i);
        }
        return new BigInteger(bytes);
    }
}
