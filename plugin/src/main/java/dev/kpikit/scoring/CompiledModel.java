package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A model flattened into arrays for scoring millions of rows: no maps, no BigDecimal and no allocation per call,
 * with the renderings of {@link Normalisation#compiled} and {@link MissingPolicy#compiled} for one population (none
 * for a standalone model). Scores are doubles, equal to the exact path's up to floating-point error and before
 * rounding to the cent; NaN when a normalisation cannot tell in doubles (see {@link #cents}). NaN stands for a
 * missing input. Tiers come from the score alone: the model's rules need {@link TierRule#compile}.
 * Immutable and safe to share between threads.
 */
public final class CompiledModel {

    private final FactorInput[] inputs;
    private final double[] weights;
    private final DoubleUnaryOperator[] normalisations;
    /** The normalised value of a missing input, by factor; NaN when it leaves the factor out. */
    private final double[] missing;
    private final double fullWeight;
    private final double[] tierMins;
    private final String[] tierNames;

    CompiledModel(ScoringModel model, List<FactorScale> scales) {
        int n = scales.size();
        inputs = new FactorInput[n];
        weights = new double[n];
        normalisations = new DoubleUnaryOperator[n];
        missing = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            FactorScale scale = scales.get(i);
            inputs[i] = scale.factor().input();
            weights[i] = scale.factor().weight().doubleValue();
            normalisations[i] = scale.compiled();
            missing[i] = scale.compiledMissing();
            total += weights[i];
        }
        fullWeight = total;
        tierMins = model.tiers().stream().mapToDouble(tier -> tier.minScore().doubleValue()).toArray();
        tierNames = model.tiers().stream().map(Tier::name).toArray(String[]::new);
    }

    /** Number of factors: the length of the arrays that {@link #scoreNormalised} takes. */
    public int factorCount() {
        return inputs.length;
    }

    /** The input that factor {@code i} reads. */
    public FactorInput input(int i) {
        return inputs[i];
    }

    /**
     * Score from 0 to 100 of raw inputs indexed by {@link FactorInput#ordinal()}
     * ({@code raw[FactorInput.STRATEGIC_VALUE.ordinal()] = 5}), each normalised as its factor says; NaN when only the
     * exact path can tell.
     */
    public double score(double[] raw) {
        return score(raw, null);
    }

    /** An account's inputs as {@link #score} takes them, indexed by {@link FactorInput#ordinal()}: NaN where blank. */
    public static double[] raw(Account account) {
        double[] raw = new double[FactorInput.values().length];
        for (FactorInput input : FactorInput.values()) {
            BigDecimal value = account.input(input);
            raw[input.ordinal()] = value == null ? Double.NaN : value.doubleValue();
        }
        return raw;
    }

    /**
     * As {@link #score(double[])}, and each factor's points (its part of the score, before rounding to the cent; 0
     * for a factor left out) into {@code points}, one per factor in model order, when it is not null.
     */
    public double score(double[] raw, double[] points) {
        double sum = 0;
        double weight = fullWeight;
        for (int i = 0; i < inputs.length; i++) {
            double value = raw[inputs[i].ordinal()];
            double weighted = 0;
            if (!Double.isNaN(value)) {
                weighted = weights[i] * normalisations[i].applyAsDouble(value); // NaN where unsure: so is the score
            } else if (Double.isNaN(missing[i])) {
                weight -= weights[i];
            } else {
                weighted = weights[i] * missing[i];
            }
            sum += weighted;
            if (points != null) {
                points[i] = weighted;
            }
        }
        if (points != null) {
            for (int i = 0; i < inputs.length; i++) {
                points[i] = weight > 0 ? 100 * points[i] / weight : 0;
            }
        }
        return weight > 0 ? 100 * sum / weight : 0;
    }

    /** What {@link #cents} returns when a score is too near a half cent for a double to tell how it rounds. */
    public static final long UNSURE = Long.MIN_VALUE;
    /**
     * A double score (or a factor's points) is within 1e-12 of the exact one: a millionth of a cent keeps well clear of
     * that. Whoever rounds a compiled value to the cent trusts it only this far from where the rounding turns.
     */
    static final double HALF_CENT_MARGIN = 1e-6;

    /**
     * A score from {@link #score} in cents, rounded half up as the exact path rounds it, or {@link #UNSURE} when it
     * lies so near a half cent that only the exact path can tell which way it goes.
     */
    public static long cents(double score) {
        double hundredths = score * 100;
        double fraction = hundredths - Math.floor(hundredths);
        if (!Double.isFinite(hundredths) || Math.abs(fraction - 0.5) < HALF_CENT_MARGIN) {
            return UNSURE;
        }
        return (long) Math.floor(hundredths + 0.5);
    }

    /** Score from 0 to 100 of values already normalised to 0..1, one per factor in model order; NaN for a missing input. */
    public double scoreNormalised(double[] normalised) {
        double sum = 0;
        double weight = fullWeight;
        for (int i = 0; i < weights.length; i++) {
            double value = Double.isNaN(normalised[i]) ? missing[i] : normalised[i];
            if (Double.isNaN(value)) {
                weight -= weights[i];
            } else {
                sum += weights[i] * value;
            }
        }
        return weight > 0 ? 100 * sum / weight : 0;
    }

    /** Position of the score's tier in the model, 0 = best. */
    public int tierIndex(double score) {
        int i = 0;
        while (score < tierMins[i]) {
            i++;
        }
        return i;
    }

    public String tierName(double score) {
        return tierNames[tierIndex(score)];
    }
}
