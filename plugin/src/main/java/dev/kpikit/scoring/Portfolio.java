package dev.kpikit.scoring;

import dev.kpikit.kpi.Ratios;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;

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
public final class Portfolio {

    /** RFM of an account without revenue rows: the worst on every count. */
    private static final RfmScore NO_PURCHASE = new RfmScore(1, 1, 1);

    private final Analysis analysis;
    private final List<AccountReport> accounts;

    private Portfolio(Analysis analysis) {
        this.analysis = analysis;
        this.accounts = new AbstractList<>() {
            @Override
            public AccountReport get(int index) {
                AccountRows row = rows();
                row.moveTo(index);
                return row.report();
            }

            @Override
            public int size() {
                return analysis.ranked.length;
            }
        };
    }

    /** Every account's report, best score first; each is built when it is read. */
    public List<AccountReport> accounts() {
        return accounts;
    }

    /** The accounts in rank order, read a value at a time: a new cursor for each reader. */
    public AccountRows rows() {
        return analysis.new Rows();
    }

    public ConcentrationSummary concentration() {
        return analysis.concentration;
    }

    /** Ids with revenue rows but no row in the account table, sorted. */
    public List<String> unknownAccountIds() {
        return analysis.accounts.unknownIds;
    }

    /** Equal when every account's report, the concentration and the unknown ids are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Portfolio that && accounts().equals(that.accounts())
                && concentration().equals(that.concentration()) && unknownAccountIds().equals(that.unknownAccountIds());
    }

    @Override
    public int hashCode() {
        return Objects.hash(accounts(), concentration(), unknownAccountIds());
    }

    @Override
    public String toString() {
        return "Portfolio[" + accounts().size() + " accounts, " + concentration() + "]";
    }

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

        RevenueLedger ledger() {
            return ledger;
        }

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
            ensureCapacity(account + 1);
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

        /** Rows to fill on another thread, then add with {@link #addAll}. */
        public AccountTableRows newRows() {
            return new AccountTableRows(ledger);
        }

        /**
         * Adds the rows in their order, as {@link #add} would one by one, but for an id already added: then it
         * returns false, having added the rows before it (a reader refuses such a table, naming both lines).
         */
        public boolean addAll(AccountTableRows rows) {
            if (rows.ledger != ledger) {
                throw new IllegalArgumentException("rows made for another ledger's builder");
            }
            int first = ids.size();
            ensureCapacity(first + rows.size());
            ids.ensureCapacity(first + rows.size());
            int[] segmentCodes = codes(segments, rows.segments);
            int[] strategicValueCodes = codes(strategicValues, rows.strategicValues);
            int[] growthPotentialCodes = codes(growthPotentials, rows.growthPotentials);
            int[] engagementCodes = codes(engagements, rows.engagements);
            int[] satisfactionCodes = codes(satisfactions, rows.satisfactions);
            int[] startCodes = codes(starts, rows.starts);
            byte[] idBytes = rows.idBytes();
            for (int row = 0; row < rows.size(); row++) {
                String text = rows.idText(row);
                int ledgerAccount = rows.ledgerNumber(row);
                // the ledger's String for the id, so that the id is held once
                String known = ledgerAccount < 0 ? text : rows.ledgerId(row);
                int account = text != null ? ids.add(known) : ids.add(idBytes, rows.idStart(row), rows.idEnd(row), known);
                if (account < first + row) {
                    return false;
                }
                String name = rows.name(row);
                names[account] = name != null ? name : ids.id(account);
                ledgerNumber[account] = ledgerAccount;
                segments.setCode(account, segmentCodes[rows.segments.code(row)]);
                strategicValues.setCode(account, strategicValueCodes[rows.strategicValues.code(row)]);
                growthPotentials.setCode(account, growthPotentialCodes[rows.growthPotentials.code(row)]);
                engagements.setCode(account, engagementCodes[rows.engagements.code(row)]);
                satisfactions.setCode(account, satisfactionCodes[rows.satisfactions.code(row)]);
                starts.setCode(account, startCodes[rows.starts.code(row)]);
            }
            return true;
        }

        /** The builder's code of each of the rows' codes, taken in the rows' order so that codes number values as {@link #add} does. */
        private static <T> int[] codes(ValueColumn<T> column, ValueColumn<T> rows) {
            int[] codes = new int[rows.distinct()];
            for (int code = 1; code < codes.length; code++) {
                codes[code] = column.codeOf(rows.value(code));
            }
            return codes;
        }

        /** Room for accounts numbered below {@code accounts}. */
        private void ensureCapacity(int accounts) {
            if (accounts > names.length) {
                int length = Math.max(Math.max(16, accounts), names.length + (names.length >> 1));
                names = Arrays.copyOf(names, length);
                ledgerNumber = Arrays.copyOf(ledgerNumber, length);
                for (ValueColumn<?> column : List.of(segments, strategicValues, growthPotentials, engagements,
                        satisfactions, starts)) {
                    column.ensureCapacity(length);
                }
            }
        }

        public Portfolio analyse(ScoringModel model) {
            return analyse(model, Options.DEFAULT);
        }

