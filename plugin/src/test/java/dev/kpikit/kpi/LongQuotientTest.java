package dev.kpikit.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
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
    void leavesOperandsBeyondLongsToBigDecimal() {
        assertNull(LongQuotient.of(new BigDecimal("1234567890123456789"), BigDecimal.TEN));
        assertNull(LongQuotient.of(BigDecimal.ONE, new BigDecimal("123456789012345678")));
        assertEquals(Ratios.tidy(BigDecimal.ONE.divide(new BigDecimal("123456789012345678"), Ratios.PRECISION)),
                Ratios.divide(BigDecimal.ONE, new BigDecimal("123456789012345678")));
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
