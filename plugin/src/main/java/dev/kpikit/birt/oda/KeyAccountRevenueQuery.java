package dev.kpikit.birt.oda;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.datatools.connectivity.oda.OdaException;

import dev.kpikit.data.Column;
import dev.kpikit.data.ColumnType;
import dev.kpikit.data.DataFormatException;
import dev.kpikit.data.ComputedTableReader;
import dev.kpikit.data.ScoringFolder;
import dev.kpikit.data.TableReader;
import dev.kpikit.scoring.AccountRows;
import dev.kpikit.scoring.KeyAccountRevenue;
import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.ScoringModel;
import dev.kpikit.scoring.Tier;

/**
 * Data set "keyAccountRevenue": two rows per month, the revenue of the key accounts (the
 * model's top tier, scored as of the report's date) and of all others, for a stacked chart of
 * revenue over time with the key accounts apart. Parameters as the accounts data set, plus
 * {@code months} (default 12).
 */
final class KeyAccountRevenueQuery extends PortfolioQuery {

    static final String MONTHS = "months";
    private static final int DEFAULT_MONTHS = 12;
    static final String KEY_ACCOUNTS = "KEY_ACCOUNTS";
    static final String OTHERS = "OTHERS";

    private static final List<Column> COLUMNS = List.of(
            new Column("period", ColumnType.STRING), new Column("period_start", ColumnType.DATE),
            new Column("group", ColumnType.STRING), new Column("key_accounts", ColumnType.BOOLEAN),
            new Column("revenue", ColumnType.DECIMAL));

    KeyAccountRevenueQuery(KpikitConnection connection) {
        super(connection);
    }

    @Override
    protected List<Column> columns() {
        return COLUMNS;
    }

    @Override
    protected String dataSetName() {
        return "keyAccountRevenue";
    }

    @Override
    protected TableReader rows(ScoringFolder folder, LocalDate asOf, PeriodLength periodLength)
            throws IOException, DataFormatException, OdaException {
        ScoringModel model = folder.model(dataFile(AccountsQuery.MODEL_FILE));
        Portfolio portfolio = folder.portfolio(asOf, periodLength, model);
        String keyTier = model.tiers().stream().max(Comparator.comparing(Tier::minScore)).orElseThrow().name();
        // read from the portfolio's columns: a report per account would be built for each of a million to read its tier
        Set<String> keyAccounts = new HashSet<>();
        AccountRows accounts = portfolio.rows();
        for (int rank = 0; rank < accounts.size(); rank++) {
            accounts.moveTo(rank);
            if (keyTier.equals(accounts.tier())) {
                keyAccounts.add(accounts.id());
            }
        }
        Integer months = integer(MONTHS);
        KeyAccountRevenue revenue = new KeyAccountRevenue(keyAccounts, asOf, months == null ? DEFAULT_MONTHS : months);
        folder.readKeyAccountRevenue(revenue);
        List<Object[]> rows = new ArrayList<>();
        for (KeyAccountRevenue.Month month : revenue.months()) {
            rows.add(row(month, KEY_ACCOUNTS, month.keyAccounts()));
            rows.add(row(month, OTHERS, month.others()));
        }
        return new ComputedTableReader(dataSetName(), COLUMNS, rows.iterator());
    }

    private static Object[] row(KeyAccountRevenue.Month month, String group, BigDecimal revenue) {
        return new Object[] {month.month().toString(), month.month().atDay(1), group, KEY_ACCOUNTS.equals(group), revenue};
    }
}
