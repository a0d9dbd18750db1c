package dev.kpikit.scoring;

import dev.kpikit.kpi.Ratios;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A key-account scoring model: weighted factors, tiers and rules, read from JSON (see
 * {@code default-model.json} for the format). The score of an account is
 * 100 x sum(weight x normalised value) / sum(weights), where a factor excluded for a
 * missing input leaves the sum of weights; each factor's points are rounded to the cent
 * so that they add up exactly to the score. Immutable and safe to share between threads.
 */
public final class ScoringModel {

    private static final String DEFAULT_RESOURCE = "default-model.json";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final ScoringModel DEFAULT = loadDefault();

    private final String name;
    private final List<Factor> factors;
    private final List<Tier> tiers;
    private final List<TierRule> rules;
    private final OutOfRange outOfRange;
    /** The scales of a standalone model, which depend on no population; null otherwise. */
    private final List<FactorScale> standaloneScales;
    /** A standalone model in doubles, for {@link #scoreOnly}; null otherwise. */
    private final CompiledModel compiled;

    ScoringModel(String name, List<Factor> factors, List<Tier> tiers, List<TierRule> rules, OutOfRange outOfRange) {
        this.name = name;
        this.outOfRange = outOfRange;
        this.factors = List.copyOf(factors);
        this.tiers = List.copyOf(tiers);
        this.rules = List.copyOf(rules);
        this.standaloneScales = standalone() ? scales(List.of()) : null;
        this.compiled = standaloneScales != null ? new CompiledModel(this, standaloneScales) : null;
    }

    /** The built-in model: fixed scales only, so it scores one account without a population. */
    public static ScoringModel defaultModel() {
        return DEFAULT;
    }

