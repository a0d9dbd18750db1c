package dev.kpikit.data;

/**
 * What every reader keeps of the row {@link #next()} moved to: its values, parsed once, and the refusal of
 * {@link #value} before the first row or after the last. A reader sets the row with {@link #current}; a cell given
 * as a {@link LazyValue} is computed when it is first read.
 */
abstract class CurrentRowReader implements TableReader {

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
        if (value instanceof LazyValue lazy) {
            value = lazy.get();
            current[columnIndex] = value;
        }
        return value;
    }
}
