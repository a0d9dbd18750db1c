package dev.kpikit.birt.oda;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import dev.kpikit.data.Column;
import dev.kpikit.data.DataFormatException;
import dev.kpikit.data.PortfolioTables;
import dev.kpikit.data.ScoringFolder;
import dev.kpikit.data.TableReader;
import dev.kpikit.scoring.PeriodLength;

/**
 * Data set "accounts": every account scored, ranked and classified, one row per account with
 * its inputs, each factor's normalised value and points, score, tier, ABC class, RFM and
 * explanation (see {@link PortfolioTables#ACCOUNT_COLUMNS}). Besides asOf and periodLength it
 * takes the parameter {@code modelFile}: a model file of the data folder; blank for the
 * folder's scoring-model.json, or the built-in model when there is none.
 */
final class AccountsQuery extends PortfolioQuery {

    static final String MODEL_FILE = "modelFile";

    AccountsQuery(KpikitConnection connection) {
        super(connection);
    }

    @Override
    protected List<Column> columns() {
        return PortfolioTables.ACCOUNT_COLUMNS;
    }

    @Override
    protected String dataSetName() {
        return "accounts";
    }

    @Override
    protected TableReader rows(ScoringFolder folder, LocalDate asOf, PeriodLength periodLength)
            throws IOException, DataFormatException {
        return PortfolioTables.accounts(folder.portfolio(asOf, periodLength, folder.model(dataFile(MODEL_FILE))), reportLocale());
    }
}
