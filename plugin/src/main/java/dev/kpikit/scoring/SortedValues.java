package dev.kpikit.scoring;

import dev.kpikit.kpi.Ratios;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.DoubleStream;

/** A population's values of one measure, sorted once, for ranks and summary statistics. */
final class SortedValues {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

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

    int size() {
        return values.length;
    }

    /** Number of values below {@code x}. */
    int countBelow(BigDecimal x) {
        return count(x, false);
    }

    /** Number of values at or below {@code x}. */
    int countAtOrBelow(BigDecimal x) {
        return count(x, true);
    }

    /** The values as doubles, for compiled renderings. */
    Doubles doubles() {
        double[] sorted = new double[values.length];
        DoubleStream.Builder ambiguous = DoubleStream.builder();
        for (int i = 0; i < values.length; i++) {
            sorted[i] = values[i].doubleValue();
            if (i > 0 && sorted[i] == sorted[i - 1] && values[i].compareTo(values[i - 1]) != 0) {
                ambiguous.add(sorted[i]);
            }
        }
        return new Doubles(sorted, ambiguous.build().toArray());
    }

    /** Closer than doubles computed in different ways can be trusted to keep apart. */
    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1e-3, Math.max(Math.abs(a), Math.abs(b)));
    }

    /**
     * A population's values as sorted doubles.
     *
     * @param ambiguous the doubles that stand for more than one exact value (which differ beyond a double's digits)
     */
    record Doubles(double[] sorted, double[] ambiguous) {

        int countBelow(double x) {
            return count(x, false);
        }

        int countAtOrBelow(double x) {
            return count(x, true);
        }

        /**
         * True when x is near a value without equalling it (an input computed in doubles by another route than the
         * exact one), or equals a double that stands for several exact values: whether x ties with a value there
         * only exact values can tell.
         */
        boolean nearTie(double x) {
            if (Arrays.binarySearch(ambiguous, x) >= 0) {
                return true;
            }
            int below = count(x, false);
            int above = count(x, true);
            return below > 0 && near(sorted[below - 1], x) || above < sorted.length && near(sorted[above], x);
        }

        private int count(double x, boolean inclusive) {
            int low = 0;
            int high = sorted.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                int cmp = Double.compare(sorted[mid], x);
                if (cmp < 0 || inclusive && cmp == 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
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
