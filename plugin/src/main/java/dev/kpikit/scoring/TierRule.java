package dev.kpikit.scoring;

import java.math.BigDecimal;

/**
 * A business rule that overrides the tier the score alone gives. Rules apply in the order
 * of the model, each to the tier the previous one left; tiers are compared by their
 * position in the model (0 = best).
 */
public sealed interface TierRule {

    /** The tier position after this rule, given the position before it. */
    int apply(int tier, Account account, ScoringModel model);

    /** Never better than {@code tier} while the revenue share is below {@code minShare}; a missing share counts as zero. */
    record MaxTierBelowShare(String tier, BigDecimal minShare) implements TierRule {
        @Override
        public int apply(int current, Account account, ScoringModel model) {
            BigDecimal share = account.input(FactorInput.REVENUE_SHARE);
            boolean below = share == null ? minShare.signum() > 0 : share.compareTo(minShare) < 0;
            return below ? Math.max(current, model.tierIndex(tier)) : current;
        }
    }

    /** At least {@code tier} whenever the input equals {@code equals}. */
    record MinTierWhen(FactorInput input, BigDecimal equals, String tier) implements TierRule {
        @Override
        public int apply(int current, Account account, ScoringModel model) {
            BigDecimal value = account.input(input);
            boolean matches = value != null && value.compareTo(equals) == 0;
            return matches ? Math.min(current, model.tierIndex(tier)) : current;
        }
    }
}
