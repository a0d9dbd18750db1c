package dev.kpikit.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The quotient in longs is BigDecimal's, digit for digit and scale for scale. */
class LongQuotientTest {

    @Property(tries = 20_000)
    void equalsBigDecimalsQuotient(@ForAll("unscaled") long a, @ForAll("unscaledDenominator") long b,
            @ForAll @IntRange(min = -6, max = 20) int scaleA, @ForAll @IntRange(min = -6, max = 20) int scaleB) {
        BigDecimal numerator = BigDecimal.valueOf(a, scaleA);
        BigDecimal denominator = BigDecimal.valueOf(b, scaleB);
        assertEquals(viaBigDecimal(numerator, denominator), LongQuotient.of(numerator, denominator),
                numerator + " / " + denominator);
    }

    /** A numerator of up to 38 digits (a 34-digit share less a low end) over a normalisation's range. */
    @Property(tries = 20_000)
    void wideNumeratorsOverNarrowDenominatorsEqualBigDecimalsQuotient(@ForAll("wide") BigInteger a,
            @ForAll("narrowDenominator") long b, @ForAll @IntRange(min = -6, max = 45) int scaleA,
            @ForAll @IntRange(min = -6, max = 12) int scaleB) {
        BigDecimal numerator = new BigDecimal(a, scaleA);
        BigDecimal denominator = BigDecimal.valueOf(b, scaleB);
        BigDecimal expected = viaBigDecimal(numerator, denominator);
        BigDecimal inLongs = LongQuotient.of(numerator, denominator);
        boolean inReach = a.abs().bitLength() <= 126 && Math.abs(b) <= Integer.MAX_VALUE
                && a.abs().divide(BigInteger.valueOf(Math.abs(b))).compareTo(BigInteger.TEN.pow(34)) < 0;
        if (inLongs != null || inReach) {
            assertEquals(expected, inLongs, numerator + " / " + denominator);
        }
    }

    @Provide
    Arbitrary<BigInteger> wide() {
        return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.TWO.pow(126).negate(), BigInteger.TWO.pow(126)),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(33), BigInteger.TEN.pow(34)),
                Arbitraries.integers().between(18, 38).map(BigInteger.TEN::pow),
                Arbitraries.integers().between(18, 38).map(i -> BigInteger.TEN.pow(i).subtract(BigInteger.ONE)),
                Arbitraries.integers().between(60, 127).map(bits -> BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)));
    }

    @Provide
    Arbitrary<Long> narrowDenominator() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-Integer.MAX_VALUE, Integer.MAX_VALUE),
                Arbitraries.longs().between(1, 20), Arbitraries.integers().between(0, 9).map(i -> pow10(i)),
                Arbitraries.integers().between(0, 30).map(i -> 1L << i), Arbitraries.just((long) Integer.MAX_VALUE),
                Arbitraries.just(1L + Integer.MAX_VALUE)).filter(b -> b != 0);
    }

    @Provide
    Arbitrary<Long> unscaled() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-999_999_999_999_999_999L, 999_999_999_999_999_999L),
                Arbitraries.longs().between(-10_000, 10_000), Arbitraries.longs().between(-100_000_000L, 100_000_000L),
                Arbitraries.integers().between(0, 17).map(i -> pow10(i)), Arbitraries.integers().between(1, 18).map(i -> pow10(i) - 1));
    }

    @Provide
    Arbitrary<Long> unscaledDenominator() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-99_999_999_999_999_999L, 99_999_999_999_999_999L),
                Arbitraries.longs().between(-1_000, 1_000), Arbitraries.longs().between(1, 100_000_000L),
                Arbitraries.integers().between(0, 16).map(i -> pow10(i)), Arbitraries.integers().between(1, 17).map(i -> pow10(i) - 1),
                Arbitraries.integers().between(0, 56).map(i -> 1L << i).filter(v -> v < 99_999_999_999_999_999L))
                .filter(b -> b != 0);
    }

    @Test
    void tiesAndTheEdgesOfLongs() {
        // 1 / 2^k ends in 5 beyond digit 34 for large k; 1/3 never ties; 2/3 rounds up
        for (int k = 1; k < 56; k++) {
            check(BigDecimal.ONE, BigDecimal.valueOf(1L << k));
            check(BigDecimal.valueOf(3), BigDecimal.valueOf(1L << k));
        }
        check(BigDecimal.valueOf(2), BigDecimal.valueOf(3));
        check(new BigDecimal("549973.00"), new BigDecimal("874588"));
        check(new BigDecimal("-0.01"), new BigDecimal("99999999999999.999"));
        // exactly 2^64 x 10^-24, negative: the low 64 bits are all zero
        check(BigDecimal.valueOf(-(1L << 40)), BigDecimal.valueOf(5).pow(24));
        check(BigDecimal.valueOf(1L << 40), BigDecimal.valueOf(5).pow(24));
    }

    @Test
    void leavesOperandsBeyondItsReachToBigDecimal() {
        BigDecimal eighteenDigits = new BigDecimal("123456789012345678");
        BigDecimal beyond126Bits = new BigDecimal(BigInteger.ONE.shiftLeft(127));
        assertNull(LongQuotient.of(BigDecimal.ONE, eighteenDigits));
        assertNull(LongQuotient.of(beyond126Bits, BigDecimal.TEN));
        assertNull(LongQuotient.of(new BigDecimal("1234567890123456789"), BigDecimal.valueOf(1L << 31)));
        assertNull(LongQuotient.of(BigDecimal.TEN.pow(37), BigDecimal.ONE)); // 38 digits before the point
        assertEquals(Ratios.tidy(BigDecimal.ONE.divide(eighteenDigits, Ratios.PRECISION)), Ratios.divide(BigDecimal.ONE, eighteenDigits));
        assertEquals(Ratios.tidy(beyond126Bits.divide(BigDecimal.TEN, Ratios.PRECISION)), Ratios.divide(beyond126Bits, BigDecimal.TEN));
    }

    private static void check(BigDecimal numerator, BigDecimal denominator) {
        assertEquals(viaBigDecimal(numerator, denominator), LongQuotient.of(numerator, denominator),
                numerator + " / " + denominator);
    }

    private static BigDecimal viaBigDecimal(BigDecimal numerator, BigDecimal denominator) {
        return Ratios.tidy(numerator.divide(denominator, Ratios.PRECISION));
    }

    private static long pow10(int exponent) {
        return BigDecimal.ONE.scaleByPowerOfTen(exponent).longValueExact();
    }
}
