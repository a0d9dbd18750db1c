package dev.kpikit.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every mistake in a model file is reported with the file, line, column and field. Columns count from 1. */
class ModelReaderTest {

    private static String refusal(String json) {
        return assertThrows(ModelException.class, () -> ScoringModel.parse(json, "model.json")).getMessage();
    }

    @Test
    void negativeWeight() {
        String json = """
                {
                  "factors": [
                    { "id": "revenue_share", "weight": 1, "normalisation": "FIXED_SCALE", "min": 0, "max": 1 },
                    { "id": "engagement", "weight": 2, "normalisation": "PERCENTILE_RANK" },
                    { "id": "strategic_value",
                      "weight": -1,
                      "normalisation": "FIXED_SCALE", "min": 1, "max": 5 }
                  ]
                }
                """;
        ModelException e = assertThrows(ModelException.class, () -> ScoringModel.parse(json, "model.json"));
        // line 6 is '      "weight": -1,': the value starts after 6 spaces and '"weight": ' (10 characters)
        assertEquals("model.json, line 6, column 17, factors[2].weight: weight must be >= 0, found -1", e.getMessage());
        assertEquals(6, e.line());
        assertEquals(17, e.column());
        assertEquals("factors[2].weight", e.field());
        assertEquals("weight must be >= 0, found -1", e.reason());
    }

    @Test
    void unknownFieldIsReportedAtItsName() {
        assertEquals("model.json, line 3, column 32, factors[0].wieght: unknown field, expected one of "
                        + "id, input, weight, normalisation, min, max, missing",
                refusal("""
                        {
                          "factors": [
                            { "id": "strategic_value", "wieght": 1, "normalisation": "FIXED_SCALE", "min": 1, "max": 5 }
                          ]
                        }
                        """));
        assertEquals("model.json, line 1, column 35, colour: unknown field, expected one of name, factors, tiers, rules, outOfRange",
                refusal("{ \"factors\": [], \"name\": \"x\",     \"colour\": 1 }"));
    }

    @Test
    void unknownInputAndEnumValues() {
        assertEquals("model.json, line 1, column 35, factors[0].input: unknown input \"turnover\", expected one of "
                        + "revenue, revenue_share, revenue_growth, strategic_value, growth_potential, engagement, "
                        + "satisfaction, relationship_years",
                refusal("{\"factors\": [{\"id\": \"t\", \"input\": \"turnover\", \"weight\": 1, \"normalisation\": \"MIN_MAX\"}]}"));
        assertEquals("model.json, line 1, column 20, factors[0].id: unknown input \"turnover\", expected one of "
                        + "revenue, revenue_share, revenue_growth, strategic_value, growth_potential, engagement, "
                        + "satisfaction, relationship_years",
                refusal("{\"factors\":[{\"id\": \"turnover\", \"weight\": 1, \"normalisation\": \"MIN_MAX\"}]}"));
        assertEquals("model.json, line 1, column 62, factors[0].normalisation: unknown value \"LOG\", expected one of "
                        + "MIN_MAX, PERCENTILE_RANK, FIXED_SCALE",
                refusal("{\"factors\": [{\"id\": \"revenue\", \"weight\": 1, \"normalisation\": \"LOG\"}]}"));
    }

    @Test
    void weightsMustSumToAPositiveTotal() {
        assertEquals("model.json, line 1, column 13, factors: weights must sum to a positive total, found 0",
                refusal("{\"factors\": [{\"id\": \"revenue\", \"weight\": 0, \"normalisation\": \"MIN_MAX\"}]}"));
        assertEquals("model.json, line 1, column 13, factors: a model needs at least one factor",
                refusal("{\"factors\": []}"));
        assertEquals("model.json, line 1, column 1, factors: required", refusal("{}"));
    }

    private static final String FACTOR = "{\"id\": \"revenue\", \"weight\": 1, \"normalisation\": \"MIN_MAX\"}";

