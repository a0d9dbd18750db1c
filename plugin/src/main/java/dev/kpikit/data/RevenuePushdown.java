package dev.kpikit.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.RevenueLedger;

/**
 * The revenue table of a {@link JdbcSource}, aggregated where it lives: one generated GROUP BY per
 * question, so that only one row per account (or per account and month) crosses the wire, however many
 * invoice rows the table holds. The SQL is plain (CASE, SUM, MAX, CAST, EXTRACT, DATE literals, quoted
 * identifiers), which PostgreSQL, DuckDB, H2, Trino and Snowflake all run. Dates are cast to DATE, so a
 * timestamp column counts by its day, as kpikit does with files.
 */
final class RevenuePushdown {

    private final JdbcSource source;
    private final AtomicLong rowsReceived;
    /** SELECT of the three fields, named d, a and amt, from the user's table or query. */
    private final String rows;
    private final Map<String, String> columnOf;

    private RevenuePushdown(JdbcSource source, AtomicLong rowsReceived, String rows, Map<String, String> columnOf) {
        this.source = source;
        this.rowsReceived = rowsReceived;
        this.rows = rows;
        this.columnOf = columnOf;
    }

    /** Finds the date, account and amount columns through the mapping, as for a file. */
    static RevenuePushdown open(JdbcSource source, ColumnMapping mapping, AtomicLong rowsReceived)
            throws DataFormatException {
        List<String> labels;
        try (Connection connection = source.connect()) {
            labels = source.columnLabels(connection);
        } catch (SQLException e) {
            throw source.failure(e);
        }
        List<Column> columns = labels.stream().map(label -> new Column(label.strip(), ColumnType.STRING)).toList();
        Map<String, Integer> indexes = mapping.resolve(source.source(), columns,
                ColumnMapping.DATE, ColumnMapping.ACCOUNT_ID, ColumnMapping.AMOUNT);
        String date = JdbcSource.quoted(labels.get(indexes.get(ColumnMapping.DATE)));
        String account = JdbcSource.quoted(labels.get(indexes.get(ColumnMapping.ACCOUNT_ID)));
        String amount = JdbcSource.quoted(labels.get(indexes.get(ColumnMapping.AMOUNT)));
        String rows = "SELECT CAST(q." + date + " AS DATE) AS d, q." + account + " AS a, q." + amount + " AS amt FROM "
                + source.from();
        return new RevenuePushdown(source, rowsReceived, rows, Map.of(ColumnMapping.DATE, date,
                ColumnMapping.ACCOUNT_ID, account, ColumnMapping.AMOUNT, amount));
    }

    /** The latest date; null for a table without rows. */
    LocalDate latestDate() throws DataFormatException {
        String sql = "SELECT MAX(d) AS latest, SUM(CASE WHEN d IS NULL THEN 1 ELSE 0 END) AS blank_dates FROM (" + rows + ") r";
        try (Connection connection = source.connect();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            result.next();
            rowsReceived.incrementAndGet();
            requireNone(count(result, 2), ColumnMapping.DATE);
            return date(result, 1);
        } catch (SQLException e) {
            throw source.failure(e);
        }
    }

    /** One row per account: its totals in the ledger's periods, lifetime, last purchase and purchase count. */
    void fill(RevenueLedger ledger) throws DataFormatException {
        PeriodLength.DateRange current = ledger.currentPeriod();
        PeriodLength.DateRange previous = ledger.previousPeriod();
        String sql = "SELECT a,"
                + " SUM(CASE WHEN d >= " + literal(current.start()) + " AND d <= " + literal(current.end()) + " THEN amt END) AS current_revenue,"
                + " SUM(CASE WHEN d >= " + literal(previous.start()) + " AND d <= " + literal(previous.end()) + " THEN amt END) AS previous_revenue,"
                + " SUM(amt) AS lifetime_revenue,"
                + " MAX(CASE WHEN amt > 0 THEN d END) AS last_purchase,"
                + " SUM(CASE WHEN amt > 0 THEN 1 ELSE 0 END) AS purchases,"
                + " SUM(CASE WHEN d IS NULL THEN 1 ELSE 0 END) AS blank_dates,"
                + " SUM(CASE WHEN amt IS NULL THEN 1 ELSE 0 END) AS blank_amounts"
                + " FROM (" + rows + ") r WHERE d <= " + literal(ledger.asOf()) + " OR d IS NULL GROUP BY a";
        query(sql, result -> {
            String account = account(result);
            requireNone(count(result, 7), ColumnMapping.DATE);
            requireNone(count(result, 8), ColumnMapping.AMOUNT);
            ledger.addTotals(account, decimal(result, 2), decimal(result, 3), decimal(result, 4), date(result, 5),
                    Math.toIntExact(count(result, 6)));
        });
    }