        public Portfolio analyse(ScoringModel model, Options options) {
            // accounts with revenue but no row in the account table, by id as the ledger sorts them
            // an account of the table has its ledger number (add looked its id up): the others are unknown
            boolean[] inTable = new boolean[ledger.size()];
            for (int account = 0; account < ids.size(); account++) {
                if (ledgerNumber[account] >= 0) {
                    inTable[ledgerNumber[account]] = true;
                }
            }
            List<String> unknown = new ArrayList<>();
            for (int ledgerAccount = 0; ledgerAccount < ledger.size(); ledgerAccount++) {
                if (!inTable[ledgerAccount]) {
                    unknown.add(ledger.id(ledgerAccount));
                }
            }
            unknown.sort(null);
            if (tableAccounts < 0) {
                tableAccounts = ids.size();
                unknownIds = List.copyOf(unknown);
            }
            unknown.forEach(id -> add(AccountProfile.unknown(id)));
            yearsByStart = new BigDecimal[starts.distinct()];
            for (int code = 1; code < yearsByStart.length; code++) {
                yearsByStart[code] = Account.relationshipYears(starts.value(code), ledger.asOf());
            }
            double[] yearsDoubles = new double[starts.distinct()];
            yearsDoubles[0] = Double.NaN;
            for (int code = 1; code < yearsDoubles.length; code++) {
                yearsDoubles[code] = Account.relationshipMonths(starts.value(code), ledger.asOf()) / 12.0;
            }
            inputDoubles = new double[][] {doublesByCode(strategicValues), doublesByCode(growthPotentials),
                    doublesByCode(engagements), doublesByCode(satisfactions), yearsDoubles};
            shareBaseDouble = ledger.shareBase().doubleValue();
            return new Analysis(this, model, options).portfolio();
        }

        int size() {
            return ids.size();
        }

        String id(int account) {
            return ids.id(account);
        }

        /** Relationship years by the start date's code in {@link #starts}: a few thousand dates serve a million accounts. */
        private BigDecimal[] yearsByStart = new BigDecimal[0];

        Account account(int account) {
            int ledgerAccount = ledgerNumber[account];
            return account(account, ledgerAccount < 0 ? BigDecimal.ZERO : ledger.current(ledgerAccount),
                    ledgerAccount < 0 ? BigDecimal.ZERO : ledger.previous(ledgerAccount));
        }

        /** The account with its revenue in the current and previous periods already read. */
        Account account(int account, BigDecimal current, BigDecimal previous) {
            AccountProfile profile = new AccountProfile(ids.id(account), names[account], segments.get(account),
                    strategicValues.get(account), growthPotentials.get(account), engagements.get(account),
                    satisfactions.get(account), null);
            return Account.of(profile, current, previous, ledger, relationshipYears(account));
        }

        BigDecimal relationshipYears(int account) {
            return yearsByStart[starts.code(account)];
        }

        /**
         * The code of the account's input among the input's distinct values, for an input the account table gives
         * (judgements, relationship years by start date); -1 for a computed one (revenue, share, growth).
         */
        int inputCode(int account, FactorInput input) {
            return switch (input) {
                case STRATEGIC_VALUE -> strategicValues.code(account);
                case GROWTH_POTENTIAL -> growthPotentials.code(account);
                case ENGAGEMENT -> engagements.code(account);
                case SATISFACTION -> satisfactions.code(account);
                case RELATIONSHIP_YEARS -> starts.code(account);
                default -> -1;
            };
        }

        /** The input's value of each {@link #inputCode} (null for 0); null for a computed input. */
        BigDecimal[] inputValues(FactorInput input) {
            ValueColumn<BigDecimal> column = switch (input) {
                case STRATEGIC_VALUE -> strategicValues;
                case GROWTH_POTENTIAL -> growthPotentials;
                case ENGAGEMENT -> engagements;
                case SATISFACTION -> satisfactions;
                default -> null;
            };
            if (column == null) {
                return input == FactorInput.RELATIONSHIP_YEARS ? yearsByStart.clone() : null;
            }
            BigDecimal[] values = new BigDecimal[column.distinct()];
            for (int code = 1; code < values.length; code++) {
                values[code] = column.value(code);
            }
            return values;
        }

        /**
         * The account's inputs as doubles, indexed by {@link FactorInput#ordinal()}, NaN when missing:
         * what {@link #account} holds, for {@link CompiledModel#score}.
         */
        void rawInputs(int account, double[] raw) {
            int ledgerAccount = ledgerNumber[account];
            MoneyColumn current = ledger.currentColumn();
            MoneyColumn previous = ledger.previousColumn();
            double currentRevenue = ledgerAccount < 0 ? 0 : current.doubleValue(ledgerAccount);
            double previousRevenue = ledgerAccount < 0 ? 0 : previous.doubleValue(ledgerAccount);
            raw[FactorInput.REVENUE.ordinal()] = currentRevenue;
            raw[FactorInput.REVENUE_SHARE.ordinal()] = shareBaseDouble == 0 ? Double.NaN
                    : (currentRevenue < 0 ? 0 : currentRevenue) / shareBaseDouble; // net-negative counts 0, see NetNegative
            raw[FactorInput.REVENUE_GROWTH.ordinal()] = !(previousRevenue > 0) ? Double.NaN
                    : MoneyColumn.differenceDouble(current, ledgerAccount, previous, ledgerAccount) / previousRevenue;
            raw[FactorInput.STRATEGIC_VALUE.ordinal()] = inputDoubles[0][strategicValues.code(account)];
            raw[FactorInput.GROWTH_POTENTIAL.ordinal()] = inputDoubles[1][growthPotentials.code(account)];
            raw[FactorInput.ENGAGEMENT.ordinal()] = inputDoubles[2][engagements.code(account)];
            raw[FactorInput.SATISFACTION.ordinal()] = inputDoubles[3][satisfactions.code(account)];
            raw[FactorInput.RELATIONSHIP_YEARS.ordinal()] = inputDoubles[4][starts.code(account)];
        }

