package dev.kpikit.data;

import java.util.Iterator;
import java.util.List;

/**
 * A table computed in memory rather than read from a file, such as the scored accounts:
 * rows come from an iterator, one at a time, so a caller can build each row only when it
 * is read. Values must be of their column type's {@link ColumnType#valueClass() class}.
 */
public final class ComputedTableReader extends CurrentRowReader {

    private final String source;
    private final List<Column> columns;
    private final Iterator<Object[]> rows;
    private long rowNumber;

    public ComputedTableReader(String source, List<Column> columns, Iterator<Object[]> rows) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean next() {
        if (!rows.hasNext()) {
            current(null);
            return false;
        }
        current(rows.next());
        rowNumber++;
        return true;
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
        current(null);
    }
}
