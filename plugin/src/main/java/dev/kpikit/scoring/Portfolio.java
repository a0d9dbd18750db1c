package dev.kpikit.scoring;

import dev.kpikit.kpi.Ratios;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The key-account analysis of a whole portfolio: every account scored, ranked and
 * classified, and the concentration of revenue. {@link #accounts()} builds each account's
 * report (with its factor details) when it is read, in rank order. Accounts are those of the account table
 * and those with revenue rows; one without a table row is scored on revenue alone under its id
 * ({@link #unknownAccountIds()}, {@link AccountReport#inAccountTable()}), one without revenue rows gets
 * zero revenue and RFM 111.
 * <p>
 * The accounts are held in columns indexed by account number (ids, names, codes of repeated
 * values, scores in cents, ABC and RFM in bytes) besides the ledger's totals: a few hundred
 * bytes an account, so a million accounts fit in 512 MB of heap. Read the account table with
 * {@link #builder} to keep its rows from being held as objects too.
 */
public record Portfolio(List<AccountReport> accounts, ConcentrationSummary concentration, List<String> unknownAccountIds) {

    /** RFM of an account without revenue rows: the worst on every count. */
    private static final RfmScore NO_PURCHASE = new RfmScore(1, 1, 1);

    /** Pareto thresholds, how many accounts "top N" counts, and the major-customer share. */
    public record Options(ParetoClassifier pareto, int topN, BigDecimal majorCustomerShare) {
        public static final Options DEFAULT = new Options(ParetoClassifier.DEFAULT, 5, RevenueShares.MAJOR_CUSTOMER_SHARE);
    }

    public static Portfolio analyse(RevenueLedger ledger, Collection<AccountProfile> profiles, ScoringModel model) {
        return analyse(ledger, profiles, model, Options.DEFAULT);
    }

    public static Portfolio analyse(RevenueLedger ledger, Collection<AccountProfile> profiles, ScoringModel model,
                                    Options options) {
        Builder builder = builder(ledger);
        profiles.forEach(builder::add);
        return builder.analyse(model, options);
    }

    /** Takes the account table's rows one by one, keeping them in columns, then analyses the portfolio. */
    public static Builder builder(RevenueLedger ledger) {
        return new Builder(ledger);
    }

    /**
     * The accounts of a portfolio being read; a later row with the same id replaces an earlier one (a reader
     * that refuses duplicates asks {@link #has} first).
     */
    public static final class Builder {

        private static final byte MAJOR = 8;

        private final RevenueLedger ledger;
        private final IdIndex ids = new IdIndex();
        private String[] names = new String[0];
        /** The account's number in the ledger; -1 when it has no revenue row. */
        private int[] ledgerNumber = new int[0];
        private final ValueColumn<String> segments = new ValueColumn<>();
        private final ValueColumn<BigDecimal> strategicValues = new ValueColumn<>();
        private final ValueColumn<BigDecimal> growthPotentials = new ValueColumn<>();
        private final ValueColumn<BigDecimal> engagements = new ValueColumn<>();
        private final ValueColumn<BigDecimal> satisfactions = new ValueColumn<>();
        private final ValueColumn<LocalDate> starts = new ValueColumn<>();
        /** Accounts numbered from this on came from revenue rows alone; -1 until {@link #analyse}. */
        private int tableAccounts = -1;
        private List<String> unknownIds = List.of();

        private Builder(RevenueLedger ledger) {
            this.ledger = ledger;
        }

        /** True when an account of that id was added. */
        public boolean has(String id) {
            return ids.indexOf(id) >= 0;
        }

        public Builder add(AccountProfile profile) {
            int ledgerAccount = ledger.indexOf(profile.id());
            // the ledger's String for the id, so that the id is held once
            int account = ids.add(ledgerAccount < 0 ? profile.id() : ledger.id(ledgerAccount));
            if (account == names.length) {
                int length = Math.max(16, account + (account >> 1));
                names = Arrays.copyOf(names, length);
                ledgerNumber = Arrays.copyOf(ledgerNumber, length);
                for (ValueColumn<?> column : List.of(segments, strategicValues, growthPotentials, engagements,
                        satisfactions, starts)) {
                    column.ensureCapacity(length);
                }
            }
            names[account] = profile.name();
            ledgerNumber[account] = ledgerAccount;
            segments.set(account, profile.segment());
            strategicValues.set(account, profile.strategicValue());
            growthPotentials.set(account, profile.growthPotential());
            engagements.set(account, profile.engagement());
            satisfactions.set(account, profile.satisfaction());
            starts.set(account, profile.relationshipStart());
            return this;
        }

        public Portfolio analyse(ScoringModel model) {
            return analyse(model, Options.DEFAULT);
        }

        public Portfolio analyse(ScoringModel model, Options options) {
            // accounts with revenue but no row in the account table, by id as the ledger sorts them
            List<String> unknown = new ArrayList<>();
            for (int ledgerAccount = 0; ledgerAccount < ledger.size(); ledgerAccount++) {
                if (ids.indexOf(ledger.id(ledgerAccount)) < 0) {
                    unknown.add(ledger.id(ledgerAccount));
                }
            }
            unknown.sort(null);
            if (tableAccounts < 0) {
                tableAccounts = ids.size();
                unknownIds = List.copyOf(unknown);
            }
            unknown.forEach(id -> add(AccountProfile.unknown(id)));
            return new Analysis(this, model, options).portfolio();
        }

        int size() {
            return ids.size();
        }

        String id(int account) {
            return ids.id(account);
        }

        Account account(int account) {
            String id = ids.id(account);
            return Account.of(new AccountProfile(id, names[account], segments.get(account), strategicValues.get(account),
                    growthPotentials.get(account), engagements.get(account), satisfactions.get(account),
                    starts.get(account)), ledger);
        }

        /**
         * The account's inputs as doubles, indexed by {@link FactorInput#ordinal()}, NaN when missing:
         * what {@link #account} holds, for {@link CompiledModel#score}.
         */
        void rawInputs(int account, double[] raw) {
            int ledgerAccount = ledgerNumber[account];
            BigDecimal current = ledgerAccount < 0 ? BigDecimal.ZERO : ledger.current(ledgerAccount);
            BigDecimal previous = ledgerAccount < 0 ? BigDecimal.ZERO : ledger.previous(ledgerAccount);
            BigDecimal base = ledger.shareBase();
            raw[FactorInput.REVENUE.ordinal()] = current.doubleValue();
            raw[FactorInput.REVENUE_SHARE.ordinal()] = base.signum() == 0 ? Double.NaN
                    : NetNegative.counted(current).doubleValue() / base.doubleValue();
            raw[FactorInput.REVENUE_GROWTH.ordinal()] = previous.signum() <= 0 ? Double.NaN
                    : current.subtract(previous).doubleValue() / previous.doubleValue();
            raw[FactorInput.STRATEGIC_VALUE.ordinal()] = doubleOf(strategicValues.get(account));
            raw[FactorInput.GROWTH_POTENTIAL.ordinal()] = doubleOf(growthPotentials.get(account));
            raw[FactorInput.ENGAGEMENT.ordinal()] = doubleOf(engagements.get(account));
            raw[FactorInput.SATISFACTION.ordinal()] = doubleOf(satisfactions.get(account));
            LocalDate start = starts.get(account);
            raw[FactorInput.RELATIONSHIP_YEARS.ordinal()] = start == null ? Double.NaN
                    : Account.relationshipMonths(start, ledger.asOf()) / 12.0;
        }

        private static double doubleOf(BigDecimal value) {
            return value == null ? Double.NaN : value.doubleValue();
        }

        /** An input that the account table gives as it is (not computed), or revenue; null for the others. */
        BigDecimal storedInput(int account, FactorInput input) {
            return switch (input) {
                case REVENUE -> currentRevenue(account);
                case STRATEGIC_VALUE -> strategicValues.get(account);
                case GROWTH_POTENTIAL -> growthPotentials.get(account);
                case ENGAGEMENT -> engagements.get(account);
                case SATISFACTION -> satisfactions.get(account);
                default -> throw new IllegalArgumentException(input + " is computed");
            };
        }

        AccountRevenue revenue(int account) {
            int ledgerAccount = ledgerNumber[account];
            return ledgerAccount < 0
                    ? new AccountRevenue(ids.id(account), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, 0)
                    : ledger.revenue(ledgerAccount);
        }

        BigDecimal currentRevenue(int account) {
            return ledgerNumber[account] < 0 ? BigDecimal.ZERO : ledger.current(ledgerNumber[account]);
        }

        /** Current revenue, highest first, then ids. */
        int compareRevenue(int a, int b) {
            int la = ledgerNumber[a];
            int lb = ledgerNumber[b];
            MoneyColumn current = ledger.currentColumn();
            int byRevenue = la >= 0 && lb >= 0 ? current.compare(lb, la)
                    : la >= 0 ? -current.signum(la) : lb >= 0 ? current.signum(lb) : 0;
            return byRevenue != 0 ? byRevenue : ids.id(a).compareTo(ids.id(b));
        }
    }

    /** Scores, ranks and classes of a builder's accounts, by account number. */
    private static final class Analysis {

        private final Builder accounts;
        private final ScoringModel.Scorer scorer;
        private final Options options;
        private final int[] ranked;
        /** ABC class (0 for none, else ordinal + 1), plus {@link Builder#MAJOR} for a major customer. */
        private final byte[] classes;
        /** RFM by ledger number, see {@link RfmScorer#codes}. */
        private final byte[] rfm;
        private final ConcentrationSummary concentration;

        Analysis(Builder accounts, ScoringModel model, Options options) {
            this.accounts = accounts;
            this.options = options;
            int n = accounts.size();
            List<Account> population = new AbstractList<>() {
                @Override
                public Account get(int index) {
                    return accounts.account(index);
                }

                @Override
                public int size() {
                    return n;
                }
            };
            this.scorer = model.scorer(population);

            // Rank on the scores alone, in cents, and score each account again when its row is read:
            // a million accounts' factor details would take gigabytes, their scores 4 MB.
            String bestTier = model.tiers().getFirst().name();
            int[] cents = new int[n];
            boolean[] key = new boolean[n];
            FastScores fast = FastScores.of(model, accounts);
            for (int account = 0; account < n; account++) {
                long scored = fast == null ? FastScores.UNSURE : fast.score(account);
                if (scored != FastScores.UNSURE) {
                    cents[account] = (int) (scored >> 8);
                    key[account] = (scored & 0xff) == 0;
                } else {
                    AccountScore score = scorer.score(accounts.account(account));
                    cents[account] = score.score().movePointRight(2).intValueExact();
                    key[account] = score.tier().equals(bestTier);
                }
            }
            this.ranked = IntSort.sorted(n, (a, b) -> cents[a] != cents[b] ? Integer.compare(cents[b], cents[a])
                    : accounts.id(a).compareTo(accounts.id(b)));

            int[] byRevenue = IntSort.sorted(n, accounts::compareRevenue);
            // shares are parts of the positive revenue: a net-negative account counts as 0 (see NetNegative)
            BigDecimal total = accounts.ledger.shareBase();
            classes = new byte[n];
            Concentration hhi = new Concentration();
            BigDecimal before = BigDecimal.ZERO;
            BigDecimal topOne = BigDecimal.ZERO;
            BigDecimal topN = BigDecimal.ZERO;
            BigDecimal keySum = BigDecimal.ZERO;
            BigDecimal majorFrom = options.majorCustomerShare().multiply(total);
            List<String> major = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int account = byRevenue[i];
                BigDecimal revenue = NetNegative.counted(accounts.currentRevenue(account));
                if (total.signum() > 0) {
                    classes[account] = (byte) (options.pareto().classOf(before, total).ordinal() + 1);
                    if (revenue.compareTo(majorFrom) >= 0) {
                        classes[account] |= Builder.MAJOR;
                        major.add(accounts.id(account));
                    }
                }
                before = before.add(revenue);
                hhi.add(revenue);
                topOne = i < 1 ? topOne.add(revenue) : topOne;
                topN = i < options.topN() ? topN.add(revenue) : topN;
                keySum = key[account] ? keySum.add(revenue) : keySum;
            }
            rfm = RfmScorer.codes(accounts.ledger);
            BigDecimal index = hhi.hhi();
            concentration = new ConcentrationSummary(index, ConcentrationBand.of(index), Ratios.divide(topOne, total),
                    options.topN(), Ratios.divide(topN, total), Ratios.divide(keySum, total), List.copyOf(major));
        }

        Portfolio portfolio() {
            List<AccountReport> reports = new AbstractList<>() {
                @Override
                public AccountReport get(int index) {
                    int account = ranked[index];
                    int ledgerAccount = accounts.ledgerNumber[account];
                    byte flags = classes[account];
                    int abc = flags & ~Builder.MAJOR;
                    Account details = accounts.account(account);
                    return new AccountReport(index + 1, details, scorer.score(details),
                            accounts.revenue(account), abc == 0 ? null : AbcClass.values()[abc - 1],
                            ledgerAccount < 0 ? NO_PURCHASE : RfmScorer.decode(rfm[ledgerAccount]),
                            (flags & Builder.MAJOR) != 0, account < accounts.tableAccounts);
                }

                @Override
                public int size() {
                    return ranked.length;
                }
            };
            return new Portfolio(reports, concentration, accounts.unknownIds);
        }
    }

    /**
     * Scores in cents and tiers from the compiled model, where the exact path would give the same:
     * the double score is within 1e-12 of the exact one, so away from a half cent it rounds to the
     * same cents, and rules are checked on exact values without building the account.
     */
    private static final class FastScores {

        /** The account needs the exact path: its score is too near a half cent, or a rule needs it. */
        static final long UNSURE = CompiledModel.UNSURE;

        private final ScoringModel model;
        private final CompiledModel compiled;
        private final Builder accounts;
        private final double[] raw = new double[FactorInput.values().length];
        /** Revenue at which the share reaches each MaxTierBelowShare rule's minimum; by rule. */
        private final BigDecimal[] shareThresholds;
        private final int[] ruleTiers;

        private FastScores(ScoringModel model, Builder accounts) {
            this.model = model;
            this.compiled = model.compile();
            this.accounts = accounts;
            List<TierRule> rules = model.rules();
            shareThresholds = new BigDecimal[rules.size()];
            ruleTiers = new int[rules.size()];
            for (int i = 0; i < rules.size(); i++) {
                switch (rules.get(i)) {
                    case TierRule.MaxTierBelowShare cap -> {
                        shareThresholds[i] = cap.minShare().multiply(accounts.ledger.shareBase());
                        ruleTiers[i] = model.tierIndex(cap.tier());
                    }
                    case TierRule.MinTierWhen floor -> ruleTiers[i] = model.tierIndex(floor.tier());
                }
            }
        }

        /** Null when the model needs the exact path for every account. */
        static FastScores of(ScoringModel model, Builder accounts) {
            if (!model.standalone() || accounts.ledger.shareBase().signum() <= 0) {
                return null;
            }
            for (TierRule rule : model.rules()) {
                if (rule instanceof TierRule.MinTierWhen floor && switch (floor.input()) {
                    case REVENUE_SHARE, REVENUE_GROWTH, RELATIONSHIP_YEARS -> true;
                    default -> false;
                }) {
                    return null;
                }
            }
            return new FastScores(model, accounts);
        }

        /** cents << 8 | tier position after the rules; {@link #UNSURE} when only the exact path can tell. */
        long score(int account) {
            accounts.rawInputs(account, raw);
            long cents = CompiledModel.cents(compiled.score(raw));
            if (cents == UNSURE) {
                return UNSURE;
            }
            int tier = model.tiers().indexOf(model.tier(BigDecimal.valueOf(cents, 2)));
            List<TierRule> rules = model.rules();
            for (int i = 0; i < rules.size(); i++) {
                switch (rules.get(i)) {
                    case TierRule.MaxTierBelowShare cap -> {
                        if (NetNegative.counted(accounts.currentRevenue(account)).compareTo(shareThresholds[i]) < 0) {
                            tier = Math.max(tier, ruleTiers[i]);
                        }
                    }
                    case TierRule.MinTierWhen floor -> {
                        BigDecimal value = accounts.storedInput(account, floor.input());
                        if (value != null && value.compareTo(floor.equals()) == 0) {
                            tier = Math.min(tier, ruleTiers[i]);
                        }
                    }
                }
            }
            return cents << 8 | tier;
        }
    }
}