    @Test
    void fixedScalesNeedOrderedBoundsAndOnlyThey() {
        assertEquals("model.json, line 1, column 14, factors[0].max: required",
                refusal("{\"factors\": [{\"id\": \"engagement\", \"weight\": 1, \"normalisation\": \"FIXED_SCALE\", \"min\": 1}]}"));
        assertEquals("model.json, line 1, column 97, factors[0].max: max must be above min 5, found 1",
                refusal("{\"factors\": [{\"id\": \"engagement\", \"weight\": 1, \"normalisation\": \"FIXED_SCALE\", \"min\": 5, \"max\": 1}]}"));
        assertEquals("model.json, line 1, column 83, factors[0].min: only a FIXED_SCALE factor takes bounds",
                refusal("{\"factors\": [{\"id\": \"engagement\", \"weight\": 1, \"normalisation\": \"MIN_MAX\", \"min\": 0}]}"));
        assertEquals("model.json, line 1, column 42, factors[0].weight: expected a number, found \"1\"",
                refusal("{\"factors\": [{\"id\": \"revenue\", \"weight\": \"1\", \"normalisation\": \"MIN_MAX\"}]}"));
    }

    @Test
    void duplicateFactorIds() {
        assertEquals("model.json, line 1, column 81, factors[1].id: duplicate factor id \"revenue\"",
                refusal("{\"factors\": [" + FACTOR + ", " + FACTOR + "]}"));
    }

    @Test
    void tiersMustBeSortedWithoutOverlapDownToZero() {
        String unsorted = """
                {
                  "factors": [ %s ],
                  "tiers": [
                    { "name": "KEY", "minScore": 50 },
                    { "name": "GROWTH", "minScore": 70 },
                    { "name": "STANDARD", "minScore": 0 }
                  ]
                }
                """.formatted(FACTOR);
        assertEquals("model.json, line 5, column 37, tiers[1].minScore: tiers must go from the highest minScore to the "
                + "lowest without overlap, found 70 after 50", refusal(unsorted));
        assertEquals("model.json, line 5, column 37, tiers[1].minScore: tiers must go from the highest minScore to the "
                + "lowest without overlap, found 50 after 50", refusal(unsorted.replace("70", "50")));
        assertEquals("model.json, line 6, column 39, tiers[2].minScore: the lowest tier must start at 0 so that every "
                + "score has a tier", refusal(unsorted.replace("70", "40").replace("\"minScore\": 0", "\"minScore\": 1")));
        assertEquals("model.json, line 4, column 34, tiers[0].minScore: minScore must be from 0 to 100, found 150",
                refusal(unsorted.replace("50", "150")));
        assertEquals("model.json, line 5, column 15, tiers[1].name: duplicate tier \"KEY\"",
                refusal(unsorted.replace("GROWTH", "KEY")));
    }

    @Test
    void rulesNameKnownTypesTiersAndFactors() {
        String model = """
                {
                  "factors": [ %s ],
                  "rules": [ RULE ]
                }
                """.formatted(FACTOR);
        assertEquals("model.json, line 3, column 52, rules[0].tier: unknown tier \"GOLD\", expected one of KEY, GROWTH, MAINTAIN, STANDARD",
                refusal(model.replace("RULE", "{\"type\": \"maxTierBelowShare\", \"tier\": \"GOLD\", \"minShare\": 0.05}")));
        assertEquals("model.json, line 3, column 71, rules[0].minShare: minShare must be a fraction from 0 to 1, found 5",
                refusal(model.replace("RULE", "{\"type\": \"maxTierBelowShare\", \"tier\": \"KEY\", \"minShare\": 5}")));
        assertEquals("model.json, line 3, column 48, rules[0].factor: unknown factor \"loyalty\", expected a factor id or one of "
                        + "revenue, revenue_share, revenue_growth, strategic_value, growth_potential, engagement, satisfaction, relationship_years",
                refusal(model.replace("RULE", "{\"type\": \"minTierWhen\", \"factor\": \"loyalty\", \"equals\": 5, \"tier\": \"KEY\"}")));
        assertEquals("model.json, line 3, column 23, rules[0].type: unknown rule type \"bonus\", expected maxTierBelowShare or minTierWhen",
                refusal(model.replace("RULE", "{\"type\": \"bonus\"}")));
        assertEquals("model.json, line 3, column 38, rules[0].minShare: unknown field, expected one of type, factor, equals, tier",
                refusal(model.replace("RULE", "{\"type\": \"minTierWhen\", \"minShare\": 5}")));
    }

