package dev.kpikit.birt.oda;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.datatools.connectivity.oda.IParameterMetaData;
import org.eclipse.datatools.connectivity.oda.IQuery;
import org.eclipse.datatools.connectivity.oda.IResultSetMetaData;
import org.eclipse.datatools.connectivity.oda.OdaException;
import org.eclipse.datatools.connectivity.oda.SortSpec;
import org.eclipse.datatools.connectivity.oda.spec.QuerySpecification;

/**
 * The bookkeeping every kpikit query shares: query text, data set properties and named
 * parameters collected as plain values. Subclasses only turn them into rows.
 */
abstract class AbstractQuery implements IQuery {

    protected final KpikitConnection connection;
    protected final Map<String, String> properties = new HashMap<>();
    protected final Map<String, Object> parameters = new HashMap<>();
    protected String queryText;
    protected Object appContext;
    private int maxRows;
    private QuerySpecification specification;

    AbstractQuery(KpikitConnection connection) {
        this.connection = connection;
    }

    @Override
    public void prepare(String text) throws OdaException {
        this.queryText = text == null ? "" : text.trim();
    }

    @Override
    public IResultSetMetaData getMetaData() throws OdaException {
        return new RowsMetaData(columns());
    }

    /** The columns the query will produce, known after prepare and setProperty. */
    protected abstract java.util.List<dev.kpikit.data.Column> columns() throws OdaException;

    @Override
    public void setAppContext(Object context) {
        this.appContext = context;
    }

    @Override
    public void setProperty(String name, String value) {
        properties.put(name, value);
    }

    @Override
    public void close() {
        // result sets own their readers; nothing is held between executions
    }

    @Override
    public void setMaxRows(int max) {
        this.maxRows = max;
    }

    @Override
    public int getMaxRows() {
        return maxRows;
    }

    @Override
    public void clearInParameters() {
        parameters.clear();
    }

    private void set(String name, Object value) {
        parameters.put(name, value);
    }

    private static String positional(int index) {
        return "#" + index;
    }

    @Override public void setInt(String name, int value) { set(name, value); }
    @Override public void setInt(int index, int value) { set(positional(index), value); }
    @Override public void setDouble(String name, double value) { set(name, value); }
    @Override public void setDouble(int index, double value) { set(positional(index), value); }
    @Override public void setBigDecimal(String name, BigDecimal value) { set(name, value); }
    @Override public void setBigDecimal(int index, BigDecimal value) { set(positional(index), value); }
    @Override public void setString(String name, String value) { set(name, value); }
    @Override public void setString(int index, String value) { set(positional(index), value); }
    @Override public void setDate(String name, Date value) { set(name, value); }
    @Override public void setDate(int index, Date value) { set(positional(index), value); }
    @Override public void setTime(String name, Time value) { set(name, value); }
    @Override public void setTime(int index, Time value) { set(positional(index), value); }
    @Override public void setTimestamp(String name, Timestamp value) { set(name, value); }
    @Override public void setTimestamp(int index, Timestamp value) { set(positional(index), value); }
    @Override public void setBoolean(String name, boolean value) { set(name, value); }
    @Override public void setBoolean(int index, boolean value) { set(positional(index), value); }
    @Override public void setObject(String name, Object value) { set(name, value); }
    @Override public void setObject(int index, Object value) { set(positional(index), value); }
    @Override public void setNull(String name) { set(name, null); }
    @Override public void setNull(int index) { set(positional(index), null); }

    @Override
    public int findInParameter(String name) throws OdaException {
        throw new OdaException("kpikit queries take parameters by name, not position ('" + name + "')");
    }

    @Override
    public IParameterMetaData getParameterMetaData() {
        return null; // parameters are declared in the data set, by name
    }

    @Override
    public void setSortSpec(SortSpec sortBy) throws OdaException {
        throw new UnsupportedOperationException("kpikit queries are not sorted by the driver; sort in the data set");
    }

    @Override
    public SortSpec getSortSpec() {
        return null;
    }

    @Override
    public void setSpecification(QuerySpecification querySpec) {
        this.specification = querySpec;
    }

    @Override
    public QuerySpecification getSpecification() {
        return specification;
    }

    @Override
    public String getEffectiveQueryText() {
        return queryText;
    }

    @Override
    public void cancel() {
        throw new UnsupportedOperationException("kpikit queries cannot be cancelled");
    }
}
