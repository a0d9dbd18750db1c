package dev.kpikit.scoring;

/** How a factor's raw input becomes a value from 0 to 1. */
public enum Normalisation {
    /** (x - lowest) / (highest - lowest) over the scored population; 0.5 for all when they are equal. */
    MIN_MAX,
    /**
     * Mid-rank over the scored population: (values below + (values equal - 1) / 2) / (n - 1),
     * so the lowest gets 0, the highest 1 and ties share the average; 0.5 for a population of one.
     */
    PERCENTILE_RANK,
    /** (x - min) / (max - min) with the model's bounds, capped to 0..1; needs no population. */
    FIXED_SCALE;

    public boolean needsPopulation() {
        return this != FIXED_SCALE;
    }
}
