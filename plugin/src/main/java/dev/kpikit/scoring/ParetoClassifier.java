package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * ABC classes by cumulative revenue share. Accounts are ordered by revenue, highest first
 * and ties by id; an account is A while the revenue ranked before it is below
 * {@code aUpTo} of the total, B while below {@code bUpTo}, C after. So the account that
 * crosses 80% is still A: with one customer at 90%, that customer is A, not B.
 */
public record ParetoClassifier(BigDecimal aUpTo, BigDecimal bUpTo) {

    /** A up to 80% of revenue, B up to 95%, C the rest. */
    public static final ParetoClassifier DEFAULT = new ParetoClassifier(new BigDecimal("0.80"), new BigDecimal("0.95"));

    public ParetoClassifier {
        Objects.requireNonNull(aUpTo, "aUpTo");
        Objects.requireNonNull(bUpTo, "bUpTo");
        if (aUpTo.signum() <= 0 || aUpTo.compareTo(bUpTo) > 0 || bUpTo.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("need 0 < aUpTo <= bUpTo <= 1, got " + aUpTo + " and " + bUpTo);
        }
    }

    /** Class of every account, in revenue order; empty when no revenue is positive. A net-negative account is C. */
    public Map<String, AbcClass> classify(RevenueShares revenue) {
        Map<String, AbcClass> classes = new LinkedHashMap<>();
        BigDecimal total = revenue.shareBase();
        if (total.signum() <= 0) {
            return classes;
        }
        BigDecimal before = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> account : revenue.ranked().entrySet()) {
            classes.put(account.getKey(), classOf(before, total));
            before = before.add(NetNegative.counted(account.getValue()));
        }
        return classes;
    }

    /**
     * Class of an account when the accounts ranked before it hold {@code shareBefore} of
     * revenue (a fraction: 0.8 = 80%); null for a null share.
     */
    public AbcClass classOf(BigDecimal shareBefore) {
        return shareBefore == null ? null : classOf(shareBefore, BigDecimal.ONE);
    }

    /**
     * {@link #classOf(BigDecimal, BigDecimal)} for revenue before given in whole units of 10^-{@code scale}, the
     * limits worked out once: a whole number is below a limit when it is below the limit rounded up.
     *
     * @throws ArithmeticException when a limit in units is beyond a long
     */
    UnitLimits unitLimits(BigDecimal total, int scale) {
        return new UnitLimits(ceilingUnits(aUpTo.multiply(total), scale), ceilingUnits(bUpTo.multiply(total), scale));
    }

    /** The class limits in units of revenue before, see {@link #unitLimits}. */
    record UnitLimits(long a, long b) {
        AbcClass classOf(long before) {
            return before < a ? AbcClass.A : before < b ? AbcClass.B : AbcClass.C;
        }
    }

    /** The amount in units of 10^-{@code scale}, rounded up. */
    static long ceilingUnits(BigDecimal amount, int scale) {
        return amount.movePointRight(scale).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** before / total below a limit, compared without dividing. */
    AbcClass classOf(BigDecimal before, BigDecimal total) {
        return before.compareTo(aUpTo.multiply(total)) < 0 ? AbcClass.A
                : before.compareTo(bUpTo.multiply(total)) < 0 ? AbcClass.B : AbcClass.C;
    }
}
