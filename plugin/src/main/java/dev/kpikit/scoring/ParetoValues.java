package dev.kpikit.scoring;

import dev.kpikit.kpi.Ratios;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * Pareto classes of a set of values known all together, such as one revenue per account of a
 * report group: each value's class follows from the sum of the values above it, whatever
 * order the values came in. Equal values share the class of the first of them, where
 * {@link ParetoClassifier#classify} would part them by account id. A negative value counts as 0
 * (see {@link NetNegative}): it is C.
 */
public final class ParetoValues {

    private final ParetoClassifier classifier;
    private final BigDecimal[] ascending;
    /** sumFrom[i] = ascending[i] + ... + ascending[n - 1]. */
    private final BigDecimal[] sumFrom;

    public ParetoValues(ParetoClassifier classifier, Collection<BigDecimal> values) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.ascending = values.stream().filter(Objects::nonNull).map(NetNegative::counted).sorted()
                .toArray(BigDecimal[]::new);
        this.sumFrom = new BigDecimal[ascending.length + 1];
        sumFrom[ascending.length] = BigDecimal.ZERO;
        for (int i = ascending.length - 1; i >= 0; i--) {
            sumFrom[i] = sumFrom[i + 1].add(ascending[i]);
        }
    }

    /** The class of one of the values; null for null or when the values add up to zero. */
    public AbcClass classOf(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal above = sumFrom[firstAbove(NetNegative.counted(value))];
        BigDecimal share = Ratios.divide(above, sumFrom[0]);
        return classifier.classOf(share);
    }

    /** Index of the first value greater than {@code value}. */
    private int firstAbove(BigDecimal value) {
        int low = 0;
        int high = ascending.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ascending[mid].compareTo(value) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public String toString() {
        return "ParetoValues" + Arrays.toString(ascending);
    }
}