        /**
         * The stored inputs as doubles by code ({@link #inputCode}; NaN for code 0, no value), set by {@link #analyse}:
         * strategic value, growth potential, engagement, satisfaction, relationship years (completed months / 12).
         */
        private double[][] inputDoubles;
        /** {@link RevenueLedger#shareBase()} as a double, set by {@link #analyse}. */
        private double shareBaseDouble;

        private static double[] doublesByCode(ValueColumn<BigDecimal> column) {
            double[] doubles = new double[column.distinct()];
            doubles[0] = Double.NaN;
            for (int code = 1; code < doubles.length; code++) {
                doubles[code] = column.value(code).doubleValue();
            }
            return doubles;
        }

        /**
         * Reads the account's cells that a row shows (ids, names, segments, inputs; the ledger's by {@link #touchLedger})
         * into the cache; returns any of their bits.
         */
        int touch(int account, int kinds) {
            int touched = ledgerNumber[account];
            if ((kinds & TEXTS) != 0) {
                touched += ids.touch(account) + (names[account] == null ? 0 : 1) + segments.touch(account);
            }
            if ((kinds & INPUTS) != 0) {
                touched += strategicValues.touch(account) + growthPotentials.touch(account) + engagements.touch(account)
                        + satisfactions.touch(account) + starts.touch(account);
            }
            return touched;
        }

        /** {@link #touch} for the account's ledger cells and texts, once its own cells are in the cache. */
        int touchLedger(int account, int kinds) {
            int touched = 0;
            int ledgerAccount = ledgerNumber[account];
            if ((kinds & LEDGER) != 0 && ledgerAccount >= 0) {
                touched += ledger.touch(ledgerAccount);
            }
            if ((kinds & TEXTS) != 0) {
                String name = names[account];
                touched += (name == null ? 0 : name.length()) + ids.id(account).length();
            }
            return touched;
        }

        /** Kinds of cells {@link #touch} reads: ids, names and segments; judgements and start dates; the ledger's. */
        static final int TEXTS = 1;
        static final int INPUTS = 2;
        static final int LEDGER = 4;

