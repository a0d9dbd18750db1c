package dev.kpikit.scoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoringModelTest {

    private final ScoringModel model = ScoringModel.defaultModel();

    private static Map<String, BigDecimal> inputs(Object... keysAndValues) {
        Map<String, BigDecimal> inputs = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            inputs.put((String) keysAndValues[i], new BigDecimal(keysAndValues[i + 1].toString()));
        }
        return inputs;
    }

    private static List<String> points(AccountScore score) {
        return score.factors().stream().map(factor -> factor.points().toPlainString()).toList();
    }

    @Test
    void defaultModelIsStandaloneWithWeightsSummingTo100() {
        assertTrue(model.standalone());
        assertEquals(List.of("revenue_share", "revenue_growth", "strategic_value", "growth_potential", "engagement",
                "satisfaction", "relationship_years"), model.factors().stream().map(Factor::id).toList());
        assertEquals(0, BigDecimal.valueOf(100).compareTo(
                model.factors().stream().map(Factor::weight).reduce(BigDecimal.ZERO, BigDecimal::add)));
        assertEquals(List.of("KEY", "GROWTH", "MAINTAIN", "STANDARD"), model.tiers().stream().map(Tier::name).toList());
    }

    @Test
    void bigStrategicAccountIsKey() {
        // share 0.41 on 0..0.4 -> 1 x 30 = 30; growth 0.15 on -0.2..0.5 -> 0.5 x 10 = 5;
        // strategic 5 on 1..5 -> 1 x 20 = 20; growth potential 4 -> 0.75 x 15 = 11.25;
        // engagement 4 -> 0.75 x 10 = 7.5; satisfaction 4 -> 7.5; 6 years on 0..10 -> 0.6 x 5 = 3.
        // Total 84.25 of 100 weight.
        AccountScore score = model.score(inputs("revenue_share", "0.41", "revenue_growth", "0.15", "strategic_value", 5,
                "growth_potential", 4, "engagement", 4, "satisfaction", 4, "relationship_years", 6));
        assertEquals(new BigDecimal("84.25"), score.score());
        assertEquals(List.of("30.00", "5.00", "20.00", "11.25", "7.50", "7.50", "3.00"), points(score));
        assertEquals("KEY", score.tier());
        assertEquals(List.of(), score.appliedRules());
        assertEquals("KEY: 41% of revenue, strategic value 5/5", score.explain(Locale.ENGLISH));
    }

    @Test
    void missingInputsAreExcludedAndCentsGoToTheLargestRemainders() {
        // relationship_years missing and EXCLUDE: the other weights sum to 95.
        // Weighted: share 0.03/0.4 = 0.075 x 30 = 2.25; growth 0.8 capped 1 x 10 = 10; strategic 5 -> 20;
        // potential 5 -> 15; engagement 4 -> 7.5; satisfaction 5 -> 10; sum 64.75.
        // Score 64.75 x 100 / 95 = 68.1578... -> 68.16. Exact points 2.3684, 10.5263, 21.0526, 15.7894,
        // 7.8947, 10.5263 floor to 68.12; the 4 missing cents go to the largest remainders:
        // potential (.0095), share (.0084), then growth and satisfaction (.0063 each, model order).
        AccountScore score = model.score(inputs("revenue_share", "0.03", "revenue_growth", "0.8", "strategic_value", 5,
                "growth_potential", 5, "engagement", 4, "satisfaction", 5));
        assertEquals(new BigDecimal("68.16"), score.score());
        assertEquals(List.of("2.37", "10.53", "21.05", "15.79", "7.89", "10.53", "0.00"), points(score));
        assertEquals(null, score.factors().get(6).normalised());
        assertEquals("GROWTH", score.tier());
        assertEquals("GROWTH: strategic value 5/5, growth potential 5/5", score.explain(Locale.ENGLISH));
    }

    @Test
    void rulesCapAndFloorTheTier() {
        // No revenue (share 0 counts, ZERO policy) but the best qualitative marks; growth and years are
        // missing and excluded: weights 30 + 20 + 15 + 10 + 10 = 85, points 0 + 20 + 15 + 10 + 10 = 55,
        // 55 x 100 / 85 = 64.705... -> 64.71, GROWTH by score.
        // The share is below 1%: at most GROWTH (no change); strategic value 5: at least MAINTAIN (no change).
        AccountScore growth = model.score(inputs("revenue_share", 0, "strategic_value", 5, "growth_potential", 5,
                "engagement", 5, "satisfaction", 5));
        assertEquals(new BigDecimal("64.71"), growth.score());
        assertEquals("GROWTH", growth.tier());

        // With full revenue marks the score is KEY, but a share of 0.5% caps it at GROWTH:
        // share 0.005/0.4 x 30 = 0.375 + 20 + 15 + 10 + 10 + growth 0.5 -> 10 + 10 years -> 5 = 70.375 -> 70.38
        AccountScore capped = model.score(inputs("revenue_share", "0.005", "revenue_growth", "0.5", "strategic_value", 5,
                "growth_potential", 5, "engagement", 5, "satisfaction", 5, "relationship_years", 10));
        assertEquals(new BigDecimal("70.38"), capped.score());
        assertEquals("KEY", capped.scoreTier());
        assertEquals("GROWTH", capped.tier());
        assertEquals("GROWTH: strategic value 5/5, growth potential 5/5; at most GROWTH below 1% of revenue",
                capped.explain(Locale.ENGLISH));

        // Strategic value 5 alone: 20 of 85 weight = 23.53, STANDARD by score, lifted to MAINTAIN.
        AccountScore floored = model.score(inputs("revenue_share", 0, "strategic_value", 5, "growth_potential", 1,
                "engagement", 1, "satisfaction", 1));
        assertEquals(new BigDecimal("23.53"), floored.score());
        assertEquals("STANDARD", floored.scoreTier());
        assertEquals("MAINTAIN", floored.tier());
        assertEquals("MAINTAIN: strategic value 5/5; at least MAINTAIN as strategic value is 5", floored.explain(Locale.ENGLISH));
    }

    @Test
    void nothingKnownScoresZeroWithoutReasons() {
        // The cap below 1% share applies but changes nothing, so it is not mentioned.
        AccountScore score = model.score(Map.of());
        assertEquals(new BigDecimal("0.00"), score.score());
        assertEquals("STANDARD", score.tier());
        assertEquals("STANDARD: no factor stands out", score.explain(Locale.ENGLISH));
    }

    @Test
    void unknownInputNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> model.score(inputs("revenu_share", 1)));
    }

    @Test
    void explanationsFallBackToEnglishForLocalesWithoutTranslation() {
        AccountScore score = model.score(inputs("revenue_share", "0.41", "strategic_value", 5));
        assertEquals(score.explain(Locale.ENGLISH), score.explain(Locale.JAPANESE));
    }

    private static final String POPULATION_MODEL = """
            {
              "name": "population",
              "factors": [
                { "id": "spread", "input": "revenue", "weight": 1, "normalisation": "MIN_MAX", "missing": "MEAN" },
                { "id": "rank", "input": "revenue", "weight": 1, "normalisation": "PERCENTILE_RANK", "missing": "MEDIAN" }
              ]
            }
            """;

    private static Account account(String id, String revenue) {
        return new Account(id, id, null, revenue == null ? Map.of() : Map.of(FactorInput.REVENUE, new BigDecimal(revenue)));
    }

    @Test
    void populationNormalisationsAndImputation() {
        ScoringModel population = ScoringModel.parse(POPULATION_MODEL, "population.json");
        // Revenue 100, 200, 200, 500 and one missing.
        // MIN_MAX over 100..500: 100 -> 0, 200 -> 0.25, 500 -> 1; missing -> mean 250 -> 0.375.
        // PERCENTILE_RANK (below + (equal - 1) / 2) / (n - 1) with n = 4: 100 -> 0, 200 -> 1.5/3 = 0.5,
        // 500 -> 1; missing -> median 200 -> 0.5.
        // Score = 100 x (spread + rank) / 2: e 100, x 43.75, b 37.5, c 37.5 (tie: b first), a 0.
        List<RankedAccount> ranked = population.rank(List.of(account("a", "100"), account("b", "200"),
                account("c", "200"), account("e", "500"), account("x", null)));
        assertEquals(List.of("e", "x", "b", "c", "a"), ranked.stream().map(entry -> entry.account().id()).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), ranked.stream().map(RankedAccount::rank).toList());
        assertEquals(List.of("100.00", "43.75", "37.50", "37.50", "0.00"),
                ranked.stream().map(entry -> entry.score().score().toPlainString()).toList());
        AccountScore x = ranked.get(1).score();
        assertEquals(0, new BigDecimal("0.375").compareTo(x.factors().get(0).normalised()));
        assertEquals(0, new BigDecimal("0.5").compareTo(x.factors().get(1).normalised()));
        assertEquals(List.of("18.75", "25.00"), points(x));
        assertEquals("MAINTAIN", ranked.get(2).score().tier());
    }

    @Test
    void populationModelsCannotScoreOneAccountAlone() {
        ScoringModel population = ScoringModel.parse(POPULATION_MODEL, "population.json");
        assertThrows(IllegalStateException.class, () -> population.score(account("a", "1")));
        assertThrows(IllegalStateException.class, population::compile);
    }

    @Test
    void aPopulationWithoutSpreadSitsInTheMiddle() {
        ScoringModel population = ScoringModel.parse(POPULATION_MODEL, "population.json");
        List<RankedAccount> ranked = population.rank(List.of(account("b", "7"), account("a", "7")));
        assertEquals(List.of("a", "b"), ranked.stream().map(entry -> entry.account().id()).toList());
        assertEquals(new BigDecimal("50.00"), ranked.get(0).score().score());
    }

    @Test
    void compiledModelAgreesWithTheExactPath() {
        CompiledModel compiled = model.compile();
        double[] raw = new double[FactorInput.values().length];
        Arrays.fill(raw, Double.NaN);
        raw[FactorInput.REVENUE_SHARE.ordinal()] = 0.03;
        raw[FactorInput.REVENUE_GROWTH.ordinal()] = 0.8;
        raw[FactorInput.STRATEGIC_VALUE.ordinal()] = 5;
        raw[FactorInput.GROWTH_POTENTIAL.ordinal()] = 5;
        raw[FactorInput.ENGAGEMENT.ordinal()] = 4;
        raw[FactorInput.SATISFACTION.ordinal()] = 5;
        assertEquals(64.75 * 100 / 95, compiled.score(raw), 1e-9);
        assertEquals("GROWTH", compiled.tierName(compiled.score(raw)));
        double[] normalised = {0.075, 1, 1, 1, 0.75, 1, Double.NaN};
        assertEquals(64.75 * 100 / 95, compiled.scoreNormalised(normalised), 1e-9);
        assertEquals(7, compiled.factorCount());
        assertEquals(FactorInput.RELATIONSHIP_YEARS, compiled.input(6));
    }

    @Test
    void theCompiledPercentileRankLeavesANearTieToTheExactPath() {
        ScoringModel model = ScoringModel.parse("{\"factors\": [{\"id\": \"revenue_growth\", \"weight\": 1,"
                + " \"normalisation\": \"PERCENTILE_RANK\"}]}", "rank.json");
        List<Account> population = List.of("0.1", "0.2", "0.3").stream()
                .map(growth -> new Account(growth, growth, null, Map.of(FactorInput.REVENUE_GROWTH, new BigDecimal(growth))))
                .toList();
        CompiledModel compiled = model.scorer(population).compile();
        double[] raw = new double[FactorInput.values().length];
        Arrays.fill(raw, Double.NaN);
        raw[FactorInput.REVENUE_GROWTH.ordinal()] = 0.2;
        assertEquals(50.0, compiled.score(raw), 1e-9, "the middle of three ranks 0.5");
        // 0.2 computed by another route than the exact one: a tie in exact values, a bit apart in doubles
        raw[FactorInput.REVENUE_GROWTH.ordinal()] = Math.nextUp(0.2);
        assertEquals(CompiledModel.UNSURE, CompiledModel.cents(compiled.score(raw)));
    }

    @Test
    void theCompiledPercentileRankLeavesValuesBeyondADoublesDigitsToTheExactPath() {
        ScoringModel model = ScoringModel.parse("{\"factors\": [{\"id\": \"revenue_growth\", \"weight\": 1,"
                + " \"normalisation\": \"PERCENTILE_RANK\"}]}", "rank.json");
        // two growths that differ in the 22nd digit: one double, two ranks
        List<Account> population = List.of("0.1", "0.1000000000000000000001", "0.3").stream()
                .map(growth -> new Account(growth, growth, null, Map.of(FactorInput.REVENUE_GROWTH, new BigDecimal(growth))))
                .toList();
        CompiledModel compiled = model.scorer(population).compile();
        double[] raw = new double[FactorInput.values().length];
        Arrays.fill(raw, Double.NaN);
        raw[FactorInput.REVENUE_GROWTH.ordinal()] = 0.3;
        assertEquals(100.0, compiled.score(raw), 1e-9, "the highest ranks 1");
        raw[FactorInput.REVENUE_GROWTH.ordinal()] = 0.1;
        assertEquals(CompiledModel.UNSURE, CompiledModel.cents(compiled.score(raw)));
    }
}
