package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What a factor is worth for an account that lacks its input. Each policy is defined here once, in its renderings
 * side by side: {@code exact} (the raw value that stands in, and the normalised value the factor then counts),
 * {@code compiled} (that normalised value as a double, a constant of the population) and {@code excel} (the formula
 * of the factor's normalised value with the missing case, and the fill cell's formula). A new policy is a new
 * constant with its renderings.
 */
public enum MissingPolicy {
    /** Normalised value 0: no evidence counts as the worst. */
    ZERO(null, null) {
        @Override
        BigDecimal exact(BigDecimal fill, UnaryOperator<BigDecimal> normalise) {
            return BigDecimal.ZERO;
        }

        @Override
        public String excel(String present, UnaryOperator<String> normalise, FactorCells cells) {
            return "IF(ISBLANK(" + cells.input() + "),0," + present + ")";
        }
    },
    /** The mean of the population's raw values, normalised like any value. */
    MEAN(SortedValues::mean, "AVERAGE"),
    /** The median of the population's raw values, normalised like any value. */
    MEDIAN(SortedValues::median, "MEDIAN"),
    /**
     * The factor is left out of this account's score and the other weights are scaled up
     * to fill its place. MEAN and MEDIAN do the same when no account has the input.
     */
    EXCLUDE(null, null) {
        @Override
        BigDecimal exact(BigDecimal fill, UnaryOperator<BigDecimal> normalise) {
            return null;
        }

        @Override
        public String excel(String present, UnaryOperator<String> normalise, FactorCells cells) {
            return "IF(ISBLANK(" + cells.input() + "),\"\"," + present + ")";
        }
    };

    /** The statistic of the population's values that fills a missing input, exact and as an Excel function. */
    private final Function<SortedValues, BigDecimal> statistic;
    private final String excelStatistic;

    MissingPolicy(Function<SortedValues, BigDecimal> statistic, String excelStatistic) {
        this.statistic = statistic;
        this.excelStatistic = excelStatistic;
    }

    public boolean needsPopulation() {
        return statistic != null;
    }

    /** Exact: the raw value that stands in for a missing input; null when there is none. */
    BigDecimal fill(SortedValues population) {
        return statistic == null ? null : statistic.apply(population);
    }

    /**
     * Exact: the normalised value a missing input counts as, given the {@link #fill} and the factor's normalisation;
     * null when the factor is left out of the account's score (its weight goes to the others). By default the fill
     * normalised, or left out when the population has no value to fill with.
     */
    BigDecimal exact(BigDecimal fill, UnaryOperator<BigDecimal> normalise) {
        return fill == null ? null : normalise.apply(fill);
    }

    /** Compiled: {@link #exact} as a double, NaN when left out; a constant of the population, so taken from it. */
    final double compiled(BigDecimal fill, UnaryOperator<BigDecimal> normalise) {
        BigDecimal value = exact(fill, normalise);
        return value == null ? Double.NaN : value.doubleValue();
    }

    /**
     * Excel: the formula of the factor's normalised value, text "" when it is left out, given the formula of a
     * present input's ({@code present}) and the normalisation as a formula of any cell ({@code normalise}).
     * By default the fill cell normalised, or left out when it is text "" (no value to fill with).
     */
    public String excel(String present, UnaryOperator<String> normalise, FactorCells cells) {
        return "IF(ISBLANK(" + cells.input() + "),IF(ISNUMBER(" + cells.fill() + ")," + normalise.apply(cells.fill())
                + ",\"\")," + present + ")";
    }

    /**
     * Excel: the formula of the fill cell, the raw value that stands in for a missing input, text "" when no
     * account has one; null when no value stands in.
     */
    public String excelFill(FactorCells cells) {
        return excelStatistic == null ? null
                : "IF(COUNT(" + cells.population() + ")=0,\"\"," + excelStatistic + "(" + cells.population() + "))";
    }
}
