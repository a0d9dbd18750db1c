package dev.kpikit.data;

import java.util.List;

/**
 * Streams the rows of one table, one row at a time. Typical use:
 * <pre>{@code
 * try (TableReader reader = Tables.open(file)) {
 *     while (reader.next()) {
 *         Object amount = reader.value(2);
 *     }
 * }
 * }</pre>
 */
public interface TableReader extends AutoCloseable {

    /** The columns, known as soon as the reader is open. */
    List<Column> columns();

    /** Moves to the next row; false at the end of the table. */
    boolean next() throws DataFormatException;

    /**
     * The value of a column (0-based) in the current row, of the column type's
     * {@link ColumnType#valueClass() class}, or null for an empty cell.
     */
    Object value(int columnIndex);

    /** Where the rows come from, for messages: a file name or a query. */
    String source();

    /**
     * The 1-based number of the current row where its source counts rows: the line of a
     * CSV file, the row of a spreadsheet, the position in a JSON array or a query result.
     */
    long rowNumber();

/** What {@link #rowNumber()} counts, for messages: "line" (CSV), "row" (spreadsheet, query), "element" (JSON). */
    default String rowWord() {
        return "row";
    }

    /**
     * The texts of the first rows below the header, each with its {@link #rowNumber() number}, as the reader read them
     * ahead to type the columns; empty for a reader that keeps none. Messages look in them for the line that names the
     * columns when the header does not (a title above it).
     */
    default List<TextRow> firstRows() {
        return List.of();
    }

    /** A row's cells as text, and its number as {@link #rowNumber()} counts. */
    record TextRow(long number, List<String> cells) {

        /** Rows kept for messages: a title or notes above a header take a few lines, not more. */
        static final int KEPT = 10;

        /** The first {@link #KEPT} of the rows, numbered by {@code numbers}; a missing cell (a spreadsheet's) is empty. */
        static List<TextRow> first(List<List<String>> rows, List<? extends Number> numbers) {
            return java.util.stream.IntStream.range(0, Math.min(KEPT, rows.size()))
                    .mapToObj(i -> new TextRow(numbers.get(i).longValue(), rows.get(i).stream().map(cell -> cell == null ? "" : cell).toList()))
                    .toList();
        }
    }

    /** The current row as a user finds it in the source, for messages: {@code revenue.csv, line 7}. */
    default String currentRow() {
        return source() + ", " + rowWord() + " " + rowNumber();
    }

    @Override
    void close();
}
