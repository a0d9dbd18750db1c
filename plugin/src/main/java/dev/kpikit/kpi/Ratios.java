package dev.kpikit.kpi;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Safe arithmetic that every KPI formula builds on. A ratio with a zero or missing
 * denominator has no value: it is {@code null} (a blank cell in a report), never
 * Infinity, NaN or an exception.
 */
public final class Ratios {

    /** Precision of every quotient: 34 significant digits, as IEEE 754 decimal128. */
    public static final MathContext PRECISION = MathContext.DECIMAL128;

    private Ratios() {
    }

    /** numerator / denominator; null when either is null or the denominator is zero. */
    public static BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        BigDecimal inLongs = LongQuotient.of(numerator, denominator);
        return inLongs != null ? inLongs : tidy(numerator.divide(denominator, PRECISION));
    }

    /** Without trailing zeros, but never with a negative scale: 12500, not 1.25E+4 as text. */
    static BigDecimal tidy(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** current - previous; null when either is missing. */
    public static BigDecimal difference(BigDecimal current, BigDecimal previous) {
        return current == null || previous == null ? null : current.subtract(previous);
    }

    /** a * b; null when either is missing. */
    public static BigDecimal product(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.multiply(b);
    }

    /**
     * Period-over-period growth as a fraction: (current - previous) / |previous|.
     * Dividing by the magnitude keeps the sign meaningful when the previous value was
     * negative (a loss that shrinks is growth). Null when previous is zero or missing.
     */
    public static BigDecimal growth(BigDecimal current, BigDecimal previous) {
        return previous == null ? null : divide(difference(current, previous), previous.abs());
    }
}
