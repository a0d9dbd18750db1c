package dev.kpikit.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    public static final List<Column> ACCOUNT_COLUMNS = accountColumns();

    public static final List<Column> CONCENTRATION_COLUMNS = List.of(
            new Column("period_start", ColumnType.DATE), new Column("period_end", ColumnType.DATE),
            new Column("revenue", ColumnType.DECIMAL), new Column("accounts", ColumnType.INTEGER),
            new Column("hhi", ColumnType.DECIMAL), new Column("concentration", ColumnType.STRING),
            new Column("top1_share", ColumnType.DECIMAL), new Column("top_n", ColumnType.INTEGER),
            new Column("top_n_share", ColumnType.DECIMAL));

    private PortfolioTables() {
    }

    private static List<Column> accountColumns() {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("rank", ColumnType.INTEGER));
        columns.add(new Column("account_id", ColumnType.STRING));
        columns.add(new Column("name", ColumnType.STRING));
        columns.add(new Column("segment", ColumnType.STRING));
        for (FactorInput input : FactorInput.values()) {
            columns.add(new Column(input.key(), ColumnType.DECIMAL));
        }
        columns.add(new Column("revenue_previous", ColumnType.DECIMAL));
        columns.add(new Column("revenue_lifetime", ColumnType.DECIMAL));
        for (FactorInput input : FactorInput.values()) {
            columns.add(new Column(input.key() + NORMALISED, ColumnType.DECIMAL));
            columns.add(new Column(input.key() + POINTS, ColumnType.DECIMAL));
        }
        columns.add(new Column("score", ColumnType.DECIMAL));
        columns.add(new Column("tier", ColumnType.STRING));
        columns.add(new Column("score_tier", ColumnType.STRING));
        columns.add(new Column("abc_class", ColumnType.STRING));
        columns.add(new Column("rfm", ColumnType.STRING));
        columns.add(new Column("rfm_recency", ColumnType.INTEGER));
        columns.add(new Column("rfm_frequency", ColumnType.INTEGER));
        columns.add(new Column("rfm_monetary", ColumnType.INTEGER));
        columns.add(new Column("major_customer", ColumnType.BOOLEAN));
        columns.add(new Column("last_purchase", ColumnType.DATE));
        columns.add(new Column("explanation", ColumnType.STRING));
        return List.copyOf(columns);
    }

    /** One row per account, best score first; each row (and its explanation, in {@code locale}) is built when read. */
    public static TableReader accounts(Portfolio portfolio, Locale locale) {
        return new ComputedTableReader("accounts", ACCOUNT_COLUMNS,
                portfolio.accounts().stream().map(account -> accountRow(account, locale)).iterator());
    }

    private static Object[] accountRow(AccountReport report, Locale locale) {
        Object[] row = new Object[ACCOUNT_COLUMNS.size()];
        int i = 0;
        row[i++] = (long) report.rank();
        row[i++] = report.account().id();
        row[i++] = report.account().name();
        row[i++] = report.account().segment();
        for (FactorInput input : FactorInput.values()) {
            row[i++] = report.account().input(input);
        }
        row[i++] = report.revenue().previous();
        row[i++] = report.revenue().lifetime();
        AccountScore score = report.score();
        for (FactorInput input : FactorInput.values()) {
            BigDecimal normalised = null;
            BigDecimal points = null;
            for (FactorScore factor : score.factors()) {
                if (factor.input() == input) {
                    // a model could weigh one input twice (on two scales): its points add up
                    normalised = normalised == null ? factor.normalised() : normalised;
                    points = points == null ? factor.points() : points.add(factor.points());
                }
            }
            row[i++] = normalised;
            row[i++] = points;
        }
        row[i++] = score.score();
        row[i++] = score.tier();
        row[i++] = score.scoreTier();
        row[i++] = report.abc() == null ? null : report.abc().name();
        row[i++] = report.rfm().code();
        row[i++] = (long) report.rfm().recency();
        row[i++] = (long) report.rfm().frequency();
        row[i++] = (long) report.rfm().monetary();
        row[i++] = report.majorCustomer();
        row[i++] = report.revenue().lastPurchase();
        row[i] = score.explain(locale);
        return row;
    }

    /** One row per period, oldest first. */
    public static TableReader concentration(List<PeriodConcentration> periods) {
        return new ComputedTableReader("concentration", CONCENTRATION_COLUMNS, periods.stream().map(period -> new Object[] {
                period.start(), period.end(), period.revenue(), (long) period.accounts(), period.hhi(),
                period.band() == null ? null : period.band().name(), period.topOneShare(), (long) period.topN(),
                period.topNShare()}).iterator());
    }
}
