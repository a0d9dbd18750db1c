package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.util.function.DoubleUnaryOperator;

/**
 * Turns one factor's raw inputs into values from 0 to 1, with the population's statistics
 * taken once. A FIXED_SCALE factor with a ZERO or EXCLUDE policy needs no population.
 * The rules themselves are {@link Normalisation}'s and {@link MissingPolicy}'s.
 */
final class FactorScale {

    private final Factor factor;
    private final SortedValues population;
    private final BigDecimal fill;
    /** The normalised value of a missing input; null when it leaves the factor out. */
    private final BigDecimal missing;

    FactorScale(Factor factor, SortedValues population) {
        this.factor = factor;
        this.population = population;
        this.fill = factor.missing().fill(population);
        this.missing = factor.missing().exact(fill, this::normalise);
    }

    Factor factor() {
        return factor;
    }

    /** The normalised value of an input, null (missing) included: null when the factor is left out. */
    BigDecimal normalised(BigDecimal raw) {
        return raw == null ? missing : normalise(raw);
    }

    BigDecimal normalise(BigDecimal raw) {
        return factor.normalisation().exact(raw, factor, population);
    }

    /** The compiled rendering of {@link #normalise} for this population; NaN where only the exact path can tell. */
    DoubleUnaryOperator compiled() {
        return factor.normalisation().compiled(factor, population);
    }

    /** The compiled normalised value of a missing input, NaN when it leaves the factor out. */
    double compiledMissing() {
        return factor.missing().compiled(fill, this::normalise);
    }

    /** Top of the scale, to say "5/5" in explanations: the fixed maximum or the population's highest. */
    BigDecimal outOf() {
        return factor.normalisation().outOf(factor, population);
    }
}
