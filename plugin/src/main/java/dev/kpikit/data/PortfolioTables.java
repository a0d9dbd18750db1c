package dev.kpikit.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
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
        // built only when read: a fifth of the time of reading a row, and most reports do not show it
        columns.add(new AccountColumn(new Column("explanation", ColumnType.STRING),
                (report, locale) -> new LazyValue(() -> report.score().explain(locale))));
        // credit notes above invoices in the period: its share counted as 0 (see NetNegative)
        columns.add(new AccountColumn("net_negative", ColumnType.BOOLEAN, AccountReport::netNegative));
        // revenue rows under an id the account table lacks: scored under that id
        columns.add(new AccountColumn("in_accounts_table", ColumnType.BOOLEAN, AccountReport::inAccountTable));
        return List.copyOf(columns);
    }

    /** One row per account, best score first; each row (and its explanation, in {@code locale}) is built when read. */
    public static TableReader accounts(Portfolio portfolio, Locale locale) {
        List<AccountReport> reports = portfolio.accounts();
        return new ComputedTableReader("accounts", ACCOUNT_COLUMNS, new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < reports.size();
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return accountRow(reports.get(next++), locale);
            }
        });
    }

    private static Object[] accountRow(AccountReport report, Locale locale) {
        Object[] row = new Object[ACCOUNT_TABLE.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = ACCOUNT_TABLE.get(i).value().apply(report, locale);
        }
        return row;
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
