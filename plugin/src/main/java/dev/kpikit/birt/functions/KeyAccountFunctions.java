package dev.kpikit.birt.functions;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.kpikit.kpi.Ratios;
import dev.kpikit.scoring.AbcClass;
import dev.kpikit.scoring.Account;
import dev.kpikit.scoring.AccountScore;
import dev.kpikit.scoring.ConcentrationBand;
import dev.kpikit.scoring.FactorInput;
import dev.kpikit.scoring.NetNegative;
import dev.kpikit.scoring.ParetoClassifier;
import dev.kpikit.scoring.ScoringModel;

/**
 * The {@code KeyAccount} category: key-account scoring of one account from its factor values,
 * for a report row. The model argument is optional: blank for the built-in default model,
 * the path of a model file, or the model's JSON text.
 */
@FunctionCategory(name = "KeyAccount", description = "Key-account scoring: score, tier and explanation of an account"
        + " under a scoring model, Pareto class and share of revenue.")
public final class KeyAccountFunctions {

    private KeyAccountFunctions() {
    }

    @ScriptFunction("Key-account score from 0 to 100: each factor value put on the model's scale and weighted."
            + " Blank inputs count as the model says for missing values; blank when every input is blank.")
    public static BigDecimal score(@Arg("revenueShare") BigDecimal revenueShare, @Arg("revenueGrowth") BigDecimal revenueGrowth,
            @Arg("strategicValue") BigDecimal strategicValue, @Arg("growthPotential") BigDecimal growthPotential,
            @Arg("engagement") BigDecimal engagement, @Arg("satisfaction") BigDecimal satisfaction,
            @Arg("relationshipYears") BigDecimal relationshipYears, @Arg(value = "model", optional = true) String model) {
        Map<FactorInput, BigDecimal> inputs = inputs(revenueShare, revenueGrowth, strategicValue, growthPotential, engagement,
                satisfaction, relationshipYears);
        // on every row of a report: the score alone, without the points and explanation the full path builds
        return allBlank(inputs) ? null : ScoringModels.standalone(model).scoreOnly(inputs);
    }

    @ScriptFunction("The tier a score falls in under the model (KEY, GROWTH, MAINTAIN, STANDARD for the default),"
            + " before the model's rules. Blank for a blank score.")
    public static String tier(@Arg("score") BigDecimal score, @Arg(value = "model", optional = true) String model) {
        return score == null ? null : ScoringModels.named(model).tier(score).name();
    }

    @ScriptFunction("Why an account gets its tier, in the report's language: the tier after the model's rules,"
            + " its two main reasons and any rule that changed it, e.g. 'KEY: 43% of revenue, strategic value 4/5'.")
    public static String explain(@Arg("revenueShare") BigDecimal revenueShare, @Arg("revenueGrowth") BigDecimal revenueGrowth,
            @Arg("strategicValue") BigDecimal strategicValue, @Arg("growthPotential") BigDecimal growthPotential,
            @Arg("engagement") BigDecimal engagement, @Arg("satisfaction") BigDecimal satisfaction,
            @Arg("relationshipYears") BigDecimal relationshipYears, @Arg(value = "model", optional = true) String model,
            Locale locale) {
        AccountScore score = scoreOf(inputs(revenueShare, revenueGrowth, strategicValue, growthPotential, engagement,
                satisfaction, relationshipYears), model);
        return score == null ? null : score.explain(locale);
    }

    @ScriptFunction("ABC class (A, B, C) from the running share of revenue, accounts sorted by revenue, largest first:"
            + " A up to 80%, B up to 95%. With the account's own share, an account that crosses 80% is still A.")
    public static String paretoClass(@Arg("cumulativeShare") BigDecimal cumulativeShare,
            @Arg(value = "share", optional = true) BigDecimal share) {
        if (cumulativeShare == null) {
            return null;
        }
        BigDecimal before = share == null ? cumulativeShare : cumulativeShare.subtract(NetNegative.counted(share));
        AbcClass abc = ParetoClassifier.DEFAULT.classOf(before);
        return abc.name();
    }

    @ScriptFunction("An account's share of revenue as a fraction, revenue / total. A net-negative revenue (credit notes"
            + " above invoices) has a share of 0. Blank when the total is not positive or missing.")
    public static BigDecimal share(@Arg("revenue") BigDecimal revenue, @Arg("total") BigDecimal total) {
        return total == null || total.signum() <= 0 ? null : Ratios.divide(NetNegative.counted(revenue), total);
    }

    @ScriptFunction("How concentrated revenue is by its HHI: UNCONCENTRATED under 1,000, MODERATE up to 1,800, HIGH above.")
    public static String concentration(@Arg("hhi") BigDecimal hhi) {
        ConcentrationBand band = ConcentrationBand.of(hhi);
        return band == null ? null : band.name();
    }

    private static Map<FactorInput, BigDecimal> inputs(BigDecimal revenueShare, BigDecimal revenueGrowth,
            BigDecimal strategicValue, BigDecimal growthPotential, BigDecimal engagement, BigDecimal satisfaction,
            BigDecimal relationshipYears) {
        Map<FactorInput, BigDecimal> inputs = new EnumMap<>(FactorInput.class);
        inputs.put(FactorInput.REVENUE_SHARE, revenueShare);
        inputs.put(FactorInput.REVENUE_GROWTH, revenueGrowth);
        inputs.put(FactorInput.STRATEGIC_VALUE, strategicValue);
        inputs.put(FactorInput.GROWTH_POTENTIAL, growthPotential);
        inputs.put(FactorInput.ENGAGEMENT, engagement);
        inputs.put(FactorInput.SATISFACTION, satisfaction);
        inputs.put(FactorInput.RELATIONSHIP_YEARS, relationshipYears);
        return inputs;
    }

    /** Null when every input is blank, as BIRT passes after the last row. */
    private static AccountScore scoreOf(Map<FactorInput, BigDecimal> inputs, String model) {
        if (allBlank(inputs)) {
            return null;
        }
        ScoringModel scoringModel = ScoringModels.standalone(model);
        return scoringModel.score(new Account("", "", null, inputs));
    }

    private static boolean allBlank(Map<FactorInput, BigDecimal> inputs) {
        return inputs.values().stream().allMatch(Objects::isNull);
    }

    /** The class BIRT instantiates for this category (plugin.xml names it). */
    public static final class Factory extends CategoryFunctionFactory {
        public Factory() {
            super(KeyAccountFunctions.class);
        }
    }
}
