package dev.kpikit.scoring;

import dev.kpikit.kpi.Ratios;

import java.math.BigDecimal;
import java.util.function.DoubleUnaryOperator;

/**
 * How a factor's raw input becomes a value from 0 to 1. Each normalisation is defined here once, in its three
 * renderings side by side: {@code exact} (BigDecimal, what every score and explanation shows), {@code compiled}
 * (doubles, for scoring millions of accounts, equal to the exact value up to floating-point error, NaN where only
 * the exact path can tell) and {@code excel} (a formula over the cells a workbook hands in, which Excel and
 * LibreOffice recalculate to the exact value). A new normalisation is a new constant with its three renderings.
 */
public enum Normalisation {
    /** (x - lowest) / (highest - lowest) over the scored population; 0.5 for all when they are equal. */
    MIN_MAX {
        @Override
        BigDecimal exact(BigDecimal raw, Factor factor, SortedValues population) {
            return population.min().compareTo(population.max()) == 0
                    ? HALF : between(raw, population.min(), population.max());
        }

        @Override
        DoubleUnaryOperator compiled(Factor factor, SortedValues population) {
            if (population.isEmpty() || population.min().compareTo(population.max()) == 0) {
                return x -> 0.5; // an empty population has no input to normalise: only missing ones
            }
            return between(population.min().doubleValue(), population.max().subtract(population.min()).doubleValue());
        }

        @Override
        public String excel(String x, FactorCells cells) {
            String range = cells.population();
            return "IF(MAX(" + range + ")=MIN(" + range + "),0.5," + scaled("MIN(" + range + ")", "MAX(" + range + ")", x) + ")";
        }
    },
    /**
     * Mid-rank over the scored population: (values below + (values equal - 1) / 2) / (n - 1),
     * so the lowest gets 0, the highest 1 and ties share the average; 0.5 for a population of one.
     * A value that is no member (an imputed mean) ranks halfway between the positions of its neighbours.
     */
    PERCENTILE_RANK {
        @Override
        BigDecimal exact(BigDecimal raw, Factor factor, SortedValues population) {
            int n = population.size();
            if (n <= 1) {
                return HALF;
            }
            int below = population.countBelow(raw);
            int equal = population.countAtOrBelow(raw) - below;
            BigDecimal rank = BigDecimal.valueOf(below).add(BigDecimal.valueOf(equal - 1L).multiply(HALF));
            return clamp(Ratios.divide(rank, BigDecimal.valueOf(n - 1L)));
        }

        @Override
        DoubleUnaryOperator compiled(Factor factor, SortedValues population) {
            int n = population.size();
            if (n <= 1) {
                return x -> 0.5;
            }
            SortedValues.Doubles sorted = population.doubles();
            double last = n - 1;
            return x -> {
                if (sorted.nearTie(x)) {
                    return Double.NaN; // which side of a tie x is on, only the exact values can tell
                }
                int below = sorted.countBelow(x);
                int equal = sorted.countAtOrBelow(x) - below;
                return Math.max(0, Math.min(1, (below + (equal - 1) * 0.5) / last));
            };
        }

        @Override
        public String excel(String x, FactorCells cells) {
            String range = cells.population();
            return "IF(COUNT(" + range + ")<=1,0.5,MAX(0,MIN(1,(COUNTIF(" + range + ",\"<\"&" + x + ")+(COUNTIF("
                    + range + "," + x + ")-1)/2)/(COUNT(" + range + ")-1))))";
        }
    },
    /** (x - min) / (max - min) with the model's bounds, capped to 0..1; needs no population. */
    FIXED_SCALE {
        @Override
        BigDecimal exact(BigDecimal raw, Factor factor, SortedValues population) {
            return between(raw, factor.min(), factor.max());
        }

        @Override
        DoubleUnaryOperator compiled(Factor factor, SortedValues population) {
            return between(factor.min().doubleValue(), factor.max().subtract(factor.min()).doubleValue());
        }

        @Override
        public String excel(String x, FactorCells cells) {
            return scaled(cells.min(), cells.max(), x);
        }

        @Override
        BigDecimal outOf(Factor factor, SortedValues population) {
            return factor.max();
        }
    };

    private static final BigDecimal HALF = new BigDecimal("0.5");

    public boolean needsPopulation() {
        return this != FIXED_SCALE;
    }

    /** True when the factor has bounds of its own in the model (its min and max). */
    public boolean hasBounds() {
        return this == FIXED_SCALE;
    }

    /** Exact: the normalised value of a present input, from 0 to 1. */
    abstract BigDecimal exact(BigDecimal raw, Factor factor, SortedValues population);

    /**
     * Compiled: the same in doubles, for one population taken once; NaN when the double cannot tell what the exact
     * value is (and the caller must take the exact path).
     */
    abstract DoubleUnaryOperator compiled(Factor factor, SortedValues population);

    /** Excel: a formula of the normalised value of the number in cell (or name) {@code x}. */
    public abstract String excel(String x, FactorCells cells);

    /** Top of the scale, to say "5/5" in explanations: the population's highest unless the model fixes it. */
    BigDecimal outOf(Factor factor, SortedValues population) {
        return population.max();
    }

    private static BigDecimal between(BigDecimal raw, BigDecimal low, BigDecimal high) {
        // strictly past an end the quotient is clamped to it whatever its digits: the division is spared (a growth
        // beyond its scale is common, and each row of a data set asks)
        if (high.compareTo(low) > 0 && raw.compareTo(high) > 0) {
            return BigDecimal.ONE;
        }
        if (high.compareTo(low) > 0 && raw.compareTo(low) < 0) {
            return BigDecimal.ZERO;
        }
        return clamp(Ratios.divide(raw.subtract(low), high.subtract(low)));
    }

    private static BigDecimal clamp(BigDecimal value) {
        return value.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }

    private static DoubleUnaryOperator between(double low, double span) {
        return x -> Math.min(1, Math.max(0, (x - low) / span));
    }

    /** (x - low) / (high - low) capped to 0..1, 0 when high = low (which a model's bounds never are). */
    private static String scaled(String low, String high, String x) {
        return "IF(" + high + "=" + low + ",0,MAX(0,MIN(1,(" + x + "-" + low + ")/(" + high + "-" + low + "))))";
    }
}
