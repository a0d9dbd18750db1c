package dev.kpikit.data;

import java.util.Iterator;
import java.util.List;

/**
 * A table computed in memory (such as a KPI scorecard) served through the same
 * {@link TableReader} interface as a file, so one ODA result set serves both.
 */
public final class ListTableReader implements TableReader {

    private final String source;
    private final List<Column> columns;
    private final Iterator<Object[]> rows;
    private Object[] current;
    private long rowNumber;

    /**
     * @param rows one array per row, values of each column type's {@link ColumnType#valueClass() class} or null
     */
    public ListTableReader(String source, List<Column> columns, List<Object[]> rows) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.rows = rows.iterator();
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean next() {
        if (!rows.hasNext()) {
            current = null;
            return false;
        }
        current = rows.next();
        rowNumber++;
        return true;
    }

    @Override
    public Object value(int columnIndex) {
        return current[columnIndex];
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
        current = null;
    }
}
