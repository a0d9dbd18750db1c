package dev.kpikit.scoring;

import dev.kpikit.kpi.Ratios;

import java.math.BigDecimal;

/**
 * Turns one factor's raw inputs into values from 0 to 1, with the population's statistics
 * taken once. A FIXED_SCALE factor with a ZERO or EXCLUDE policy needs no population.
 */
final class FactorScale {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final Factor factor;
    private final SortedValues population;
    private final BigDecimal fill;

    FactorScale(Factor factor, SortedValues population) {
        this.factor = factor;
        this.population = population;
        this.fill = switch (factor.missing()) {
            case MEAN -> population.mean();
            case MEDIAN -> population.median();
            case ZERO, EXCLUDE -> null;
        };
    }

    Factor factor() {
        return factor;
    }

    /** The raw value that stands in for a missing input; null when there is none. */
    BigDecimal fill() {
        return fill;
    }

    /** True when a missing input leaves the factor out of the account's score. */
    boolean excludesMissing() {
        return factor.missing() == MissingPolicy.EXCLUDE || factor.missing().needsPopulation() && fill == null;
    }

    BigDecimal normalise(BigDecimal raw) {
        return switch (factor.normalisation()) {
            case FIXED_SCALE -> between(raw, factor.min(), factor.max());
            case MIN_MAX -> population.min().compareTo(population.max()) == 0
                    ? HALF : between(raw, population.min(), population.max());
            case PERCENTILE_RANK -> population.percentileRank(raw);
        };
    }

    /** Top of the scale, to say "5/5" in explanations: the fixed maximum or the population's highest. */
    BigDecimal outOf() {
        return factor.normalisation() == Normalisation.FIXED_SCALE ? factor.max() : population.max();
    }

    private static BigDecimal between(BigDecimal raw, BigDecimal low, BigDecimal high) {
        BigDecimal scaled = Ratios.divide(raw.subtract(low), high.subtract(low));
        return scaled.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }
}
