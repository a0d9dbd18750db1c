package dev.kpikit.data;

/**
 * What every reader keeps of the row {@link #next()} moved to: its values, parsed once, and the refusal of
 * {@link #value} before the first row or after the last. A reader sets the row with {@link #current}; a cell given
 * as a {@link LazyValue}, or as {@link #NOT_COMPUTED} (then {@link #compute} gives it), is computed when it is first
 * read, and kept for the rest of the row.
 */
abstract class CurrentRowReader implements TableReader {

    /** A cell of the current row that {@link #compute} works out when it is first read. */
    protected static final Object NOT_COMPUTED = new Object();

    private Object[] current;

    /** Makes {@code values} (one per column, of its type's class) the current row; null when there is none. */
    protected final void current(Object[] values) {
        current = values;
    }

    @Override
    public final Object value(int columnIndex) {
        if (current == null) {
            throw new IllegalStateException(source() + ": no current row; call next() first");
        }
        Object value = current[columnIndex];
        if (value == NOT_COMPUTED) {
            value = compute(columnIndex);
            current[columnIndex] = value;
        }
        if (value instanceof LazyValue lazy) {
            value = lazy.get();
            current[columnIndex] = value;
        }
        return value;
    }

    /** The value of a cell of the current row given as {@link #NOT_COMPUTED}; only a reader that gives such cells has one. */
    protected Object compute(int columnIndex) {
        throw new IllegalStateException(source() + ": column " + columnIndex + " has no value to compute");
    }
}
