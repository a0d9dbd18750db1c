package dev.kpikit.scoring;

import dev.kpikit.scoring.Portfolio.Builder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * Scores, points in cents and tiers from the compiled model, where the exact path would give the same: the
 * double values are within 1e-12 of the exact ones, so {@link CompiledModel#cents} rounds the score to the same
 * cents away from a half cent, and each factor's points round the same way (largest remainder, see
 * {@link LargestRemainder}) away from a whole cent and from a tie between remainders. A factor's points near a whole
 * cent (a judgement of 5 with every factor weighed gives 20.00 points) are taken from the exact path, computed once
 * per distinct input; rules are checked on exact values without building the account. What is still too near to
 * tell goes to the exact path.
 */
final class FastScores {

    private static final double MARGIN = CompiledModel.HALF_CENT_MARGIN;
    /** 100.00 points in cents: the highest score. */
    private static final int MAX_CENTS = 10_000;

    private final ScoringModel model;
    private final ScoringModel.Scorer scorer;
    private final CompiledModel compiled;
    private final Builder accounts;
    private final List<Factor> factors;
    private final double[] raw = new double[FactorInput.values().length];
    private final double[] parts;
    private final long[] floors;
    private final double[] remainders;
    /** The exact remainder of a part taken from the exact path; null for one from the compiled model. */
    private final BigDecimal[] exactRemainders;
    private final int[] order;
    /** True for a factor that leaves a missing input out of the score (and its weight out of the sum). */
    private final boolean[] excludesMissing;
    /**
     * Exact floor and remainder in cents of a factor's points, by factor, then by input (slot 0 clamped to the top
     * of the scale, 1 to the bottom, 2 + the input's code otherwise, 3 a computed share or growth of 0), then one per
     * set of factors left out.
     */
    private final ExactPart[][][] exactParts;
    /** The model's rules as {@link TierRule#compile} renders them, decided on the builder's columns. */
    private final TierRule.Compiled[] rules;
    private final TierRule.Columns columns;
    /** The tier of each score from 0.00 to 100.00, by cents: the model's tiers looked up once, not per account. */
    private final int[] tierByCents = new int[MAX_CENTS + 1];

    /** @param missing the factors left out of the score, a bit each */
    private record ExactPart(long missing, long floor, BigDecimal remainder, double approximateRemainder) {
    }

    private FastScores(ScoringModel model, ScoringModel.Scorer scorer, Builder accounts, TierRule.Compiled[] rules) {
        this.model = model;
        this.scorer = scorer;
        this.compiled = model.compile();
        this.accounts = accounts;
        this.factors = model.factors();
        int n = factors.size();
        parts = new double[n];
        floors = new long[n];
        remainders = new double[n];
        exactRemainders = new BigDecimal[n];
        order = new int[n];
        exactParts = new ExactPart[n][0][];
        excludesMissing = new boolean[n];
        for (int i = 0; i < n; i++) {
            excludesMissing[i] = scorer.normalised(i, null) == null;
        }
        for (int cents = 0; cents <= MAX_CENTS; cents++) {
            tierByCents[cents] = model.tierIndexOf(BigDecimal.valueOf(cents, 2));
        }
        this.rules = rules;
        this.columns = new TierRule.Columns() {
            @Override
            public BigDecimal countedRevenue(int account) {
                return NetNegative.counted(accounts.currentRevenue(account));
            }

            @Override
            public BigDecimal stored(int account, FactorInput input) {
                return accounts.storedInput(account, input);
            }
        };
    }

    /** Null when the model needs the exact path for every account. */
    static FastScores of(ScoringModel model, ScoringModel.Scorer scorer, Builder accounts) {
        if (!model.standalone() || accounts.ledger().shareBase().signum() <= 0 || model.factors().size() > 64) {
            return null;
        }
        TierRule.Compiled[] rules = new TierRule.Compiled[model.rules().size()];
        for (int i = 0; i < rules.length; i++) {
            rules[i] = model.rules().get(i).compile(model, accounts.ledger().shareBase());
            if (rules[i] == null) {
                return null;
            }
        }
        return new FastScores(model, scorer, accounts, rules);
    }

    /**
     * Puts the account's score, points and tiers into the analysis' columns given (by account number); false, the
     * columns untouched, when only the exact path can tell.
     */
    boolean score(int account, int[] cents, short[][] points, int[] tiers) {
        accounts.rawInputs(account, raw);
        long total = CompiledModel.cents(compiled.score(raw, parts));
        if (total == CompiledModel.UNSURE) {
            return false;
        }
        long missing = 0;
        for (int i = 0; i < parts.length; i++) {
            if (Double.isNaN(raw[factors.get(i).input().ordinal()]) && excludesMissing[i]) {
                missing |= 1L << i;
            }
        }
        long allocated = 0;
        for (int i = 0; i < parts.length; i++) {
            double partCents = parts[i] * 100;
            if (!(partCents >= 0 && partCents <= 10_000)) {
                return false;
            }
            double floor = Math.floor(partCents);
            double remainder = partCents - floor;
            if (remainder < MARGIN || remainder > 1 - MARGIN) {
                // near a whole cent: the exact path's floor and remainder, once per input value
                ExactPart part = exactPart(i, account, missing);
                if (part == null) {
                    return false;
                }
                floors[i] = part.floor();
                remainders[i] = part.approximateRemainder();
                exactRemainders[i] = part.remainder();
            } else {
                floors[i] = (long) floor;
                remainders[i] = remainder;
                exactRemainders[i] = null;
            }
            allocated += floors[i];
        }
        // the cents still missing go to the largest remainders, earlier factors first on ties
        long short_ = total - allocated;
        if (short_ < 0 || short_ > parts.length) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            int j = i;
            while (j > 0 && remainders[order[j - 1]] < remainders[i]) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        if (short_ > 0 && short_ < parts.length && !orderedAtBoundary((int) short_, account, missing)) {
            return false;
        }
        int tier = total >= 0 && total <= MAX_CENTS ? tierByCents[(int) total] : model.tierIndexOf(BigDecimal.valueOf(total, 2));
        int scoreTier = tier;
        int applied = 0;
        for (int i = 0; i < rules.length; i++) {
            int before = tier;
            tier = rules[i].apply(tier, account, columns);
            applied |= tier != before ? 1 << i : 0;
        }
        cents[account] = (int) total;
        for (int rank = 0; rank < parts.length; rank++) {
            int i = order[rank];
            points[i][account] = (short) (floors[i] + (rank < short_ ? 1 : 0));
        }
        tiers[account] = tier | scoreTier << 8 | applied << 16;
        return true;
    }

