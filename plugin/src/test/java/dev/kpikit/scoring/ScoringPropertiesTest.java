package dev.kpikit.scoring;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of scoring, over random models (weights, scales, policies) and random accounts. */
class ScoringPropertiesTest {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A model with every input as a factor, random weights (one positive at least), scales and policies. */
    @Provide
    Arbitrary<ScoringModel> models() {
        Arbitrary<String> factor = Combinators.combine(
                Arbitraries.integers().between(0, 10),
                Arbitraries.of(Normalisation.values()),
                Arbitraries.of(MissingPolicy.values()),
                Arbitraries.integers().between(-5, 5)).as((weight, normalisation, missing, low) ->
                "\"weight\": " + weight + ", \"normalisation\": \"" + normalisation + "\", \"missing\": \"" + missing + "\""
                        + (normalisation == Normalisation.FIXED_SCALE ? ", \"min\": " + low + ", \"max\": " + (low + 6) : ""));
        return factor.list().ofSize(FactorInput.values().length)
                .filter(factors -> factors.stream().anyMatch(json -> !json.startsWith("\"weight\": 0,")))
                .map(factors -> {
                    List<String> entries = new ArrayList<>();
                    for (FactorInput input : FactorInput.values()) {
                        entries.add("{\"id\": \"" + input.key() + "\", " + factors.get(input.ordinal()) + "}");
                    }
                    return ScoringModel.parse("{\"factors\": [" + String.join(", ", entries) + "]}", "random.json");
                });
    }

    @Provide
    Arbitrary<Account> accounts() {
        Arbitrary<BigDecimal> value = Arbitraries.bigDecimals().between(new BigDecimal("-8"), new BigDecimal("8"))
                .ofScale(3).injectNull(0.2);
        Arbitrary<String> id = Arbitraries.strings().alpha().ofLength(3);
        return Combinators.combine(id, value.list().ofSize(FactorInput.values().length)).as((name, values) -> {
            Map<FactorInput, BigDecimal> inputs = new EnumMap<>(FactorInput.class);
            for (FactorInput input : FactorInput.values()) {
                inputs.put(input, values.get(input.ordinal()));
            }
            return new Account(name, name, null, inputs);
        });
    }

    @Provide
    Arbitrary<List<Account>> populations() {
        return accounts().list().ofMinSize(1).ofMaxSize(12);
    }

    @Property
    void pointsAddUpToTheScoreWhichStaysWithin0And100(@ForAll("models") ScoringModel model,
                                                       @ForAll("populations") List<Account> population) {
        for (RankedAccount ranked : model.rank(population)) {
            AccountScore score = ranked.score();
            BigDecimal sum = score.factors().stream().map(FactorScore::points).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(score.score(), sum.setScale(2));
            assertEquals(2, score.score().scale());
            assertTrue(score.score().signum() >= 0 && score.score().compareTo(HUNDRED) <= 0, score.score()::toPlainString);
            score.factors().forEach(factor -> assertTrue(factor.points().signum() >= 0));
        }
    }

    @Property
    void tiersFollowTheThresholdsAndRanksTheScores(@ForAll("models") ScoringModel model,
                                                   @ForAll("populations") List<Account> population) {
        List<RankedAccount> ranked = model.rank(population);
        List<Tier> tiers = model.tiers();
        for (int i = 0; i < ranked.size(); i++) {
            AccountScore score = ranked.get(i).score();
            int tier = tiers.indexOf(model.tier(score.score()));
            assertEquals(tiers.get(tier).name(), score.scoreTier());
            assertTrue(score.score().compareTo(tiers.get(tier).minScore()) >= 0);
            assertTrue(tier == 0 || score.score().compareTo(tiers.get(tier - 1).minScore()) < 0);
            assertEquals(i + 1, ranked.get(i).rank());
            if (i > 0) {
                RankedAccount before = ranked.get(i - 1);
                int order = before.score().score().compareTo(score.score());
                assertTrue(order > 0 || order == 0 && before.account().id().compareTo(ranked.get(i).account().id()) <= 0);
            }
        }
    }

    @Property
    void raisingAnInputNeverLowersTheScore(@ForAll("standaloneInputs") Map<FactorInput, BigDecimal> inputs,
                                           @ForAll FactorInput raised,
                                           @ForAll("raises") BigDecimal raise) {
        ScoringModel model = ScoringModel.defaultModel();
        Account before = new Account("a", "a", null, inputs);
        Map<FactorInput, BigDecimal> higher = new EnumMap<>(inputs);
        higher.put(raised, inputs.get(raised).add(raise));
        Account after = new Account("a", "a", null, higher);
        assertTrue(model.score(after).score().compareTo(model.score(before).score()) >= 0);
    }

