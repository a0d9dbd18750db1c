package dev.kpikit.birt.oda;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.datatools.connectivity.oda.OdaException;

import dev.kpikit.data.Column;
import dev.kpikit.data.DataFormatException;
import dev.kpikit.data.PortfolioTables;
import dev.kpikit.data.ScoringFolder;
import dev.kpikit.data.TableReader;
import dev.kpikit.scoring.PeriodLength;

/**
 * Data set "concentration": one row per period (month, quarter or year) up to the as-of date
 * with the period's revenue, HHI and its band, and the shares of the largest and the
 * {@code topN} largest accounts (parameter, default 5).
 */
final class ConcentrationQuery extends PortfolioQuery {

    static final String TOP_N = "topN";
    private static final int DEFAULT_TOP_N = 5;

    ConcentrationQuery(KpikitConnection connection) {
        super(connection);
    }

    @Override
    protected List<Column> columns() {
        return PortfolioTables.CONCENTRATION_COLUMNS;
    }

    @Override
    protected String dataSetName() {
        return "concentration";
    }

    @Override
    protected TableReader rows(ScoringFolder folder, LocalDate asOf, PeriodLength periodLength)
            throws IOException, DataFormatException, OdaException {
        Integer topN = integer(TOP_N);
        return PortfolioTables.concentration(folder.concentration(asOf, periodLength,
                topN == null ? DEFAULT_TOP_N : topN));
    }
}
