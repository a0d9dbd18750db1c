package dev.kpikit.runner.cli;

import java.math.BigDecimal;
import java.math.BigInteger;

import dev.kpikit.kpi.LongDigits;

/**
 * {@link BigDecimal#toPlainString()} appended straight to a builder: the digits of the unscaled value written where
 * they go, with no String made per number. A score file has 25 decimals a row, some with 34 digits (a share, a
 * growth); BigDecimal makes those through BigInteger's division, here they are cut into groups of nine digits in
 * long arithmetic. Beyond 126 bits, or with a negative scale, BigDecimal writes them.
 */
final class PlainDecimal {

    private static final int GROUP = 9;
    private static final long BILLION = LongDigits.powerOfTen(GROUP);

    private PlainDecimal() {
    }

    static void append(StringBuilder text, BigDecimal decimal) {
        int scale = decimal.scale();
        BigInteger unscaled = decimal.unscaledValue().abs();
        int bits = unscaled.bitLength();
        if (scale < 0 || bits > 126) {
            text.append(decimal.toPlainString());
            return;
        }
        if (decimal.signum() < 0) {
            text.append('-');
        }
        if (bits < 64) {
            appendDigits(text, unscaled.longValue(), NO_GROUPS, 0, scale);
            return;
        }
        // |unscaled| as {hi, lo} 64 bits: groups of nine digits come off the end by long division until the rest fits
        long[] rest = {unscaled.shiftRight(64).longValue(), unscaled.longValue()};
        long[] groups = new long[3];
        int count = 0;
        while (rest[0] != 0 || rest[1] < 0) {
            groups[count++] = LongDigits.divideInPlace(rest, BILLION);
        }
        appendDigits(text, rest[1], groups, count, scale);
    }

    private static final long[] NO_GROUPS = {};

    /** The digits of top, then of count groups of nine (groups[count - 1] first), as a decimal of this scale. */
    private static void appendDigits(StringBuilder text, long top, long[] groups, int count, int scale) {
        int digits = LongDigits.count(top) + GROUP * count;
        if (scale > 0 && digits <= scale) {
            text.append("0.");
            appendZeros(text, scale - digits);
        }
        int start = text.length();
        text.append(top);
        appendGroups(text, groups, count);
        if (scale > 0 && digits > scale) {
            text.insert(start + digits - scale, '.');
        }
    }

    private static void appendGroups(StringBuilder text, long[] groups, int count) {
        for (int i = count - 1; i >= 0; i--) {
            appendZeros(text, GROUP - LongDigits.count(groups[i]));
            text.append(groups[i]);
        }
    }

    private static void appendZeros(StringBuilder text, int zeros) {
        for (int i = 0; i < zeros; i++) {
            text.append('0');
        }
    }
}
