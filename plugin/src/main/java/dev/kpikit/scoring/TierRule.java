package dev.kpikit.scoring;

import java.math.BigDecimal;

/**
 * A business rule that overrides the tier the score alone gives. Rules apply in the order
 * of the model, each to the tier the previous one left; tiers are compared by their
 * position in the model (0 = best).
 * <p>
 * Each rule is defined here once, in its three renderings side by side: {@link #apply} (exact, on an account's
 * inputs), {@link #compile} (on the exact values a portfolio holds in columns, without building the account) and
 * {@link #excel} (a formula over the cells a workbook hands in). A new rule is a new record with its renderings.
 */
public sealed interface TierRule {

    /** The type that names the rule in model files: {@code maxTierBelowShare}. */
    String type();

    /** The tier the rule sets. */
    String tier();

    /** The input the rule looks at. */
    FactorInput input();

    /** The rule's threshold: the share below which, or the value at which, it applies. */
    BigDecimal threshold();

    /** Exact: the tier position after this rule, given the position before it. */
    int apply(int tier, Account account, ScoringModel model);

    /**
     * Compiled: the rule over a portfolio's columns, decided on exact values without building the account; null when
     * it needs an input the columns do not hold (one computed from revenue or dates) and so the exact path.
     *
     * @param shareBase the revenue that shares are parts of (see {@link RevenueLedger#shareBase()}), above zero
     */
    Compiled compile(ScoringModel model, BigDecimal shareBase);

    /**
     * Excel: the formula of the tier position after this rule, given the formula of the position before it;
     * a position is the tier's in {@link RuleCells#tierNames()}, from 0.
     */
    String excel(String tier, RuleCells cells);

    /** An account's values as a portfolio holds them, by account number, for {@link Compiled} rules. */
    interface Columns {
        /** Revenue in the current period, a net-negative one counted as 0 (see {@link NetNegative}). */
        BigDecimal countedRevenue(int account);

        /** An input that the account table gives as it is, or revenue; never one computed from them. */
        BigDecimal stored(int account, FactorInput input);
    }

    /** A rule compiled for a portfolio: the tier position after it, given the position before it. */
    @FunctionalInterface
    interface Compiled {
        int apply(int tier, int account, Columns columns);
    }

    /** Never better than {@code tier} while the revenue share is below {@code minShare}; a missing share counts as zero. */
    record MaxTierBelowShare(String tier, BigDecimal minShare) implements TierRule {
        @Override
        public String type() {
            return "maxTierBelowShare";
        }

        @Override
        public FactorInput input() {
            return FactorInput.REVENUE_SHARE;
        }

        @Override
        public BigDecimal threshold() {
            return minShare;
        }

        @Override
        public int apply(int current, Account account, ScoringModel model) {
            BigDecimal share = account.input(FactorInput.REVENUE_SHARE);
            boolean below = share == null ? minShare.signum() > 0 : share.compareTo(minShare) < 0;
            return below ? Math.max(current, model.tierIndex(tier)) : current;
        }

        /** The share is below the minimum where the counted revenue is below the minimum's part of the share base. */
        @Override
        public Compiled compile(ScoringModel model, BigDecimal shareBase) {
            BigDecimal minRevenue = minShare.multiply(shareBase);
            int capped = model.tierIndex(tier);
            return (current, account, columns) ->
                    columns.countedRevenue(account).compareTo(minRevenue) < 0 ? Math.max(current, capped) : current;
        }

        @Override
        public String excel(String current, RuleCells cells) {
            String share = cells.input(FactorInput.REVENUE_SHARE);
            String below = "IF(ISBLANK(" + share + ")," + cells.threshold() + ">0," + share + "<" + cells.threshold() + ")";
            return "IF(" + below + ",MAX(" + current + "," + position(cells) + ")," + current + ")";
        }
    }

    /** At least {@code tier} whenever the input equals {@code equals}. */
    record MinTierWhen(FactorInput input, BigDecimal equals, String tier) implements TierRule {
        @Override
        public String type() {
            return "minTierWhen";
        }

        @Override
        public BigDecimal threshold() {
            return equals;
        }

        @Override
        public int apply(int current, Account account, ScoringModel model) {
            BigDecimal value = account.input(input);
            boolean matches = value != null && value.compareTo(equals) == 0;
            return matches ? Math.min(current, model.tierIndex(tier)) : current;
        }

        @Override
        public Compiled compile(ScoringModel model, BigDecimal shareBase) {
            if (switch (input) {
                case REVENUE_SHARE, REVENUE_GROWTH, RELATIONSHIP_YEARS -> true;
                default -> false;
            }) {
                return null; // computed from revenue or dates: held in no column
            }
            int floor = model.tierIndex(tier);
            return (current, account, columns) -> {
                BigDecimal value = columns.stored(account, input);
                return value != null && value.compareTo(equals) == 0 ? Math.min(current, floor) : current;
            };
        }

        @Override
        public String excel(String current, RuleCells cells) {
            String value = cells.input(input);
            String matches = "AND(ISNUMBER(" + value + ")," + value + "=" + cells.threshold() + ")";
            return "IF(" + matches + ",MIN(" + current + "," + position(cells) + ")," + current + ")";
        }
    }

    /** The position of the rule's tier, from 0, as a formula. */
    private static String position(RuleCells cells) {
        return "(MATCH(" + cells.tier() + "," + cells.tierNames() + ",0)-1)";
    }
}
