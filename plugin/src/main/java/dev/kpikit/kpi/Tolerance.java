package dev.kpikit.kpi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How far a value may miss its target and still be {@link Status#AMBER}: either an absolute
 * amount in the unit of the value, or a fraction of the target's magnitude.
 */
public record Tolerance(BigDecimal amount, boolean relative) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Tolerance {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("A tolerance cannot be negative: " + amount);
        }
    }

    /** Amber within {@code amount} of the target, in the unit of the value. */
    public static Tolerance absolute(BigDecimal amount) {
        return new Tolerance(amount, false);
    }

    /** Amber within {@code fraction} * |target| of the target (0.1 = within 10 % of the target). */
    public static Tolerance relative(BigDecimal fraction) {
        return new Tolerance(fraction, true);
    }

    /** Reads "10%" as relative (a tenth of the target) and a plain number such as "2.5" as absolute. */
    public static Tolerance parse(String text) {
        String t = text.strip();
        try {
            return t.endsWith("%")
                    ? relative(new BigDecimal(t.substring(0, t.length() - 1).strip()).divide(HUNDRED))
                    : absolute(new BigDecimal(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a tolerance (expected a number or a percentage such as 10%): " + text);
        }
    }

    /** The width of the amber band around {@code target}. */
    public BigDecimal band(BigDecimal target) {
        return relative ? amount.multiply(target.abs()) : amount;
    }
}
