package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The score of one account under a model.
 *
 * @param score        0 to 100 with two decimals: exactly the sum of the factors' points
 * @param tier         the tier after the model's rules
 * @param scoreTier    the tier the score alone gives
 * @param factors      one entry per factor of the model, in model order
 * @param appliedRules the rules that changed the tier, in the order they applied
 * @param netNegative  the account's revenue (or its share, when scored from a share) was negative: it counted
 *                     as a share of 0 (see {@link NetNegative}), and the explanation says so
 */
public record AccountScore(BigDecimal score, String tier, String scoreTier, List<FactorScore> factors,
                           List<TierRule> appliedRules, boolean netNegative) {

    public AccountScore {
        factors = List.copyOf(factors);
        appliedRules = List.copyOf(appliedRules);
    }

    /** Whether explanations are written in the locale's language; in another they are in English. */
    public static boolean explainsIn(Locale locale) {
        return Explanations.hasTexts(locale);
    }

    /** A short sentence with the tier and its main reasons, like "KEY: 41% of revenue, strategic value 5/5". */
    public String explain(Locale locale) {
        return Explanations.explain(this, locale);
    }
}
