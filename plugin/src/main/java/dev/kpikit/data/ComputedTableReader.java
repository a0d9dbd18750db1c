package dev.kpikit.data;

import java.util.Iterator;
import java.util.List;

/**
 * A table computed in memory rather than read from a file, such as the scored accounts:
 * rows come from an iterator, one at a time, so a caller can build each row only when it
 * is read. Values must be of their column type's {@link ColumnType#valueClass() class}.
 */
public final class ComputedTableReader implements TableReader {

    private final String source;
    private final List<Column> columns;
    private final Iterator<Object[]> rows;
    private Object[] row;
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
            row = null;
            return false;
        }
        row = rows.next();
        rowNumber++;
        return true;
    }

    @Override
    public Object value(int columnIndex) {
        if (row == null) {
            throw new IllegalStateException(source + ": no current row; call next() first");
        }
        return row[columnIndex];
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
        row = null;
    }
}
