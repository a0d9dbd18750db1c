package dev.kpikit.scoring;

import dev.kpikit.kpi.Ratios;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;

/** A population's values of one measure, sorted once, for ranks and summary statistics. */
final class SortedValues {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final BigDecimal[] values;

    SortedValues(Collection<BigDecimal> values) {
        this.values = values.stream().filter(Objects::nonNull).sorted().toArray(BigDecimal[]::new);
    }

    boolean isEmpty() {
        return values.length == 0;
    }

    BigDecimal min() {
        return isEmpty() ? null : values[0];
    }

    BigDecimal max() {
        return isEmpty() ? null : values[values.length - 1];
    }

    BigDecimal mean() {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal value : values) {
            sum = sum.add(value);
        }
        return Ratios.divide(sum, BigDecimal.valueOf(values.length));
    }

    BigDecimal median() {
        if (isEmpty()) {
            return null;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : values[middle - 1].add(values[middle]).divide(TWO);
    }

    /**
     * Mid-rank of {@code x} from 0 (lowest) to 1 (highest): (below + (equal - 1) / 2) / (n - 1).
     * Ties share their average rank; a value that is no member (an imputed mean) ranks
     * halfway between the positions of its neighbours; 0.5 when the population has a single distinct value.
     */
    BigDecimal percentileRank(BigDecimal x) {
        if (values.length <= 1) {
            return HALF;
        }
        int below = count(x, false);
        int equal = count(x, true) - below;
        BigDecimal rank = BigDecimal.valueOf(below).add(BigDecimal.valueOf(equal - 1).multiply(HALF));
        BigDecimal percentile = Ratios.divide(rank, BigDecimal.valueOf(values.length - 1L));
        return percentile.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }

    /** Number of values below {@code x}, or at or below it when {@code inclusive}. */
    private int count(BigDecimal x, boolean inclusive) {
        int low = 0;
        int high = values.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            int cmp = values[mid].compareTo(x);
            if (cmp < 0 || inclusive && cmp == 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
