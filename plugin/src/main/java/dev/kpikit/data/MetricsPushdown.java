package dev.kpikit.data;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A metric table in a database ({@link JdbcSource}), summed there: one GROUP BY month with a SUM per catalog metric,
 * so one row per month crosses the wire. Monthly sums are all that months, quarters and years need, since catalog
 * metrics are additive (see {@code MetricAccumulator}); a metric without any value in a month stays missing (SUM of
 * nothing is NULL). Plain SQL, as {@link RevenuePushdown}.
 */
final class MetricsPushdown {

    private MetricsPushdown() {
    }

    /** Gives {@code months} each month's sums up to {@code asOf} (null: all rows), dated the month's first day. */
    static void monthlySums(JdbcSource source, List<String> metrics, LocalDate asOf, BiConsumer<LocalDate, Map<String, BigDecimal>> months)
            throws DataFormatException {
        try (Connection connection = source.connect()) {
            List<String> labels = source.columnLabels(connection);
            List<Column> columns = labels.stream().map(label -> new Column(label.strip(), ColumnType.STRING)).toList();
            String date = JdbcSource.quoted(labels.get(ColumnMapping.defaults().resolve(source.source(), columns, ColumnMapping.DATE)
                    .get(ColumnMapping.DATE)));
            List<String> missing = new ArrayList<>();
            StringBuilder sums = new StringBuilder();
            for (String metric : metrics) {
                int index = indexIgnoringCase(columns, metric);
                if (index < 0) {
                    missing.add(metric);
                } else {
                    sums.append(", SUM(q.").append(JdbcSource.quoted(labels.get(index))).append(")");
                }
            }
            if (!missing.isEmpty()) {
                throw new DataFormatException(source.source() + ": missing column" + (missing.size() == 1 ? " '" : "s '")
                        + String.join("', '", missing) + "'; found: " + Schema.list(columns), source.source(), 0, missing.get(0));
            }
            String day = "CAST(q." + date + " AS DATE)";
            String sql = "SELECT EXTRACT(YEAR FROM " + day + "), EXTRACT(MONTH FROM " + day + ")" + sums
                    + " FROM " + source.from() + (asOf == null ? "" : " WHERE " + day + " <= DATE '" + asOf + "' OR " + day + " IS NULL")
                    + " GROUP BY EXTRACT(YEAR FROM " + day + "), EXTRACT(MONTH FROM " + day + ")";
            try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Object year = result.getObject(1);
                    if (year == null) {
                        throw new DataFormatException(source.source() + ", column " + date + ": the date is missing in some rows"
                                + " (find them with WHERE " + date + " IS NULL)", source.source(), 0, date);
                    }
                    Map<String, BigDecimal> row = new HashMap<>();
                    for (int i = 0; i < metrics.size(); i++) {
                        row.put(metrics.get(i), RevenuePushdown.decimal(result, i + 3));
                    }
                    months.accept(LocalDate.of(((Number) year).intValue(), ((Number) result.getObject(2)).intValue(), 1), row);
                }
            }
        } catch (SQLException e) {
            throw source.failure(e);
        }
    }

    private static int indexIgnoringCase(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
