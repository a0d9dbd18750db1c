package dev.kpikit.scoring;

import dev.kpikit.kpi.Ratios;

import java.math.BigDecimal;
import java.util.PriorityQueue;

/**
 * Share of the {@code n} largest values in a stream of values, such as the revenue of the
 * five biggest accounts. Keeps only those n values (a min-heap), so memory does not grow
 * with the stream. Nulls are skipped; a negative value counts as 0, as for the HHI (see {@link NetNegative}).
 */
public final class TopNShare {

    private final int n;
    private final PriorityQueue<BigDecimal> largest = new PriorityQueue<>();
    private BigDecimal total = BigDecimal.ZERO;

    public TopNShare(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("N must be at least 1, got " + n);
        }
        this.n = n;
    }

    public TopNShare add(BigDecimal value) {
        if (value == null) {
            return this;
        }
        value = NetNegative.counted(value);
        total = total.add(value);
        if (largest.size() < n) {
            largest.add(value);
        } else if (value.compareTo(largest.peek()) > 0) {
            // one no larger than the smallest kept changes nothing (an equal one adds the same amount)
            largest.poll();
            largest.add(value);
        }
        return this;
    }

    public int n() {
        return n;
    }

    /** The n largest values' part of the total, 0 to 1; null when the total is zero. */
    public BigDecimal share() {
        return Ratios.divide(largest.stream().reduce(BigDecimal.ZERO, BigDecimal::add), total);
    }
}
