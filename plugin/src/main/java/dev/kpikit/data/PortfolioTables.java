package dev.kpikit.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.kpikit.scoring.AccountReport;
import dev.kpikit.scoring.AccountScore;
import dev.kpikit.scoring.FactorInput;
import dev.kpikit.scoring.FactorScore;
import dev.kpikit.scoring.PeriodConcentration;
import dev.kpikit.scoring.Portfolio;

/**
 * The scoring results as tables with fixed columns, the same for the BIRT data sets and the
 * command line. Factor columns exist for every input whatever the model, so a report's
 * columns do not change with the model file; an input no factor reads has blank ones.
 */
public final class PortfolioTables {

    /** Suffixes of the per-input columns: the 0..1 value weighed, and the points it gave. */
    public static final String NORMALISED = "_normalised";
    public static final String POINTS = "_points";

    /** A column of the accounts table with what fills it: the column list and the rows come from this one list. */
    private record AccountColumn(Column column, BiFunction<AccountReport, Locale, Object> value) {
        AccountColumn(String name, ColumnType type, Function<AccountReport, Object> value) {
            this(new Column(name, type), (report, locale) -> value.apply(report));
        }
    }

    private static final List<AccountColumn> ACCOUNT_TABLE = accountTable();

    public static final List<Column> ACCOUNT_COLUMNS = ACCOUNT_TABLE.stream().map(AccountColumn::column).toList();

    public static final List<Column> CONCENTRATION_COLUMNS = List.of(
            new Column("period_start", ColumnType.DATE), new Column("period_end", ColumnType.DATE),
            new Column("revenue", ColumnType.DECIMAL), new Column("accounts", ColumnType.INTEGER),
            new Column("hhi", ColumnType.DECIMAL), new Column("concentration", ColumnType.STRING),
            new Column("top1_share", ColumnType.DECIMAL), new Column("top_n", ColumnType.INTEGER),
            new Column("top_n_share", ColumnType.DECIMAL));

    private PortfolioTables() {
    }

    private static List<AccountColumn> accountTable() {
        List<AccountColumn> columns = new ArrayList<>();
        columns.add(new AccountColumn("rank", ColumnType.INTEGER, report -> (long) report.rank()));
        columns.add(new AccountColumn("account_id", ColumnType.STRING, report -> report.account().id()));
        columns.add(new AccountColumn("name", ColumnType.STRING, report -> report.account().name()));
        columns.add(new AccountColumn("segment", ColumnType.STRING, report -> report.account().segment()));
        for (FactorInput input : FactorInput.values()) {
            columns.add(new AccountColumn(input.key(), ColumnType.DECIMAL, report -> report.account().input(input)));
        }
        columns.add(new AccountColumn("revenue_previous", ColumnType.DECIMAL, report -> report.revenue().previous()));
        columns.add(new AccountColumn("revenue_lifetime", ColumnType.DECIMAL, report -> report.revenue().lifetime()));
        for (FactorInput input : FactorInput.values()) {
            columns.add(new AccountColumn(input.key() + NORMALISED, ColumnType.DECIMAL, report -> normalised(report.score(), input)));
            columns.add(new AccountColumn(input.key() + POINTS, ColumnType.DECIMAL, report -> points(report.score(), input)));
        }
        columns.add(new AccountColumn("score", ColumnType.DECIMAL, report -> report.score().score()));
        columns.add(new AccountColumn("tier", ColumnType.STRING, report -> report.score().tier()));
        columns.add(new AccountColumn("score_tier", ColumnType.STRING, report -> report.score().scoreTier()));
        columns.add(new AccountColumn("abc_class", ColumnType.STRING, report -> report.abc() == null ? null : report.abc().name()));
        columns.add(new AccountColumn("rfm", ColumnType.STRING, report -> report.rfm().code()));
        columns.add(new AccountColumn("rfm_recency", ColumnType.INTEGER, report -> (long) report.rfm().recency()));
        columns.add(new AccountColumn("rfm_frequency", ColumnType.INTEGER, report -> (long) report.rfm().frequency()));
        columns.add(new AccountColumn("rfm_monetary", ColumnType.INTEGER, report -> (long) report.rfm().monetary()));
        columns.add(new AccountColumn("major_customer", ColumnType.BOOLEAN, AccountReport::majorCustomer));
        columns.add(new AccountColumn("last_purchase", ColumnType.DATE, report -> report.revenue().lastPurchase()));
        // built only when read (as every cell, see AccountsReader): a fifth of the time of reading a row, and most
        // reports do not show it
        columns.add(new AccountColumn(new Column("explanation", ColumnType.STRING),
                (report, locale) -> report.score().explain(locale)));
        // credit notes above invoices in the period: its share counted as 0 (see NetNegative)
        columns.add(new AccountColumn("net_negative", ColumnType.BOOLEAN, AccountReport::netNegative));
        // revenue rows under an id the account table lacks: scored under that id
        columns.add(new AccountColumn("in_accounts_table", ColumnType.BOOLEAN, AccountReport::inAccountTable));
        return List.copyOf(columns);
    }

