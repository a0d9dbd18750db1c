package dev.kpikit.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table one row at a time while workers, one per core, work out the cells of the parts ahead: a reader
 * such as BIRT's data engine takes a row at a time on one thread, and a row of the scored accounts costs microseconds
 * of exact decimal arithmetic. Workers work out only the columns the caller has asked for so far (a report that shows
 * six columns pays for six); a cell of a column asked for the first time is worked out when asked. The rows and
 * values are those of the parts read one after the other.
 */
final class ReadAheadTableReader implements TableReader {

    /** A cell the worker did not work out: its column had not been asked for yet. */
    private static final Object NOT_READ = new Object();

    private final TableParts parts;
    private final String source;
    private final PartsAhead<Object[][]> ahead;
    /** The columns asked for so far, a bit each; workers look at it for each row they work out. */
    private volatile long asked;
    private int currentPart = -1;
    private Object[][] cells;
    private int row = -1;
    /** The current part read directly, in step with {@link #row}, for cells the workers did not work out. */
    private TableReader direct;
    private long rowNumber;
    private volatile boolean closed;

    /** Null when the table has too many columns for the mask of asked columns: read it without this. */
    static TableReader of(TableParts parts, String source) {
        return parts.columns().size() > Long.SIZE ? null : new ReadAheadTableReader(parts, source);
    }

    private ReadAheadTableReader(TableParts parts, String source) {
        this.parts = parts;
        this.source = source;
        this.ahead = new PartsAhead<>(parts.count(), this::readAhead);
    }

    @Override
    public List<Column> columns() {
        return parts.columns();
    }

    @Override
    public boolean next() throws DataFormatException {
        if (closed) {
            return false;
        }
        while (cells == null || ++row >= cells.length) {
            if (!nextPart()) {
                close();
                return false;
            }
        }
        if (!direct.next()) {
            throw new IllegalStateException(source + ": part " + currentPart + " has fewer rows than read ahead");
        }
        rowNumber++;
        return true;
    }

    /** Moves to the next part, which the workers have read ahead; false after the last. */
    private boolean nextPart() throws DataFormatException {
        try {
            cells = ahead.next();
        } catch (IOException e) {
            throw new IllegalStateException(source + ": " + e.getMessage(), e);
        }
        if (cells == null) {
            return false;
        }
        currentPart++;
        row = -1;
        if (direct != null) {
            direct.close();
        }
        direct = parts.part().apply(currentPart);
        return true;
    }

    /** The cells of a part's rows in the columns asked for when each row is worked out. */
    private Object[][] readAhead(int part) throws DataFormatException {
        try (TableReader reader = parts.part().apply(part)) {
            int columns = reader.columns().size();
            List<Object[]> rows = new ArrayList<>();
            while (reader.next() && !closed) {
                long mask = asked;
                Object[] values = new Object[columns];
                for (int column = 0; column < columns; column++) {
                    values[column] = (mask & 1L << column) != 0 ? reader.value(column) : NOT_READ;
                }
                rows.add(values);
            }
            return rows.toArray(new Object[0][]);
        }
    }

    @Override
    public Object value(int columnIndex) {
        if (cells == null || row < 0 || row >= cells.length || closed) {
            throw new IllegalStateException(source + ": no current row; call next() first");
        }
        long bit = 1L << columnIndex;
        if ((asked & bit) == 0) {
            asked |= bit; // only this thread writes
        }
        Object value = cells[row][columnIndex];
        return value == NOT_READ ? direct.value(columnIndex) : value;
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
        closed = true;
        ahead.close();
        if (direct != null) {
            direct.close();
            direct = null;
        }
    }
}
