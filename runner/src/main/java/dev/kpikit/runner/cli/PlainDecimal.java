package dev.kpikit.runner.cli;

import java.math.BigDecimal;
import java.math.BigInteger;

import dev.kpikit.kpi.LongDigits;

/**
 * {@link BigDecimal#toPlainString()} written straight into CSV records, with no String made per number. A score file
 * has 25 decimals a row, some with 34 digits (a share, a growth); BigDecimal makes those through BigInteger's division,
 * here they are cut into groups of nine digits in long arithmetic. The digits are written, last first, two at a time,
 * into a buffer of this instance and go to the records in two pieces around the point. Beyond 126 bits, or with a
 * negative scale, BigDecimal writes them. One per thread.
 */
final class PlainDecimal {

    private static final int GROUP = 9;
    private static final long BILLION = LongDigits.powerOfTen(GROUP);
    /** At most this many digits, an unscaled value is sure to fit a long (BigDecimal keeps such a value as one). */
    private static final int COMPACT = 18;
    /** "00" to "99": the tens and the ones digit of each number below 100. */
    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
    }

    /** The digits of the number at hand, in the last places. 126 bits have at most 38 digits, a long 19. */
    private final byte[] digits = new byte[40];
    /** The part of a wide unscaled value not yet written, as {hi, lo} 64 bits. */
    private final long[] rest = new long[2];

    void append(CsvRecords out, BigDecimal decimal) {
        int scale = decimal.scale();
        boolean negative = decimal.signum() < 0;
        int start;
        if (scale >= 0 && decimal.precision() <= COMPACT) {
            // the unscaled value as a long, without the BigInteger that unscaledValue() makes of it
            start = put(Math.abs(decimal.scaleByPowerOfTen(scale).longValue()), digits.length);
        } else {
            BigInteger unscaled = decimal.unscaledValue().abs();
            if (scale < 0 || unscaled.bitLength() > 126) {
                out.ascii(decimal.toPlainString());
                return;
            }
            rest[0] = unscaled.shiftRight(64).longValue();
            rest[1] = unscaled.longValue();
            start = digits.length;
            while (rest[0] != 0 || rest[1] < 0) {
                start = putGroup((int) LongDigits.divideInPlace(rest, BILLION), start);
            }
            start = put(rest[1], start);
        }
        int count = digits.length - start;
        int whole = count - scale; // digits before the point
        byte[] into = out.room(3 + Math.max(count, scale)); // sign, "0." or the point, zeros and digits
        int at = out.size();
        if (negative) {
            into[at++] = '-';
        }
        if (whole <= 0) {
            into[at++] = '0';
            into[at++] = '.';
            for (int i = whole; i < 0; i++) {
                into[at++] = '0';
            }
            System.arraycopy(digits, start, into, at, count);
            at += count;
        } else {
            System.arraycopy(digits, start, into, at, whole);
            at += whole;
            if (scale > 0) {
                into[at++] = '.';
                System.arraycopy(digits, start + whole, into, at, scale);
                at += scale;
            }
        }
        out.size(at);
    }

    /** A long's digits, as {@link Long#toString(long)} writes them. */
    void append(CsvRecords out, long number) {
        if (number == Long.MIN_VALUE) {
            out.ascii(Long.toString(number)); // the one long without a positive counterpart
            return;
        }
        int start = put(Math.abs(number), digits.length);
        int count = digits.length - start;
        byte[] into = out.room(1 + count);
        int at = out.size();
        if (number < 0) {
            into[at++] = '-';
        }
        System.arraycopy(digits, start, into, at, count);
        out.size(at + count);
    }

    /** Writes the digits of a number of 0 or more to end before {@code end}; returns where they start. */
    private int put(long number, int end) {
        int at = end;
        while (number >= BILLION) {
            long high = number / BILLION;
            at = putGroup((int) (number - high * BILLION), at);
            number = high;
        }
        int small = (int) number;
        while (small >= 100) {
            int quotient = byHundred(small);
            at = putPair(small - quotient * 100, at);
            small = quotient;
        }
        digits[--at] = ONES[small];
        if (small >= 10) {
            digits[--at] = TENS[small];
        }
        return at;
    }

    /** Writes a group of nine digits, zeros first where it is below 10^8; returns where they start. */
    private int putGroup(int group, int end) {
        int at = end;
        for (int i = 0; i < 4; i++) {
            int quotient = byHundred(group);
            at = putPair(group - quotient * 100, at);
            group = quotient;
        }
        digits[--at] = ONES[group];
        return at;
    }

    /**
     * number / 100 for a number of 0 or more, by a multiplication: (number x ceil(2^37 / 100)) >> 37 is exact for
     * every int, and the quick compiler, which score runs with, divides by a constant with a division.
     */
    private static int byHundred(int number) {
        return (int) (number * 0x51EB851FL >>> 37);
    }

    private int putPair(int pair, int end) {
        digits[end - 1] = ONES[pair];
        digits[end - 2] = TENS[pair];
        return end - 2;
    }
}
