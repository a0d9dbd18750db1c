package dev.kpikit.scoring;

/** What a factor is worth for an account that lacks its input. */
public enum MissingPolicy {
    /** Normalised value 0: no evidence counts as the worst. */
    ZERO,
    /** The mean of the population's raw values, normalised like any value. */
    MEAN,
    /** The median of the population's raw values, normalised like any value. */
    MEDIAN,
    /**
     * The factor is left out of this account's score and the other weights are scaled up
     * to fill its place. MEAN and MEDIAN do the same when no account has the input.
     */
    EXCLUDE;

    public boolean needsPopulation() {
        return this == MEAN || this == MEDIAN;
    }
}
