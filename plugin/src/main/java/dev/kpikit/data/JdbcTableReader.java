package dev.kpikit.data;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the result of an SQL query. SQL types map to kpikit's: whole numbers (and
 * DECIMAL/NUMERIC without scale that fit a long) to INTEGER, other exact and floating numbers
 * to DECIMAL, DATE and TIMESTAMP to DATE (kpikit counts days, so a time of day is dropped),
 * BOOLEAN and BIT to BOOLEAN, anything else to STRING.
 */
public final class JdbcTableReader extends CurrentRowReader {

    private static final int MAX_SOURCE_LENGTH = 60;
    private static final int LONG_DIGITS = 18;
    /** A hint to drivers that fetch very few rows per round trip by default. */
    private static final int FETCH_SIZE = 500;

    private final Connection ownedConnection;
    private final PreparedStatement statement;
    private final ResultSet results;
    private final String source;
    private final List<Column> columns;
    private final int[] sqlTypes;
    private long rowNumber;

    private JdbcTableReader(Connection ownedConnection, PreparedStatement statement, ResultSet results, String source)
            throws SQLException {
        this.ownedConnection = ownedConnection;
        this.statement = statement;
        this.results = results;
        this.source = source;
        ResultSetMetaData meta = results.getMetaData();
        List<String> labels = new ArrayList<>();
        sqlTypes = new int[meta.getColumnCount()];
        List<ColumnType> types = new ArrayList<>();
        for (int i = 1; i <= sqlTypes.length; i++) {
            labels.add(meta.getColumnLabel(i));
            sqlTypes[i - 1] = meta.getColumnType(i);
            types.add(typeOf(sqlTypes[i - 1], meta.getPrecision(i), meta.getScale(i)));
        }
        List<String> names;
        try {
            names = Schema.names(labels, source);
        } catch (DataFormatException e) {
            throw new SQLException(e.getMessage() + "; give the columns distinct names with AS", e);
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            columns.add(new Column(names.get(i), types.get(i)));
        }
        this.columns = List.copyOf(columns);
    }

    /**
     * Runs a query on a connection that the caller keeps and closes.
     *
     * @param parameters values for the query's {@code ?} placeholders, in order
     */
    public static JdbcTableReader open(Connection connection, String query, Object... parameters) throws SQLException {
        return run(connection, null, query, parameters);
    }

    /** Connects to a database and runs a query; closing the reader closes the connection. */
    public static JdbcTableReader open(String url, String user, String password, String query, Object... parameters)
            throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        try {
            return run(connection, connection, query, parameters);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static JdbcTableReader run(Connection connection, Connection owned, String query, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(query, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        try {
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return new JdbcTableReader(owned, statement, statement.executeQuery(), describe(query));
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** "query 'select ...'", shortened: the query is the source in messages. */
    private static String describe(String query) {
        String oneLine = query.strip().replaceAll("\\s+", " ");
        return "query '" + (oneLine.length() <= MAX_SOURCE_LENGTH ? oneLine : oneLine.substring(0, MAX_SOURCE_LENGTH) + "...") + "'";
    }

    private static ColumnType typeOf(int sqlType, int precision, int scale) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ColumnType.INTEGER;
            case Types.DECIMAL, Types.NUMERIC -> scale == 0 && precision > 0 && precision <= LONG_DIGITS
                    ? ColumnType.INTEGER : ColumnType.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> ColumnType.DECIMAL;
            case Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.DATE;
            case Types.BOOLEAN, Types.BIT -> ColumnType.BOOLEAN;
            default -> ColumnType.STRING;
        };
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean next() throws DataFormatException {
        try {
            if (!results.next()) {
                current(null);
                return false;
            }
        } catch (SQLException e) {
            throw problem(rowNumber + 1, null, e);
        }
        rowNumber++;
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = read(i);
            } catch (SQLException e) {
                throw problem(rowNumber, columns.get(i).name(), e);
            }
        }
        current(values);
        return true;
    }

    private DataFormatException problem(long number, String column, SQLException e) {
        String where = source + ", row " + number + (column == null ? "" : ", column '" + column + "'");
        return new DataFormatException(where + ": " + e.getMessage(), source, number, column, e);
    }

    private Object read(int index) throws SQLException {
        int i = index + 1;
        Object value = switch (columns.get(index).type()) {
            case INTEGER -> results.getLong(i);
            case DECIMAL -> decimal(i, sqlTypes[index]);
            case DATE -> date(i, sqlTypes[index]);
            case BOOLEAN -> results.getBoolean(i);
            case STRING -> results.getString(i);
        };
        return results.wasNull() ? null : value;
    }

    /** Floating-point values as their shortest decimal form, not their binary expansion. */
    private BigDecimal decimal(int i, int sqlType) throws SQLException {
        return switch (sqlType) {
            case Types.REAL -> new BigDecimal(Float.toString(results.getFloat(i)));
            case Types.FLOAT, Types.DOUBLE -> BigDecimal.valueOf(results.getDouble(i));
            default -> results.getBigDecimal(i);
        };
    }

    private LocalDate date(int i, int sqlType) throws SQLException {
        return switch (sqlType) {
            case Types.TIMESTAMP -> toDate(results.getObject(i, LocalDateTime.class));
            case Types.TIMESTAMP_WITH_TIMEZONE -> toDate(results.getObject(i, OffsetDateTime.class));
            default -> results.getObject(i, LocalDate.class);
        };
    }

    private static LocalDate toDate(LocalDateTime value) {
        return value == null ? null : value.toLocalDate();
    }

    private static LocalDate toDate(OffsetDateTime value) {
        return value == null ? null : value.toLocalDate();
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public long rowNumber() {
        return rowNumber;
    }

    @Override
    public void close() {
        // closed in reverse order: results, statement, then the connection if this reader opened it
        try (ownedConnection; statement; results) {
        } catch (SQLException e) {
            throw new IllegalStateException(source + ": closing failed: " + e.getMessage(), e);
        }
    }
}