        /** Whether the account has a value of the input, without the division that works out a share or a growth. */
        boolean hasInput(int account, FactorInput input) {
            return switch (input) {
                case REVENUE -> true;
                case REVENUE_SHARE -> ledger.shareBase().signum() != 0;
                case REVENUE_GROWTH -> ledgerNumber[account] >= 0 && ledger.previousColumn().signum(ledgerNumber[account]) > 0;
                case RELATIONSHIP_YEARS -> relationshipYears(account) != null;
                default -> storedInput(account, input) != null;
            };
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

        /** Current revenue in units of the ledger's current column ({@link MoneyColumn#unscaled}); only while it is in longs. */
        long currentUnits(int account) {
            return ledgerNumber[account] < 0 ? 0 : ledger.currentColumn().unscaled(ledgerNumber[account]);
        }

        BigDecimal currentRevenue(int account) {
            return ledgerNumber[account] < 0 ? BigDecimal.ZERO : ledger.current(ledgerNumber[account]);
        }

        /**
         * Account numbers in the order of {@link #compareRevenue}: sorted as longs, then each run of equal revenue by id.
         * While the ledger's current column is in longs, {@code unitsInOrder} gets each one's revenue in its units
         * ({@link #currentUnits}), in that order.
         */
        int[] byRevenue(IntSort.IntComparator byId, long[] unitsInOrder) {
            int n = size();
            if (!ledger.currentColumn().inLongs()) {
                return IntSort.sorted(n, this::compareRevenue);
            }
            // ~revenue: the highest first
            int[] sorted = IntSort.sortedByKey(n, account -> ~currentUnits(account), unitsInOrder);
            for (int i = 0; i < n; i++) {
                unitsInOrder[i] = ~unitsInOrder[i];
            }
            for (int from = 0, to; from < n; from = to) {
                to = from + 1;
                while (to < n && unitsInOrder[to] == unitsInOrder[from]) {
                    to++;
                }
                if (to - from > 1) {
                    int[] tied = Arrays.copyOfRange(sorted, from, to);
                    IntSort.sort(tied, byId);
                    System.arraycopy(tied, 0, sorted, from, tied.length);
                }
            }
            return sorted;
        }

        /** Orders account numbers by id as {@link String#compareTo} does, reading the Strings only when {@link IdIndex#prefixes} tie. */
        IntSort.IntComparator byId() {
            long[] prefixes = ids.prefixes();
            return (a, b) -> {
                int byPrefix = Long.compareUnsigned(prefixes[a], prefixes[b]);
                return byPrefix != 0 ? byPrefix : ids.id(a).compareTo(ids.id(b));
            };
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

    /**
     * Scores, ranks and classes of a builder's accounts, by account number. Each account's score, points and tier are
     * worked out once here, into columns in cents, and read from them when its row is read: the compiled model
     * where it gives the exact path's cents ({@link FastScores}), the exact path for the others.
     */
    private static final class Analysis {

        /** Rules whose application {@link #tiers} holds, a bit each. */
        private static final int MAX_RULES = 16;
        /** Accounts a thread scores at a time: few enough that the threads end together, enough to cost nothing to hand out. */
        private static final int SCORED_TOGETHER = 1024;

        private final Builder accounts;
        private final ScoringModel model;
        private final ScoringModel.Scorer scorer;
        private final Options options;
        private final int[] ranked;
        /** Score in cents, by account number while analysing, then by rank (the order rows are read in). */
        private final int[] cents;
        /** Each factor's points in cents (at most 100.00 points), by factor in model order and, like
         * {@link #cents}, account number then rank. */
        private final short[][] points;
        /** Tier after the rules | tier of the score alone << 8 | the rules that changed it (bit = position) << 16; ordered as {@link #cents}. */
        private final int[] tiers;
        /** The model has more tiers or rules than {@link #tiers} holds: rows are scored exactly when read. */
        private final boolean rowsScoredExactly;
        /** Top of each factor's scale, by factor. */
        private final BigDecimal[] outOf;
        /** The factors of each input, by {@link FactorInput#ordinal()}: a row's columns are by input. */
        private final int[][] factorsByInput;
        /**
         * Normalised values of the inputs the account table gives, by factor and {@link Builder#inputCode}: computed
         * once per distinct value; null for a computed input.
         */
        private final BigDecimal[][] normalisedByCode;
        /** ABC class (0 for none, else ordinal + 1), plus {@link Builder#MAJOR} for a major customer; ordered as {@link #cents}. */
        private final byte[] classes;
        /** RFM by ledger number, see {@link RfmScorer#codes}. */
        private final byte[] rfm;
        private final ConcentrationSummary concentration;
        /**
         * What makes each account's explanation, in rank order, worked out for every row on every core when the first
         * explanation is read (rows read one by one would wait for each input's cache miss in turn), never when none is
         * read: the reasons picked ({@link Explanations#reasons}) in the low 32 bits, the codes of their values
         * ({@link Builder#inputCode}) above, {@link #NET_NEGATIVE}, and the sign bit when a reason's value is computed
         * (share, growth) and only the value can tell the text.
         */
        private volatile long[] reasons;
        private static final int CODE_BITS = 15;
        private static final long NET_NEGATIVE = 1L << 62;
        /**
         * Explanations whose reasons are inputs of the account table, by what makes their text: a few hundred texts
         * serve a million rows, and picking the text by this key costs a tenth of formatting its parts (shared by the
         * readers of the portfolio, each part of a table read on its own thread).
         */
        private final Map<ExplainedKey, String> explained = new ConcurrentHashMap<>();

        /** Texts kept at most; then the cache starts again (a bound, not an expected size). */
        private static final int MAX_EXPLAINED = 20_000;

        /**
         * @param tier    tier and rules applied (see {@link #tiers})
         * @param reasons the reasons, their values' codes and net-negative (see {@link #reasons})
         */
        private record ExplainedKey(Locale locale, int tier, long reasons) {
            @Override
            public int hashCode() {
                // the codes sit in the high bits, the reasons in the low ones: mixed, or folding them collides
                long mixed = (reasons ^ (long) tier << 20) * 0x9E3779B97F4A7C15L;
                return (int) (mixed >>> 32) ^ (int) mixed ^ locale.hashCode();
            }
        }

        Analysis(Builder accounts, ScoringModel model, Options options) {
            this.accounts = accounts;
            this.model = model;
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
            int factors = model.factors().size();
            factorsByInput = Arrays.stream(FactorInput.values()).map(input -> IntStream.range(0, factors)
                    .filter(i -> model.factors().get(i).input() == input).toArray()).toArray(int[][]::new);
            outOf = new BigDecimal[factors];
            normalisedByCode = new BigDecimal[factors][];
            for (int i = 0; i < factors; i++) {
                outOf[i] = scorer.outOf(i);
                BigDecimal[] values = accounts.inputValues(model.factors().get(i).input());
                if (values != null) {
                    normalisedByCode[i] = new BigDecimal[values.length];
                    for (int code = 0; code < values.length; code++) {
                        normalisedByCode[i][code] = scorer.normalised(i, values[code]);
                    }
                }
            }

            // Scores in cents rank the accounts; the points and tiers beside them make each row when it is read.
            cents = new int[n];
            points = new short[factors][n];
            tiers = new int[n];
            boolean[] key = new boolean[n];
            rowsScoredExactly = model.tiers().size() > 0xff || model.rules().size() > MAX_RULES;
            accounts.ledger.shareBase(); // computed once here, not raced for by the threads below
            // each account is scored on its own: on every core, each thread with its own FastScores (scratch arrays)
            ParallelRanges.run(n, SCORED_TOGETHER, () -> {
                FastScores fast = rowsScoredExactly ? null : FastScores.of(model, scorer, accounts);
                return (from, to) -> {
                    for (int account = from; account < to; account++) {
                        if (fast == null || !fast.score(account, cents, points, tiers)) {
                            scoreExactly(account);
                        }
                        key[account] = (tiers[account] & 0xff) == 0;
                    }
                };
            });
            // three independent steps, on as many cores as there are
            classes = new byte[n];
            int[][] rankedHolder = new int[1][];
            byte[][] rfmHolder = new byte[1][];
            ConcentrationSummary[] summary = new ConcentrationSummary[1];
            IntSort.IntComparator byId = accounts.byId();
            ParallelRanges.together(
                    () -> {
                        long[] unitsInOrder = new long[n];
                        summary[0] = classify(accounts.byRevenue(byId, unitsInOrder), unitsInOrder, key, classes);
                    },
                    () -> rfmHolder[0] = RfmScorer.codes(accounts.ledger),
                    () -> rankedHolder[0] = rank(cents, byId));
            ranked = rankedHolder[0];
            rfm = rfmHolder[0];
            concentration = summary[0];
            // rows are read in rank order: by account number, each of these cells was a cache miss of its own
            inRankOrder(cents, ranked);
            inRankOrder(tiers, ranked);
            inRankOrder(classes, ranked);
            for (short[] factorPoints : points) {
                inRankOrder(factorPoints, ranked);
            }
        }

        /**
         * Puts each account's ABC class and whether it is a major customer into {@code classes}, going down the
         * accounts by revenue; the concentration of revenue. Shares are parts of the positive revenue: a net-negative
         * account counts as 0 (see {@link NetNegative}).
         */
        private ConcentrationSummary classify(int[] byRevenue, long[] unitsInOrder, boolean[] key, byte[] classes) {
            BigDecimal total = accounts.ledger.shareBase();
            if (total.signum() > 0 && accounts.ledger.currentColumn().inLongs()) {
                try {
                    return classifyInUnits(byRevenue, unitsInOrder, key, classes, total);
                } catch (ArithmeticException beyondALong) {
                    Arrays.fill(classes, (byte) 0); // and again in BigDecimals
                }
            }
            Concentration hhi = new Concentration();
            BigDecimal before = BigDecimal.ZERO;
            BigDecimal topOne = BigDecimal.ZERO;
            BigDecimal topN = BigDecimal.ZERO;
            BigDecimal keySum = BigDecimal.ZERO;
            BigDecimal majorFrom = options.majorCustomerShare().multiply(total);
            List<String> major = new ArrayList<>();
            for (int i = 0; i < byRevenue.length; i++) {
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
            return summary(hhi.hhi(), topOne, topN, keySum, total, major);
        }

        /** Revenue of an account above this many units, squared, might take the sum of squares beyond 127 bits. */
        private static final long MAX_SQUARED_UNITS = 1L << 40;

        /**
         * {@link #classify} in units of the revenue column's scale, the same to the last digit: sums in longs, the sum
         * of squares in 128 bits, the limits rounded up to whole units once.
         *
         * @throws ArithmeticException when a sum or limit is beyond a long (or a revenue beyond {@link #MAX_SQUARED_UNITS})
         */
        private ConcentrationSummary classifyInUnits(int[] byRevenue, long[] unitsInOrder, boolean[] key, byte[] classes,
                                                     BigDecimal total) {
            int scale = accounts.ledger.currentColumn().unitScale();
            ParetoClassifier.UnitLimits limits = options.pareto().unitLimits(total, scale);
            long majorFrom = ParetoClassifier.ceilingUnits(options.majorCustomerShare().multiply(total), scale);
            long before = 0;
            long topOne = 0;
            long topN = 0;
            long keySum = 0;
            long squaresHigh = 0;
            long squaresLow = 0; // unsigned
            List<String> major = new ArrayList<>();
            for (int i = 0; i < byRevenue.length; i++) {
                int account = byRevenue[i];
                long revenue = Math.max(0, unitsInOrder[i]);
                if (revenue > MAX_SQUARED_UNITS) {
                    throw new ArithmeticException("revenue of " + revenue + " units squared");
                }
                classes[account] = (byte) (limits.classOf(before).ordinal() + 1);
                if (revenue >= majorFrom) {
                    classes[account] |= Builder.MAJOR;
                    major.add(accounts.id(account));
                }
                before = Math.addExact(before, revenue);
                long low = squaresLow + revenue * revenue;
                squaresHigh += Math.multiplyHigh(revenue, revenue) + (Long.compareUnsigned(low, squaresLow) < 0 ? 1 : 0);
                squaresLow = low;
                topOne = i < 1 ? before : topOne;
                topN = i < options.topN() ? before : topN;
                keySum += key[account] ? revenue : 0;
            }
            BigInteger squares = BigInteger.valueOf(squaresHigh).shiftLeft(64)
                    .add(BigInteger.valueOf(squaresLow >>> 1).shiftLeft(1)).add(BigInteger.valueOf(squaresLow & 1));
            BigDecimal index = Concentration.hhi(BigDecimal.valueOf(before, scale), new BigDecimal(squares, 2 * scale));
            return summary(index, BigDecimal.valueOf(topOne, scale), BigDecimal.valueOf(topN, scale),
                    BigDecimal.valueOf(keySum, scale), total, major);
        }

        private ConcentrationSummary summary(BigDecimal index, BigDecimal topOne, BigDecimal topN, BigDecimal keySum,
                                             BigDecimal total, List<String> major) {
            return new ConcentrationSummary(index, ConcentrationBand.of(index), Ratios.divide(topOne, total),
                    options.topN(), Ratios.divide(topN, total), Ratios.divide(keySum, total), List.copyOf(major));
        }

        /** The account's score, points and tiers from the exact path, into the columns. */
        private void scoreExactly(int account) {
            AccountScore score = scorer.score(accounts.account(account));
            cents[account] = score.score().movePointRight(2).intValueExact();
            for (int i = 0; i < points.length; i++) {
                points[i][account] = (short) score.factors().get(i).points().movePointRight(2).intValueExact();
            }
            int applied = 0;
            for (TierRule rule : score.appliedRules()) {
                applied |= rowsScoredExactly ? 0 : 1 << model.rules().indexOf(rule);
            }
            tiers[account] = model.tierIndex(score.tier()) | (rowsScoredExactly ? 0 : model.tierIndex(score.scoreTier()) << 8 | applied << 16);
        }

        /** {@link #reasons}, worked out the first time it is asked for. */
        private long[] reasons() {
            long[] byRank = reasons;
            if (byRank == null) {
                synchronized (this) {
                    byRank = reasons;
                    if (byRank == null) {
                        long[] worked = new long[ranked.length];
                        ParallelRanges.run(worked.length, SCORED_TOGETHER, () -> {
                            ReasonsOf reasonsOf = new ReasonsOf();
                            return (from, to) -> {
                                for (int rank = from; rank < to; rank++) {
                                    worked[rank] = reasonsOf.of(rank);
                                }
                            };
                        });
                        reasons = byRank = worked;
                    }
                }
            }
            return byRank;
        }

        /** Picks the reasons of the account at a rank: see {@link #reasons}. */
        private final class ReasonsOf implements Explanations.Reasons {

            private int rank;

            long of(int rank) {
                this.rank = rank;
                int account = ranked[rank];
                int picked = Explanations.reasons(this);
                int ledgerAccount = accounts.ledgerNumber[account];
                long reasons = picked & 0xffffffffL
                        | (ledgerAccount >= 0 && accounts.ledger.currentColumn().signum(ledgerAccount) < 0 ? NET_NEGATIVE : 0);
                int shift = 32;
                for (int reason : new int[] {Explanations.firstReason(picked), Explanations.secondReason(picked)}) {
                    int code = reason < 0 ? 0 : accounts.inputCode(account, factorInput(reason));
                    if (code < 0 || code >= 1 << CODE_BITS) {
                        return reasons | Long.MIN_VALUE; // the value tells the text
                    }
                    reasons |= (long) code << shift;
                    shift += CODE_BITS;
                }
                return reasons;
            }

            @Override
            public int factorCount() {
                return model.factors().size();
            }

            @Override
            public boolean givesReason(int factor) {
                return points[factor][rank] > 0 && accounts.hasInput(ranked[rank], factorInput(factor));
            }

            @Override
            public int comparePoints(int factor, int other) {
                return Short.compare(points[factor][rank], points[other][rank]);
            }
        }

        private FactorInput factorInput(int factor) {
            return model.factors().get(factor).input();
        }

        /** Puts the values of a column by account number in the order of {@code ranked}. */
        private static void inRankOrder(int[] byAccount, int[] ranked) {
            int[] values = byAccount.clone();
            for (int rank = 0; rank < ranked.length; rank++) {
                byAccount[rank] = values[ranked[rank]];
            }
        }

        private static void inRankOrder(short[] byAccount, int[] ranked) {
            short[] values = byAccount.clone();
            for (int rank = 0; rank < ranked.length; rank++) {
                byAccount[rank] = values[ranked[rank]];
            }
        }

        private static void inRankOrder(byte[] byAccount, int[] ranked) {
            byte[] values = byAccount.clone();
            for (int rank = 0; rank < ranked.length; rank++) {
                byAccount[rank] = values[ranked[rank]];
            }
        }

        /**
         * Account numbers by score in cents, highest first, then by id: counted into one run per cent (scores take
         * 10,001 values), each run sorted by id.
         */
        private static int[] rank(int[] cents, IntSort.IntComparator byId) {
            int lowest = Integer.MAX_VALUE;
            int highest = Integer.MIN_VALUE;
            for (int score : cents) {
                lowest = Math.min(lowest, score);
                highest = Math.max(highest, score);
            }
            if (cents.length == 0) {
                return new int[0];
            }
            // runs start at starts[highest - score]: the highest score first
            int[] starts = new int[highest - lowest + 2];
            for (int score : cents) {
                starts[highest - score + 1]++;
            }
            for (int i = 1; i < starts.length; i++) {
                starts[i] += starts[i - 1];
            }
            int[] ranked = new int[cents.length];
            int[] next = starts.clone();
            for (int account = 0; account < cents.length; account++) {
                ranked[next[highest - cents[account]]++] = account;
            }
            for (int run = 0; run + 1 < starts.length; run++) {
                int from = starts[run];
                int to = starts[run + 1];
                if (to - from > 1) {
                    int[] tied = Arrays.copyOfRange(ranked, from, to);
                    IntSort.sort(tied, byId);
                    System.arraycopy(tied, 0, ranked, from, tied.length);
                }
            }
            return ranked;
        }

        /** The score of the account at {@code rank} (0-based) as the exact path gives it, from the columns. */
        AccountScore score(int rank, int account, Account details) {
            List<Factor> factors = model.factors();
            FactorScore[] scores = new FactorScore[factors.size()];
            for (int i = 0; i < scores.length; i++) {
                Factor factor = factors.get(i);
                scores[i] = new FactorScore(factor.id(), factor.input(), details.input(factor.input()),
                        normalised(i, account, details::input), BigDecimal.valueOf(points[i][rank], 2), outOf[i]);
            }
            int tier = tiers[rank];
            return new AccountScore(BigDecimal.valueOf(cents[rank], 2), model.tiers().get(tier & 0xff).name(),
                    model.tiers().get(tier >>> 8 & 0xff).name(), Arrays.asList(scores), appliedRules(rank),
                    ScoringModel.netNegative(details));
        }

        /** The rules that changed the tier of the account at {@code rank}, in model order. */
        private List<TierRule> appliedRules(int rank) {
            int applied = tiers[rank] >>> 16;
            if (applied == 0) {
                return List.of();
            }
            List<TierRule> rules = new ArrayList<>();
            for (int rule = 0; rule < model.rules().size(); rule++) {
                if ((applied & 1 << rule) != 0) {
                    rules.add(model.rules().get(rule));
                }
            }
            return rules;
        }

        /**
         * Factor {@code i}'s normalised value: looked up by code for an input the account table gives, computed for
         * revenue, share and growth (from {@code inputs}).
         */
        private BigDecimal normalised(int i, int account, Function<FactorInput, BigDecimal> inputs) {
            FactorInput input = model.factors().get(i).input();
            BigDecimal[] byCode = normalisedByCode[i];
            return byCode == null ? scorer.normalised(i, inputs.apply(input)) : byCode[accounts.inputCode(account, input)];
        }

        Portfolio portfolio() {
            return new Portfolio(this);
        }

        /** The cursor of {@link Portfolio#rows()}: the current account's values from the columns, each when asked. */
        private final class Rows implements AccountRows, Explanations.Explained {

            private int index = -1;
            private int account;
            private int ledgerAccount;
            /** The current account's inputs worked out so far, by {@link FactorInput#ordinal()}; a bit each in {@link #known}. */
            private final BigDecimal[] inputs = new BigDecimal[FactorInput.values().length];
            private int known;
            private BigDecimal previous;
            /** The exact path's score of the current account, when the model has more tiers or rules than the columns hold. */
            private AccountScore exact;
            /** The messages explanations are written in, taken on the first explanation read. */
            private Explanations.Texts texts;
            /** {@link #input} as a function, made once: a method reference is an object made where it is written. */
            private final Function<FactorInput, BigDecimal> inputOf = this::input;

            @Override
            public int size() {
                return ranked.length;
            }

            /**
             * Rows ahead whose cells are read into the cache when a row is reached. The columns are by account number
             * and rows are read in rank order: each cell is a cache miss, and one cell at a time they wait in turn;
             * touched together, a few rows ahead, they are fetched side by side (a quarter of reading all the columns).
             * Only the kinds of cells read so far are touched ({@link Builder#TEXTS}...), so that a read of a few columns
             * pays for those.
             */
            private static final int TOUCHED_AHEAD = 8;
            /** The kinds of cells asked for since the cursor was made. */
            private int asked;
            /** What the touches read, kept so that they are not optimised away. */
            private int touched;

            @Override
            public void moveTo(int index) {
                this.index = Objects.checkIndex(index, ranked.length);
                if (index + 2 * TOUCHED_AHEAD < ranked.length) {
                    touched += accounts.touch(ranked[index + 2 * TOUCHED_AHEAD], asked);
                }
                if (index + TOUCHED_AHEAD < ranked.length && (asked & (Builder.TEXTS | Builder.LEDGER)) != 0) {
                    touched += accounts.touchLedger(ranked[index + TOUCHED_AHEAD], asked);
                }
                account = ranked[index];
                ledgerAccount = accounts.ledgerNumber[account];
                known = 0;
                previous = null;
                exact = null;
            }

            @Override
            public int rank() {
                return index + 1;
            }

            @Override
            public String id() {
                asked |= Builder.TEXTS;
                return accounts.id(account);
            }

            @Override
            public String name() {
                asked |= Builder.TEXTS;
                return accounts.names[account];
            }

            @Override
            public String segment() {
                asked |= Builder.TEXTS;
                return accounts.segments.get(account);
            }

            @Override
            public BigDecimal input(FactorInput input) {
                int bit = 1 << input.ordinal();
                if ((known & bit) == 0) {
                    asked |= switch (input) {
                        case REVENUE, REVENUE_SHARE, REVENUE_GROWTH -> Builder.LEDGER;
                        default -> Builder.INPUTS;
                    };
                    // as Account.of joins them
                    inputs[input.ordinal()] = switch (input) {
                        case REVENUE -> ledgerAccount < 0 ? BigDecimal.ZERO : accounts.ledger.current(ledgerAccount);
                        case REVENUE_SHARE -> accounts.ledger.shareOf(input(FactorInput.REVENUE));
                        case REVENUE_GROWTH -> RevenueLedger.growth(input(FactorInput.REVENUE), previousRevenue());
                        case RELATIONSHIP_YEARS -> accounts.relationshipYears(account);
                        default -> accounts.storedInput(account, input);
                    };
                    known |= bit;
                }
                return inputs[input.ordinal()];
            }

            @Override
            public BigDecimal previousRevenue() {
                if (previous == null) {
                    asked |= Builder.LEDGER;
                    previous = ledgerAccount < 0 ? BigDecimal.ZERO : accounts.ledger.previous(ledgerAccount);
                }
                return previous;
            }

            @Override
            public BigDecimal lifetimeRevenue() {
                asked |= Builder.LEDGER;
                return ledgerAccount < 0 ? BigDecimal.ZERO : accounts.ledger.lifetimeColumn().get(ledgerAccount);
            }

            @Override
            public LocalDate lastPurchase() {
                asked |= Builder.LEDGER;
                int day = ledgerAccount < 0 ? Integer.MIN_VALUE : accounts.ledger.lastPurchaseDay(ledgerAccount);
                return day == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
            }

            @Override
            public BigDecimal normalised(FactorInput input) {
                asked |= Builder.INPUTS;
                for (int i : factorsByInput[input.ordinal()]) {
                    BigDecimal normalised = rowsScoredExactly ? exact().factors().get(i).normalised()
                            : Analysis.this.normalised(i, account, inputOf);
                    if (normalised != null) {
                        return normalised;
                    }
                }
                return null;
            }

            @Override
            public BigDecimal points(FactorInput input) {
                BigDecimal sum = null;
                for (int i : factorsByInput[input.ordinal()]) {
                    BigDecimal points = pointsOf(i);
                    sum = sum == null ? points : sum.add(points);
                }
                return sum;
            }

            private BigDecimal pointsOf(int factor) {
                return rowsScoredExactly ? exact().factors().get(factor).points()
                        : BigDecimal.valueOf(points[factor][index], 2);
            }

            @Override
            public BigDecimal score() {
                return rowsScoredExactly ? exact().score() : BigDecimal.valueOf(cents[index], 2);
            }

            @Override
            public String tier() {
                return rowsScoredExactly ? exact().tier() : model.tiers().get(tiers[index] & 0xff).name();
            }

            @Override
            public String scoreTier() {
                return rowsScoredExactly ? exact().scoreTier() : model.tiers().get(tiers[index] >>> 8 & 0xff).name();
            }

            @Override
            public List<TierRule> appliedRules() {
                return rowsScoredExactly ? exact().appliedRules() : Analysis.this.appliedRules(index);
            }

            @Override
            public AbcClass abc() {
                int abc = classes[index] & ~Builder.MAJOR;
                return abc == 0 ? null : AbcClass.values()[abc - 1];
            }

            @Override
            public RfmScore rfm() {
                return ledgerAccount < 0 ? NO_PURCHASE : RfmScorer.decode(rfm[ledgerAccount]);
            }

            @Override
            public boolean majorCustomer() {
                return (classes[index] & Builder.MAJOR) != 0;
            }

            @Override
            public String explanation(Locale locale) {
                if (rowsScoredExactly) {
                    return exact().explain(locale);
                }
                long reasons = reasons()[index];
                if (texts == null || !texts.serve(locale)) {
                    texts = Explanations.texts(locale);
                }
                if (reasons < 0) {
                    return Explanations.explain(this, (int) reasons, texts); // a computed input: its value tells
                }
                // reasons from the account table's inputs: their codes tell the text, as the tier and rules do
                ExplainedKey key = new ExplainedKey(locale, tiers[index] & ~0xff00, reasons);
                String text = explained.get(key);
                if (text == null) {
                    text = Explanations.explain(this, (int) reasons, texts);
                    if (explained.size() >= MAX_EXPLAINED) {
                        explained.clear();
                    }
                    explained.put(key, text);
                }
                return text;
            }

            @Override
            public boolean netNegative() {
                return NetNegative.is(input(FactorInput.REVENUE));
            }

            @Override
            public boolean inAccountTable() {
                return account < accounts.tableAccounts;
            }

            @Override
            public AccountReport report() {
                Account details = accounts.account(account, input(FactorInput.REVENUE), previousRevenue());
                AccountScore score = rowsScoredExactly ? exact() : Analysis.this.score(index, account, details);
                return new AccountReport(rank(), details, score, accounts.revenue(account), abc(), rfm(),
                        majorCustomer(), inAccountTable());
            }

            private AccountScore exact() {
                if (exact == null) {
                    exact = scorer.score(accounts.account(account, input(FactorInput.REVENUE), previousRevenue()));
                }
                return exact;
            }

            // what an explanation reads: the factors' values

            @Override
            public FactorInput factorInput(int factor) {
                return Analysis.this.factorInput(factor);
            }

            @Override
            public BigDecimal factorValue(int factor) {
                return input(factorInput(factor));
            }

            @Override
            public BigDecimal factorOutOf(int factor) {
                return outOf[factor];
            }
        }
    }
}