    /**
     * One row per account, best score first. A row's cells are worked out when read, each from {@link #ACCOUNT_TABLE},
     * and its account's report is built only when the first of them is read: a row skipped or a column not read costs
     * nothing.
     */
    public static TableReader accounts(Portfolio portfolio, Locale locale) {
        return new AccountsReader(portfolio.accounts(), locale);
    }

    /** The accounts table over the portfolio's reports, built row by row as {@link #accounts} says. */
    private static final class AccountsReader extends CurrentRowReader {

        private final List<AccountReport> reports;
        private final Locale locale;
        private int rowNumber;
        /** The current row's report; null until a cell of the row is read. */
        private AccountReport report;

        AccountsReader(List<AccountReport> reports, Locale locale) {
            this.reports = reports;
            this.locale = locale;
        }

        @Override
        public List<Column> columns() {
            return ACCOUNT_COLUMNS;
        }

        @Override
        public boolean next() {
            report = null;
            if (rowNumber >= reports.size()) {
                current(null);
                return false;
            }
            rowNumber++;
            // a new array each row, not one reused: storing a row's new values into an old array costs the
            // collector more than the array (a fifth of the read time when measured)
            Object[] row = new Object[ACCOUNT_COLUMNS.size()];
            Arrays.fill(row, NOT_COMPUTED);
            current(row);
            return true;
        }

        @Override
        protected Object compute(int columnIndex) {
            if (report == null) {
                report = reports.get(rowNumber - 1);
            }
            return ACCOUNT_TABLE.get(columnIndex).value().apply(report, locale);
        }

        @Override
        public String source() {
            return "accounts";
        }

        @Override
        public long rowNumber() {
            return rowNumber;
        }

        @Override
        public void close() {
            report = null;
            current(null);
        }
    }

    /** The 0..1 value the input was weighed at (the first factor's that weighed it); null when none did. */
    private static BigDecimal normalised(AccountScore score, FactorInput input) {
        for (FactorScore factor : score.factors()) {
            if (factor.input() == input && factor.normalised() != null) {
                return factor.normalised();
            }
        }
        return null;
    }

    /** The points the input gave: a model could weigh one input twice (on two scales), and its points add up. */
    private static BigDecimal points(AccountScore score, FactorInput input) {
        BigDecimal points = null;
        for (FactorScore factor : score.factors()) {
            if (factor.input() == input) {
                points = points == null ? factor.points() : points.add(factor.points());
            }
        }
        return points;
    }

    /** One row per period, oldest first. */
    public static TableReader concentration(List<PeriodConcentration> periods) {
        return new ComputedTableReader("concentration", CONCENTRATION_COLUMNS, periods.stream().map(period -> new Object[] {
                period.start(), period.end(), period.revenue(), (long) period.accounts(), period.hhi(),
                period.band() == null ? null : period.band().name(), period.topOneShare(), (long) period.topN(),
                period.topNShare()}).iterator());
    }
}
