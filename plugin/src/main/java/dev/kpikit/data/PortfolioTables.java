package dev.kpikit.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.kpikit.scoring.AccountRows;
import dev.kpikit.scoring.FactorInput;
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

    /**
     * A column of the accounts table with what fills it: the column list and the rows come from this one list. A cell
     * is the row's value, or, for text written in a language, the row's value in the reader's locale.
     */
    private record AccountColumn(Column column, Function<AccountRows, Object> value,
            BiFunction<AccountRows, Locale, Object> valueInLocale) {
        AccountColumn(String name, ColumnType type, Function<AccountRows, Object> value) {
            this(new Column(name, type), value, null);
        }

        Object of(AccountRows row, Locale locale) {
            return valueInLocale == null ? value.apply(row) : valueInLocale.apply(row, locale);
        }
    }

    /** By column index: a cell is an array read and one call away (a million rows of 43 cells). */
    private static final AccountColumn[] ACCOUNT_TABLE = accountTable().toArray(AccountColumn[]::new);

    public static final List<Column> ACCOUNT_COLUMNS = Arrays.stream(ACCOUNT_TABLE).map(AccountColumn::column).toList();

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
        columns.add(new AccountColumn("rank", ColumnType.INTEGER, row -> (long) row.rank()));
        columns.add(new AccountColumn("account_id", ColumnType.STRING, AccountRows::id));
        columns.add(new AccountColumn("name", ColumnType.STRING, AccountRows::name));
        columns.add(new AccountColumn("segment", ColumnType.STRING, AccountRows::segment));
        for (FactorInput input : FactorInput.values()) {
            columns.add(new AccountColumn(input.key(), ColumnType.DECIMAL, row -> row.input(input)));
        }
        columns.add(new AccountColumn("revenue_previous", ColumnType.DECIMAL, AccountRows::previousRevenue));
        columns.add(new AccountColumn("revenue_lifetime", ColumnType.DECIMAL, AccountRows::lifetimeRevenue));
        for (FactorInput input : FactorInput.values()) {
            columns.add(new AccountColumn(input.key() + NORMALISED, ColumnType.DECIMAL, row -> row.normalised(input)));
            columns.add(new AccountColumn(input.key() + POINTS, ColumnType.DECIMAL, row -> row.points(input)));
        }
        columns.add(new AccountColumn("score", ColumnType.DECIMAL, AccountRows::score));
        columns.add(new AccountColumn("tier", ColumnType.STRING, AccountRows::tier));
        columns.add(new AccountColumn("score_tier", ColumnType.STRING, AccountRows::scoreTier));
        columns.add(new AccountColumn("abc_class", ColumnType.STRING, row -> row.abc() == null ? null : row.abc().name()));
        columns.add(new AccountColumn("rfm", ColumnType.STRING, row -> row.rfm().code()));
        columns.add(new AccountColumn("rfm_recency", ColumnType.INTEGER, row -> (long) row.rfm().recency()));
        columns.add(new AccountColumn("rfm_frequency", ColumnType.INTEGER, row -> (long) row.rfm().frequency()));
        columns.add(new AccountColumn("rfm_monetary", ColumnType.INTEGER, row -> (long) row.rfm().monetary()));
        columns.add(new AccountColumn("major_customer", ColumnType.BOOLEAN, AccountRows::majorCustomer));
        columns.add(new AccountColumn("last_purchase", ColumnType.DATE, AccountRows::lastPurchase));
        columns.add(new AccountColumn(new Column("explanation", ColumnType.STRING), null, AccountRows::explanation));
        // credit notes above invoices in the period: its share counted as 0 (see NetNegative)
        columns.add(new AccountColumn("net_negative", ColumnType.BOOLEAN, AccountRows::netNegative));
        // revenue rows under an id the account table lacks: scored under that id
        columns.add(new AccountColumn("in_accounts_table", ColumnType.BOOLEAN, AccountRows::inAccountTable));
        return List.copyOf(columns);
    }

    /** Rows a worker reads ahead at a time for {@link #accounts(Portfolio, Locale)}. */
    private static final int ROWS_READ_AHEAD = 1024;

    /**
     * One row per account, best score first. A cell is worked out from the portfolio's columns when it is read (the
     * explanation in {@code locale}), so a report pays only for the columns it shows; beyond a few rows, workers on
     * the other cores work out the rows ahead of the one read ({@link ReadAheadTableReader}).
     */
    public static TableReader accounts(Portfolio portfolio, Locale locale) {
        int rows = portfolio.accounts().size();
        TableReader readAhead = rows > ROWS_READ_AHEAD
                ? ReadAheadTableReader.of(accounts(portfolio, locale, ROWS_READ_AHEAD), "accounts") : null;
        return readAhead != null ? readAhead : new AccountsReader(portfolio.rows(), locale, 0, rows);
    }

    /** {@link #accounts(Portfolio, Locale)} cut into parts of {@code rowsPerPart} rows (the last may be shorter). */
    public static TableParts accounts(Portfolio portfolio, Locale locale, int rowsPerPart) {
        int rows = portfolio.accounts().size();
        return new TableParts(ACCOUNT_COLUMNS, (rows + rowsPerPart - 1) / rowsPerPart, part ->
                new AccountsReader(portfolio.rows(), locale, part * rowsPerPart, Math.min(rows, (part + 1) * rowsPerPart)));
    }

    /** The accounts table over a portfolio's rows: no row is built, each cell asks the row for its value. */
    private static final class AccountsReader implements TableReader {

        private final AccountRows rows;
        private final Locale locale;
        private final int to;
        private int next;
        private boolean onRow;

        /** The rows {@code from} (inclusive) {@code to} (exclusive), 0-based in rank order. */
        AccountsReader(AccountRows rows, Locale locale, int from, int to) {
            this.rows = rows;
            this.locale = locale;
            this.to = to;
            this.next = from;
        }

        @Override
        public List<Column> columns() {
            return ACCOUNT_COLUMNS;
        }

        @Override
        public boolean next() {
            onRow = next < to;
            if (onRow) {
                rows.moveTo(next++);
            }
            return onRow;
        }

        @Override
        public Object value(int columnIndex) {
            if (!onRow) {
                throw new IllegalStateException(source() + ": no current row; call next() first");
            }
            return ACCOUNT_TABLE[columnIndex].of(rows, locale);
        }

        @Override
        public String source() {
            return "accounts";
        }

        @Override
        public long rowNumber() {
            return onRow ? next : 0; // the rank: rows count from 1 in the whole table, whatever the part
        }

        @Override
        public void close() {
            onRow = false;
        }
    }

    /** One row per period, oldest first. */
    public static TableReader concentration(List<PeriodConcentration> periods) {
        return new ComputedTableReader("concentration", CONCENTRATION_COLUMNS, periods.stream().map(period -> new Object[] {
                period.start(), period.end(), period.revenue(), (long) period.accounts(), period.hhi(),
                period.band() == null ? null : period.band().name(), period.topOneShare(), (long) period.topN(),
                period.topNShare()}).iterator());
    }
}
