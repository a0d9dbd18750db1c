package dev.kpikit.scoring;

import java.math.BigDecimal;

/**
 * Herfindahl-Hirschman index of revenue concentration, accumulated in one pass:
 * HHI = 10,000 x sum(x_i^2) / (sum x_i)^2, which equals the sum of squared percentage
 * shares. 10,000 means one account holds all revenue. Values that are null are skipped; a
 * negative value (a net-negative account) counts as a share of 0, see {@link NetNegative}.
 */
public final class Concentration {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private BigDecimal sum = BigDecimal.ZERO;
    private BigDecimal sumOfSquares = BigDecimal.ZERO;
    private long count;

    public Concentration add(BigDecimal value) {
        if (value == null) {
            return this;
        }
        value = NetNegative.counted(value);
        sum = sum.add(value);
        sumOfSquares = sumOfSquares.add(value.multiply(value));
        count++;
        return this;
    }

    public long count() {
        return count;
    }

    /** The index from 0 to 10,000; null when there is no value or the total is zero. */
    public BigDecimal hhi() {
        return hhi(sum, sumOfSquares);
    }

    /** The index of values (shares counted, see {@link #add}) of this sum and sum of squares; null for a sum of zero. */
    static BigDecimal hhi(BigDecimal sum, BigDecimal sumOfSquares) {
        if (sum.signum() == 0) {
            return null;
        }
        return dev.kpikit.kpi.Ratios.divide(sumOfSquares.multiply(TEN_THOUSAND), sum.multiply(sum));
    }

    /** The band of {@link #hhi()}; null when there is no index. */
    public ConcentrationBand band() {
        return ConcentrationBand.of(hhi());
    }
}