    /** Reads a model file; a mistake in it is a {@link ModelException} naming the file, line, column and field. */
    public static ScoringModel read(Path file) {
        try {
            return ModelReader.read(Files.readAllBytes(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a model from a stream; {@code source} names it in error messages. */
    public static ScoringModel read(InputStream in, String source) {
        try {
            return ModelReader.read(in.readAllBytes(), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ScoringModel parse(String json, String source) {
        return ModelReader.read(json.getBytes(StandardCharsets.UTF_8), source);
    }

    private static ScoringModel loadDefault() {
        try (InputStream in = ScoringModel.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return read(Objects.requireNonNull(in, DEFAULT_RESOURCE), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public List<Factor> factors() {
        return factors;
    }

    /** From the best tier to the lowest, which starts at 0. */
    public List<Tier> tiers() {
        return tiers;
    }

    public List<TierRule> rules() {
        return rules;
    }

    /** What reading an account table does with a judgement outside its factor's fixed scale. */
    public OutOfRange outOfRange() {
        return outOfRange;
    }

    /**
     * The values the model's fixed scales take for an input, {@code [min, max]}: where every FIXED_SCALE factor
     * that reads it has its whole range; null when none does.
     */
    public BigDecimal[] fixedScale(FactorInput input) {
        BigDecimal[] range = null;
        for (Factor factor : factors) {
            if (factor.input() == input && factor.normalisation() == Normalisation.FIXED_SCALE) {
                range = range == null ? new BigDecimal[] {factor.min(), factor.max()}
                        : new BigDecimal[] {range[0].max(factor.min()), range[1].min(factor.max())};
            }
        }
        return range;
    }

    /** True when every factor is FIXED_SCALE without MEAN or MEDIAN: one account can be scored alone. */
    public boolean standalone() {
        return factors.stream().allMatch(Factor::standalone);
    }

    /** The tier a score falls in, before any rule. */
    public Tier tier(BigDecimal score) {
        return tiers.get(tierIndexOf(score));
    }

    int tierIndex(String tierName) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).name().equals(tierName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no tier " + tierName + " in model " + name);
    }

    /** Position of the score's tier in {@link #tiers()}, 0 = best. */
    int tierIndexOf(BigDecimal score) {
        int i = 0;
        while (score.compareTo(tiers.get(i).minScore()) < 0) {
            i++;
        }
        return i;
    }

    /**
     * Scores one account from its inputs by name ({@code "strategic_value" -> 5}); an absent
     * or null input is missing. Only for a {@link #standalone()} model.
     *
     * @throws IllegalArgumentException for an input name that is not a {@link FactorInput}
     * @throws IllegalStateException    when the model needs a population
     */
    public AccountScore score(Map<String, BigDecimal> inputs) {
        Map<FactorInput, BigDecimal> byInput = new EnumMap<>(FactorInput.class);
        inputs.forEach((key, value) -> byInput.put(FactorInput.fromKey(key).orElseThrow(
                () -> new IllegalArgumentException("unknown input " + key)), value));
        return score(new Account("", "", null, byInput));
    }

    /** Scores one account alone; only for a {@link #standalone()} model. */
    public AccountScore score(Account account) {
        if (standaloneScales == null) {
            throw new IllegalStateException("model " + name + " normalises over a population: score all accounts with rank()");
        }
        return score(account, standaloneScales);
    }

    /**
     * The score alone, equal to {@code score(account).score()}, for callers that want nothing else on every row (a
     * report function): from the compiled model, which rounds to the same cent, or exactly when the score lies too
     * near a half cent for a double to tell. Only for a {@link #standalone()} model.
     */
    public BigDecimal scoreOnly(Map<FactorInput, BigDecimal> inputs) {
        if (compiled == null) {
            throw new IllegalStateException("model " + name + " normalises over a population: score all accounts with rank()");
        }
        double[] raw = new double[FactorInput.values().length];
        Arrays.fill(raw, Double.NaN);
        inputs.forEach((input, value) -> raw[input.ordinal()] = value == null ? Double.NaN : value.doubleValue());
        long cents = CompiledModel.cents(compiled.score(raw));
        return cents != CompiledModel.UNSURE ? BigDecimal.valueOf(cents, 2) : score(new Account("", "", null, inputs)).score();
    }

    /** Scores every account against the others and ranks them: best score first, ties by account id. */
    public List<RankedAccount> rank(Collection<Account> accounts) {
        Scorer scorer = scorer(accounts);
        List<Map.Entry<Account, AccountScore>> scored = new ArrayList<>();
        for (Account account : accounts) {
            scored.add(Map.entry(account, scorer.score(account)));
        }
        scored.sort(Comparator.comparing((Map.Entry<Account, AccountScore> entry) -> entry.getValue().score()).reversed()
                .thenComparing(entry -> entry.getKey().id()));
        List<RankedAccount> ranked = new ArrayList<>(scored.size());
        for (Map.Entry<Account, AccountScore> entry : scored) {
            ranked.add(new RankedAccount(ranked.size() + 1, entry.getKey(), entry.getValue()));
        }
        return List.copyOf(ranked);
    }

    /**
     * Scores accounts against a population whose statistics (min, max, ranks, mean, median) are
     * taken once, so that a caller can score an account again when it needs the details rather
     * than keep every account's {@link AccountScore}. A {@link #standalone()} model does not look at
     * the population.
     */
    public Scorer scorer(Collection<Account> population) {
        return new Scorer(standaloneScales != null ? standaloneScales : scales(population));
    }

    /** This model with one population's scales; immutable and safe to share between threads. */
    public final class Scorer {
        private final List<FactorScale> scales;

        private Scorer(List<FactorScale> scales) {
            this.scales = scales;
        }

        /** The score of an account, as {@link #rank} gives it. */
        public AccountScore score(Account account) {
            return ScoringModel.this.score(account, scales);
        }

        public ScoringModel model() {
            return ScoringModel.this;
        }

        /**
         * The fast path for this population: the model turned into arrays of doubles, with the population's
         * statistics taken once. For a {@link #standalone()} model the same as {@link ScoringModel#compile()}.
         */
        public CompiledModel compile() {
            return scales == standaloneScales ? compiled : new CompiledModel(ScoringModel.this, scales);
        }

        /** Factor {@code factor}'s 0..1 value for an input (null when missing), as {@link #score} weighs it. */
        BigDecimal normalised(int factor, BigDecimal value) {
            return scales.get(factor).normalised(value);
        }

        /** Top of factor {@code factor}'s scale, as {@link FactorScore#outOf()} gives it. */
        BigDecimal outOf(int factor) {
            return scales.get(factor).outOf();
        }
    }

    /** The fast path: the model turned into arrays of doubles. Only for a {@link #standalone()} model. */
    public CompiledModel compile() {
        if (!standalone()) {
            throw new IllegalStateException("model " + name + " normalises over a population and cannot be compiled");
        }
        return compiled;
    }

    private List<FactorScale> scales(Collection<Account> population) {
        return factors.stream()
                .map(factor -> new FactorScale(factor, new SortedValues(
                        population.stream().map(account -> account.input(factor.input())).toList())))
                .toList();
    }

    private AccountScore score(Account account, List<FactorScale> scales) {
        List<BigDecimal> normalised = new ArrayList<>(scales.size());
        BigDecimal includedWeight = BigDecimal.ZERO;
        for (FactorScale scale : scales) {
            BigDecimal normal = scale.normalised(account.input(scale.factor().input()));
            normalised.add(normal);
            if (normal != null) {
                includedWeight = includedWeight.add(scale.factor().weight());
            }
        }
        List<BigDecimal> exactPoints = new ArrayList<>(scales.size());
        for (int i = 0; i < scales.size(); i++) {
            exactPoints.add(exactPoints(scales.get(i).factor(), normalised.get(i), includedWeight));
        }
        List<BigDecimal> points = LargestRemainder.round(exactPoints);
        List<FactorScore> factorScores = new ArrayList<>(scales.size());
        BigDecimal score = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < scales.size(); i++) {
            FactorScale scale = scales.get(i);
            Factor factor = scale.factor();
            factorScores.add(new FactorScore(factor.id(), factor.input(), account.input(factor.input()),
                    normalised.get(i), points.get(i), scale.outOf()));
            score = score.add(points.get(i));
        }
        int scoreTier = tierIndexOf(score);
        int tier = scoreTier;
        List<TierRule> applied = new ArrayList<>();
        for (TierRule rule : rules) {
            int next = rule.apply(tier, account, this);
            if (next != tier) {
                applied.add(rule);
                tier = next;
            }
        }
        return new AccountScore(score, tiers.get(tier).name(), tiers.get(scoreTier).name(), factorScores, applied,
                netNegative(account));
    }

    /** A factor's points before rounding to the cent: 0 for a factor left out (null normalised value). */
    static BigDecimal exactPoints(Factor factor, BigDecimal normalised, BigDecimal includedWeight) {
        BigDecimal points = normalised == null ? null
                : Ratios.divide(HUNDRED.multiply(factor.weight()).multiply(normalised), includedWeight);
        return points == null ? BigDecimal.ZERO : points;
    }

    /** The account's revenue (or share, when scored from a share) is negative: it counts as a share of 0. */
    static boolean netNegative(Account account) {
        return NetNegative.is(account.input(FactorInput.REVENUE)) || NetNegative.is(account.input(FactorInput.REVENUE_SHARE));
    }

    @Override
    public String toString() {
        return "ScoringModel[" + name + "]";
    }
}