    /**
     * One row per account and calendar period (month, quarter or year) from {@code from} (null: from the first row)
     * up to the as-of date: the period's revenue, given to {@code totals} dated the period's first day. What sums by
     * that period or a coarser one (concentration, monthly revenue) needs no more. The fewer groups, the less the
     * database must hold: PostgreSQL's default work_mem spills some 700,000 account-month groups to disk.
     */
    void periodTotals(LocalDate from, LocalDate asOf, PeriodLength grain, ScoringFolder.RevenueRows totals)
            throws DataFormatException {
        String period = switch (grain) {
            case YEAR -> "EXTRACT(YEAR FROM d)";
            case QUARTER -> "EXTRACT(YEAR FROM d), EXTRACT(QUARTER FROM d)";
            case MONTH -> "EXTRACT(YEAR FROM d), EXTRACT(MONTH FROM d)";
        };
        String sql = "SELECT a, " + period + ", SUM(amt) AS revenue, SUM(CASE WHEN amt IS NULL THEN 1 ELSE 0 END) AS blank_amounts"
                + " FROM (" + rows + ") r WHERE d <= " + literal(asOf) + (from == null ? " OR d IS NULL" : " AND d >= " + literal(from))
                + " GROUP BY a, " + period;
        int sumColumn = grain == PeriodLength.YEAR ? 3 : 4;
        query(sql, result -> {
            String account = account(result);
            Object year = result.getObject(2);
            if (year == null) {
                requireNone(1, ColumnMapping.DATE);
            }
            requireNone(count(result, sumColumn + 1), ColumnMapping.AMOUNT);
            int part = grain == PeriodLength.YEAR ? 1 : ((Number) result.getObject(3)).intValue();
            int month = grain == PeriodLength.QUARTER ? part * 3 - 2 : part;
            totals.add(LocalDate.of(((Number) year).intValue(), month, 1), account, decimal(result, sumColumn));
        });
    }

    /** Every row, for what needs rows rather than sums. */
    void allRows(ScoringFolder.RevenueRows all) throws DataFormatException {
        query(rows, result -> {
            LocalDate date = date(result, 1);
            String account = result.getString(2);
            BigDecimal amount = decimal(result, 3);
            if (date == null || account == null || amount == null) {
                throw blank(date == null ? ColumnMapping.DATE : account == null ? ColumnMapping.ACCOUNT_ID : ColumnMapping.AMOUNT);
            }
            all.add(date, account, amount);
        });
    }

    private interface Row {
        void read(ResultSet result) throws SQLException, DataFormatException;
    }

    private void query(String sql, Row row) throws DataFormatException {
        try (Connection connection = source.connect();
                PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
            // PostgreSQL streams a result only inside a transaction with a fetch size; others ignore both
            connection.setAutoCommit(false);
            statement.setFetchSize(10_000);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rowsReceived.incrementAndGet();
                    row.read(result);
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw source.failure(e);
        }
    }

    private String account(ResultSet result) throws SQLException, DataFormatException {
        String account = result.getString(1);
        if (account == null || CellText.isBlank(account)) {
            throw blank(ColumnMapping.ACCOUNT_ID);
        }
        return account;
    }

    private void requireNone(long blanks, String field) throws DataFormatException {
        if (blanks > 0) {
            throw blank(field);
        }
    }

    /** Rows of a table have no line to name: the refusal names the column, and a query that finds them. */
    private DataFormatException blank(String field) {
        String column = columnOf.get(field);
        return new DataFormatException(source.source() + ", column " + column + ": the " + field.replace('_', ' ')
                + " is empty in some rows (find them with WHERE " + column + " IS NULL)", source.source(), 0, column);
    }

    /** A DATE literal: generated from a LocalDate, so nothing of a user's text goes into the SQL here. */
    private static String literal(LocalDate date) {
        return "DATE '" + date + "'";
    }

    private static long count(ResultSet result, int column) throws SQLException {
        Object value = result.getObject(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A sum as an exact decimal; floating-point sums by their shortest decimal form, as {@link JdbcTableReader} reads them. */
    static BigDecimal decimal(ResultSet result, int column) throws SQLException {
        Object value = result.getObject(column);
        return switch (value) {
            case null -> null;
            case BigDecimal exact -> exact;
            case BigInteger whole -> new BigDecimal(whole);
            case Float single -> new BigDecimal(Float.toString(single));
            case Double dbl -> BigDecimal.valueOf(dbl);
            case Number whole -> BigDecimal.valueOf(whole.longValue());
            default -> new BigDecimal(value.toString());
        };
    }

    private static LocalDate date(ResultSet result, int column) throws SQLException {
        Object value = result.getObject(column);
        return switch (value) {
            case null -> null;
            case LocalDate day -> day;
            case Date day -> day.toLocalDate();
            case Timestamp time -> time.toLocalDateTime().toLocalDate();
            case LocalDateTime time -> time.toLocalDate();
            default -> LocalDate.parse(value.toString().substring(0, 10));
        };
    }
}