    /**
     * Makes sure that {@link #order} ranks the factors on either side of {@code boundary} (the first that gets no
     * extra cent) as the exact remainders do: true when the doubles are clearly apart there; else the factors whose
     * remainders lie near one another around it are ranked by their exact remainders, earlier factors first on
     * ties (two judgements of the same value and weight tie exactly), when the exact path gives them all.
     */
    private boolean orderedAtBoundary(int boundary, int account, long missing) {
        int from = boundary - 1;
        int to = boundary + 1;
        if (remainders[order[from]] - remainders[order[boundary]] >= MARGIN) {
            return true;
        }
        while (from > 0 && remainders[order[from - 1]] - remainders[order[from]] < MARGIN) {
            from--;
        }
        while (to < order.length && remainders[order[to - 1]] - remainders[order[to]] < MARGIN) {
            to++;
        }
        for (int rank = from; rank < to; rank++) {
            int i = order[rank];
            if (exactRemainders[i] == null) {
                ExactPart part = exactPart(i, account, missing);
                if (part == null || part.floor() != floors[i]) {
                    return false;
                }
                exactRemainders[i] = part.remainder();
            }
        }
        for (int rank = from + 1; rank < to; rank++) {
            int i = order[rank];
            int j = rank;
            while (j > from && ranksBefore(i, order[j - 1])) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        return true;
    }

    /** Factor {@code i}'s exact remainder is larger than factor {@code j}'s, or equal and {@code i} comes first. */
    private boolean ranksBefore(int i, int j) {
        int byRemainder = exactRemainders[i].compareTo(exactRemainders[j]);
        return byRemainder > 0 || byRemainder == 0 && i < j;
    }

    /**
     * The exact floor and remainder in cents of factor {@code i}'s points, for an input the account table gives
     * or one clamped to an end of its scale (these repeat across accounts); null for any other.
     */
    private ExactPart exactPart(int i, int account, long missing) {
        Factor factor = factors.get(i);
        double value = raw[factor.input().ordinal()];
        int code = accounts.inputCode(account, factor.input());
        int slot;
        if (Double.isNaN(value)) {
            slot = 2;
        } else if (code >= 0) {
            slot = 2 + code;
        } else if (factor.normalisation() == Normalisation.FIXED_SCALE && beyond(value, factor.max().doubleValue(), 1)) {
            slot = 0;
        } else if (factor.normalisation() == Normalisation.FIXED_SCALE && beyond(value, factor.min().doubleValue(), -1)) {
            slot = 1;
        } else if (value == 0 && (factor.input() == FactorInput.REVENUE_SHARE || factor.input() == FactorInput.REVENUE_GROWTH)) {
            slot = 3; // a computed input has no codes: the slot of code 1 is free
        } else {
            return null;
        }
        if (slot >= exactParts[i].length) {
            exactParts[i] = Arrays.copyOf(exactParts[i], Math.max(slot + 1, 2 * exactParts[i].length));
        }
        ExactPart[] known = exactParts[i][slot];
        if (known != null) {
            for (ExactPart part : known) {
                if (part.missing() == missing) {
                    return part;
                }
            }
        }
        // the input's exact value, worked out once for its slot
        BigDecimal exactValue = switch (slot) {
            case 0 -> factor.max();
            case 1 -> factor.min();
            default -> Double.isNaN(value) ? null
                    : code < 0 ? BigDecimal.ZERO // no revenue, or as much as the period before: Ratios gives 0 as ZERO
                    : factor.input() == FactorInput.RELATIONSHIP_YEARS ? accounts.relationshipYears(account)
                    : accounts.storedInput(account, factor.input());
        };
        BigDecimal includedWeight = BigDecimal.ZERO;
        for (int j = 0; j < factors.size(); j++) {
            includedWeight = (missing & 1L << j) != 0 ? includedWeight : includedWeight.add(factors.get(j).weight());
        }
        BigDecimal partCents = ScoringModel.exactPoints(factor, scorer.normalised(i, exactValue), includedWeight)
                .movePointRight(2);
        BigDecimal floor = partCents.setScale(0, RoundingMode.FLOOR);
        BigDecimal remainder = partCents.subtract(floor);
        ExactPart part = new ExactPart(missing, floor.longValueExact(), remainder, remainder.doubleValue());
        known = known == null ? new ExactPart[1] : Arrays.copyOf(known, known.length + 1);
        known[known.length - 1] = part;
        exactParts[i][slot] = known;
        return part;
    }

    /** True when {@code value} lies clearly past {@code end} in {@code direction} (1 above, -1 below). */
    private static boolean beyond(double value, double end, int direction) {
        return direction * (value - end) > MARGIN * Math.max(1, Math.abs(end));
    }
}
