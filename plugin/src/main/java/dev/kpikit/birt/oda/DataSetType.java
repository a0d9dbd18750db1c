package dev.kpikit.birt.oda;

import java.util.Arrays;
import java.util.function.Function;

import org.eclipse.datatools.connectivity.oda.IQuery;
import org.eclipse.datatools.connectivity.oda.OdaException;

/** The data set types of the kpikit data source, with the ids plugin.xml declares. */
enum DataSetType {

    /** One table of the data folder (CSV, JSON or XLSX), typed columns. Query text: the file name. */
    TABLE("dev.kpikit.birt.oda.table", TableQuery::new),

    /** One row per KPI per period from a KPI catalog and a metric table. Settings: properties or parameters. */
    KPIS("dev.kpikit.birt.oda.kpis", KpisQuery::new),
    /** Scored accounts: one row per account. Parameters asOf, periodLength, modelFile. */
    ACCOUNTS("dev.kpikit.birt.oda.accounts", AccountsQuery::new),
    /** HHI and top-N shares per period. Parameters asOf, periodLength, topN. */
    CONCENTRATION("dev.kpikit.birt.oda.concentration", ConcentrationQuery::new),
    /** Monthly revenue of the key accounts and of the rest. Parameters as ACCOUNTS, plus months. */
    KEY_ACCOUNT_REVENUE("dev.kpikit.birt.oda.keyAccountRevenue", KeyAccountRevenueQuery::new);

    final String id;
    private final Function<KpikitConnection, IQuery> factory;

    DataSetType(String id, Function<KpikitConnection, IQuery> factory) {
        this.id = id;
        this.factory = factory;
    }

    IQuery newQuery(KpikitConnection connection) {
        return factory.apply(connection);
    }

    static DataSetType of(String id) throws OdaException {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst()
                .orElseThrow(() -> new OdaException("kpikit has no data set type '" + id + "'"));
    }
}