    @Test
    void badJsonIsReportedWhereTheParserStopped() {
        String missingComma = """
                {
                  "factors": [
                    { "id": "revenue" "weight": 1 }
                  ]
                }
                """;
        String message = refusal(missingComma);
        assertEquals("model.json, line 3, column 23, factors[0].id: expected ',' or '}' after a field's value, found '\"'"
                + " (a comma missing?)", message);
        assertEquals("model.json, line 1, column 26, factors: field 'factors' appears twice in one object",
                refusal("{\"factors\": [], \"factors\": []}"));
        assertEquals("model.json, line 1, column 1: the model is empty", refusal(""));
    }

    @Test
    void bytesThatLookLikeUtf32AreRefusedAsNotUtf8() {
        // found by fuzzing: Jackson takes three zero bytes first for UTF-32, then fails with an I/O error
        byte[] bytes = {0, 0, 0, '\'', '"', 'f', 'a', 'c', 't', 'o', 'r', 's', '"', ':', '[', ']', '}'};
        assertEquals("model.json, line 1, column 1: the file is not UTF-8 text; save it as UTF-8",
                assertThrows(ModelException.class, () -> ModelReader.read(bytes, "model.json")).getMessage());
    }

    @Test
    void aModelNestedAMegabyteDeepIsRefusedWithAShortPathAndTheLimit() {
        int depth = 500_000; // 1 MB of brackets
        String json = "{\"factors\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
        String message = refusal(json);
        assertEquals("model.json, line 1, column 1011, factors[0][0]...[0][0][0]:"
                + " the model nests objects and arrays deeper than 1000 levels", message);
    }

    @Test
    void readsFilesAndStreamsNamingThemInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("accounts-2026.json");
        Files.writeString(file, "{\"factors\": [" + FACTOR + "], \"name\": \"mine\"}");
        ScoringModel model = ScoringModel.read(file);
        assertEquals("mine", model.name());
        assertEquals(List.of(new Factor("revenue", FactorInput.REVENUE, BigDecimal.ONE, Normalisation.MIN_MAX, null, null,
                MissingPolicy.ZERO)), model.factors());
        assertEquals(4, model.tiers().size());
        assertEquals(List.of(), model.rules());

        Files.writeString(file, "{\"factors\": 3}");
        ModelException e = assertThrows(ModelException.class, () -> ScoringModel.read(file));
        assertEquals("accounts-2026.json, line 1, column 13, factors: expected an array", e.getMessage());

        var in = new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8));
        assertEquals("upload, line 1, column 1: expected an object",
                assertThrows(ModelException.class, () -> ScoringModel.read(in, "upload")).getMessage());
    }

    @Test
    void rulesMayNameAFactorIdOrAnInput() {
        ScoringModel model = ScoringModel.parse("""
                {
                  "factors": [ { "id": "strategy", "input": "strategic_value", "weight": 1, "normalisation": "FIXED_SCALE", "min": 1, "max": 5 } ],
                  "rules": [
                    { "type": "minTierWhen", "factor": "strategy", "equals": 4, "tier": "GROWTH" },
                    { "type": "minTierWhen", "factor": "engagement", "equals": 5, "tier": "KEY" }
                  ]
                }
                """, "rules.json");
        assertEquals(List.of(new TierRule.MinTierWhen(FactorInput.STRATEGIC_VALUE, BigDecimal.valueOf(4), "GROWTH"),
                new TierRule.MinTierWhen(FactorInput.ENGAGEMENT, BigDecimal.valueOf(5), "KEY")), model.rules());
    }
}
