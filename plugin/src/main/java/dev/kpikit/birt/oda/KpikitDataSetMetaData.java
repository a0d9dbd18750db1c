package dev.kpikit.birt.oda;

import org.eclipse.datatools.connectivity.oda.IConnection;
import org.eclipse.datatools.connectivity.oda.IDataSetMetaData;
import org.eclipse.datatools.connectivity.oda.IResultSet;

/** What the kpikit data source supports: one result set per query, named input parameters. */
final class KpikitDataSetMetaData implements IDataSetMetaData {

    private final KpikitConnection connection;

    KpikitDataSetMetaData(KpikitConnection connection) {
        this.connection = connection;
    }

    @Override
    public IConnection getConnection() {
        return connection;
    }

    @Override
    public IResultSet getDataSourceObjects(String catalog, String schema, String object, String version) {
        throw new UnsupportedOperationException("kpikit does not list data source objects");
    }

    @Override
    public int getDataSourceMajorVersion() {
        return 0;
    }

    @Override
    public int getDataSourceMinorVersion() {
        return 1;
    }

    @Override
    public String getDataSourceProductName() {
        return "kpikit";
    }

    @Override
    public String getDataSourceProductVersion() {
        return "0.1";
    }

    @Override
    public int getSQLStateType() {
        return sqlStateSQL99;
    }

    @Override
    public boolean supportsMultipleResultSets() {
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults() {
        return false;
    }

    @Override
    public boolean supportsNamedResultSets() {
        return false;
    }

    @Override
    public boolean supportsNamedParameters() {
        return true;
    }

    @Override
    public boolean supportsInParameters() {
        return true;
    }

    @Override
    public boolean supportsOutParameters() {
        return false;
    }

    @Override
    public int getSortMode() {
        return sortModeNone;
    }
}
