package dev.kpikit.kpi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.IntStream;

/**
 * The quotient {@link Ratios#divide} gives (34 significant digits, half even, no trailing zeros, never a negative
 * scale), worked out in long arithmetic when the numerator's digits fit in a long and the denominator's in 17: a
 * money amount over another, as a revenue share or a growth is. BigDecimal divides such operands through its
 * BigInteger code for the digits beyond the 18th and then strips zeros by dividing again; here the digits come
 * from a few long divisions, several at a time, into a 128-bit value.
 */
final class LongQuotient {

    /** floor(2^64 / 10): 2^64 = 10 x this + 6. */
    private static final long TWO_TO_THE_64_BY_10 = Long.divideUnsigned(-1L, 10);

    private static final int DIGITS = Ratios.PRECISION.getPrecision();
    /** 10^19 to 10^38 as hi and lo 64 bits (10^i at i - 19). */
    private static final long[][] LARGE_POWERS = IntStream.rangeClosed(19, 38).mapToObj(BigInteger.TEN::pow)
            .map(power -> new long[] {power.shiftRight(64).longValue(), power.longValue()}).toArray(long[][]::new);

    private LongQuotient() {
    }

    /**
     * numerator / denominator as {@link Ratios#divide} has it; null when the operands have too many digits: the
     * denominator more than 17, or the numerator more than 18 over a denominator of more than 9 (a share of 34
     * digits over a normalisation's range is in reach) or a quotient of more than 34 digits before the point.
     */
    static BigDecimal of(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.precision() > 17) {
            return null;
        }
        long b = denominator.unscaledValue().longValue();
        long scale = (long) numerator.scale() - denominator.scale();
        if (numerator.precision() <= 18) {
            long a = numerator.unscaledValue().longValue();
            return of((a < 0) != (b < 0), 0, Math.abs(a), Math.abs(b), scale);
        }
        BigInteger magnitude = numerator.unscaledValue().abs();
        if (Math.abs(b) > Integer.MAX_VALUE || magnitude.bitLength() > 126) {
            return null;
        }
        return of((numerator.signum() < 0) != (b < 0), magnitude.shiftRight(64).longValue(), magnitude.longValue(),
                Math.abs(b), scale);
    }

    /**
     * ((hi * 2^64 + lo) / b) x 10^-scale, for a numerator below 10^18 (hi = 0), or below 2^126 with b < 2^31, and 0 <
     * b < 10^17. The quotient's first 34 significant digits are floor(numerator x 10^m / b) for the m that gives 34
     * of them; the remainder then tells the rounding.
     */
    private static BigDecimal of(boolean negative, long hi, long lo, long b, long scale) {
        if (hi == 0 && lo == 0) {
            return BigDecimal.ZERO;
        }
        long remainder;
        int fractionDigits;
        if (hi == 0 && lo >= 0) {
            long whole = lo / b;
            remainder = lo - whole * b;
            fractionDigits = whole > 0 ? DIGITS - LongDigits.count(whole) : DIGITS + leadingZeros(lo, b);
            lo = whole;
        } else {
            long[] whole = {hi, lo};
            remainder = LongDigits.divideInPlace(whole, b); // b < 2^31 here
            hi = whole[0];
            lo = whole[1];
            int wholeDigits = digitCount(hi, lo);
            if (wholeDigits > DIGITS) {
                return null; // rounding before the point: BigDecimal's
            }
            fractionDigits = DIGITS - wholeDigits;
        }
        // the digits so far are hi * 2^64 + lo (unsigned), below 10^35 at the end
        // remainder * 10^chunk < b * 10^chunk stays within a long, and each chunk of digits (below 10^15) is
        // estimated by a double multiplication to within one or two: long divisions are slow, one per call is enough
        int chunk = Math.min(18 - LongDigits.count(b), 15);
        double reciprocal = 1.0 / b;
        int left = fractionDigits;
        while (left > 0 && remainder != 0) {
            int k = Math.min(chunk, left);
            long power = LongDigits.powerOfTen(k);
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
        int gap = LongDigits.count(b) - LongDigits.count(a);
        return a * LongDigits.powerOfTen(gap) >= b ? gap - 1 : gap;
    }

    /** Digits of hi * 2^64 + lo (unsigned, below 2^126). */
    private static int digitCount(long hi, long lo) {
        if (hi == 0 && lo >= 0) {
            return lo == 0 ? 0 : LongDigits.count(lo);
        }
        int digits = 19;
        while (digits - 19 < LARGE_POWERS.length && !below(hi, lo, LARGE_POWERS[digits - 19])) {
            digits++;
        }
        return digits;
    }

    private static boolean below(long hi, long lo, long[] power) {
        return hi != power[0] ? Long.compareUnsigned(hi, power[0]) < 0 : Long.compareUnsigned(lo, power[1]) < 0;
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
