package dev.kpikit.scoring;

import java.util.List;

/**
 * A standalone model flattened into arrays for scoring millions of rows: no maps, no
 * BigDecimal and no allocation per call. Scores are doubles, equal to the exact path's
 * up to floating-point error and before rounding to the cent. NaN stands for a missing
 * input. Tiers come from the score alone: the model's rules need the exact path.
 * Immutable and safe to share between threads.
 */
public final class CompiledModel {

    private final FactorInput[] inputs;
    private final double[] weights;
    private final double[] mins;
    private final double[] spans;
    private final boolean[] excludeMissing;
    private final double fullWeight;
    private final double[] tierMins;
    private final String[] tierNames;

    CompiledModel(ScoringModel model) {
        List<Factor> factors = model.factors();
        int n = factors.size();
        inputs = new FactorInput[n];
        weights = new double[n];
        mins = new double[n];
        spans = new double[n];
        excludeMissing = new boolean[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            Factor factor = factors.get(i);
            inputs[i] = factor.input();
            weights[i] = factor.weight().doubleValue();
            mins[i] = factor.min().doubleValue();
            spans[i] = factor.max().subtract(factor.min()).doubleValue();
            excludeMissing[i] = factor.missing() == MissingPolicy.EXCLUDE;
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
     * ({@code raw[FactorInput.STRATEGIC_VALUE.ordinal()] = 5}); each is put on its factor's fixed scale.
     */
    public double score(double[] raw) {
        return score(raw, null);
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
            if (Double.isNaN(value)) {
                weight -= excludeMissing[i] ? weights[i] : 0;
            } else {
                weighted = weights[i] * Math.min(1, Math.max(0, (value - mins[i]) / spans[i]));
                sum += weighted;
            }
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

    /** Score from 0 to 100 of values already normalised to 0..1, one per factor in model order. */
    public double scoreNormalised(double[] normalised) {
        double sum = 0;
        double weight = fullWeight;
        for (int i = 0; i < weights.length; i++) {
            double value = normalised[i];
            if (Double.isNaN(value)) {
                weight -= excludeMissing[i] ? weights[i] : 0;
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