    @Provide
    Arbitrary<Map<FactorInput, BigDecimal>> standaloneInputs() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("4.9")).ofScale(2)
                .list().ofSize(FactorInput.values().length)
                .map(values -> Arrays.stream(FactorInput.values())
                        .collect(Collectors.toMap(input -> input, input -> values.get(input.ordinal()),
                                (a, b) -> a, () -> new EnumMap<>(FactorInput.class))));
    }

    @Provide
    Arbitrary<BigDecimal> raises() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("3")).ofScale(3);
    }

    @Property
    void raisingAnInputNeverLowersThePopulationScore(@ForAll("models") ScoringModel model,
                                                     @ForAll("populations") List<Account> population,
                                                     @ForAll FactorInput raised) {
        Account first = population.getFirst();
        if (first.input(raised) == null) {
            return;
        }
        Map<FactorInput, BigDecimal> higher = new EnumMap<>(first.inputs());
        higher.put(raised, first.input(raised).add(BigDecimal.ONE));
        Account raisedAccount = new Account(first.id(), first.name(), null, higher);
        // Among the same others, even MIN_MAX and PERCENTILE_RANK move the raised account up or keep it.
        BigDecimal before = scoreOf(model.rank(population), first);
        List<Account> raisedPopulation = new ArrayList<>(population);
        raisedPopulation.set(0, raisedAccount);
        BigDecimal after = scoreOf(model.rank(raisedPopulation), raisedAccount);
        assertTrue(after.compareTo(before) >= 0, () -> before + " -> " + after);
    }

    private static BigDecimal scoreOf(List<RankedAccount> ranked, Account account) {
        return ranked.stream().filter(entry -> entry.account() == account).findFirst().orElseThrow().score().score();
    }

    @Property
    void theCompiledModelAgreesWithTheExactOne(@ForAll("standaloneInputs") Map<FactorInput, BigDecimal> inputs,
                                               @ForAll FactorInput missing) {
        ScoringModel model = ScoringModel.defaultModel();
        Map<FactorInput, BigDecimal> some = new EnumMap<>(inputs);
        some.remove(missing);
        double[] raw = new double[FactorInput.values().length];
        for (FactorInput input : FactorInput.values()) {
            raw[input.ordinal()] = some.containsKey(input) ? some.get(input).doubleValue() : Double.NaN;
        }
        CompiledModel compiled = model.compile();
        double fast = compiled.score(raw);
        AccountScore exact = model.score(new Account("a", "a", null, some));
        assertEquals(exact.score().doubleValue(), fast, 0.005 + 1e-9);
        assertEquals(exact.scoreTier(), compiled.tierName(exact.score().doubleValue()));
    }

    @Property(tries = 300)
    void theCompiledModelOfAPopulationAgreesWithTheExactOneToTheCent(@ForAll("models") ScoringModel model,
                                                                     @ForAll("populations") List<Account> population) {
        ScoringModel.Scorer scorer = model.scorer(population);
        CompiledModel compiled = scorer.compile();
        for (Account account : population) {
            long cents = CompiledModel.cents(compiled.score(CompiledModel.raw(account)));
            if (cents != CompiledModel.UNSURE) {
                assertEquals(scorer.score(account).score(), BigDecimal.valueOf(cents, 2));
            }
        }
    }

    @Property
    void theScoreAloneIsTheFullScore(@ForAll("standaloneInputs") Map<FactorInput, BigDecimal> inputs,
                                     @ForAll FactorInput missing) {
        ScoringModel model = ScoringModel.defaultModel();
        Map<FactorInput, BigDecimal> some = new EnumMap<>(inputs);
        some.remove(missing);
        assertEquals(model.score(new Account("a", "a", null, some)).score(), model.scoreOnly(some));
    }

    @Example
    void aScoreOnAHalfCentIsRoundedUpAsTheFullPathRoundsIt() {
        ScoringModel model = ScoringModel.defaultModel();
        // only share (weight 30) and engagement (10) count: engagement 2 of 1..5 gives 100 * 10 * 0.25 / 40 = 6.25
        // points, a share of 0.00008 of 0..0.4 gives 100 * 30 * 0.0002 / 40 = 0.015: 6.265, a half cent, which a
        // double holds as a little more or a little less; the score alone must still round it up
        Map<FactorInput, BigDecimal> inputs = new EnumMap<>(FactorInput.class);
        inputs.put(FactorInput.ENGAGEMENT, BigDecimal.valueOf(2));
        inputs.put(FactorInput.REVENUE_SHARE, new BigDecimal("0.00008"));
        assertEquals(new BigDecimal("6.27"), model.score(new Account("a", "a", null, inputs)).score());
        assertEquals(CompiledModel.UNSURE, CompiledModel.cents(6.265), "a double cannot tell how 6.265 rounds");
        assertEquals(new BigDecimal("6.27"), model.scoreOnly(inputs));
    }
}
