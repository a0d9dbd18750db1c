package dev.kpikit.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A table cut into parts of consecutive rows, each read by a reader of its own: a writer can read and format the
 * parts on every core at once and still put them out in order.
 *
 * @param columns the columns of every part
 * @param count   number of parts
 * @param part    the reader of part {@code 0 <= i < count}, a new one at each call
 */
public record TableParts(List<Column> columns, int count, IntFunction<TableReader> part) {

    /**
     * The same rows with only the named columns, in the order named. Readers that compute a value when it is asked
     * (the scored accounts) then compute only those.
     *
     * @throws IllegalArgumentException as {@link #indexes}
     */
    public TableParts select(List<String> names) {
        int[] indexes = indexes(columns, names);
        List<Column> selected = Arrays.stream(indexes).mapToObj(columns::get).toList();
        return new TableParts(selected, count, i -> new Selected(part.apply(i), selected, indexes));
    }

    /**
     * Where the named columns are among {@code columns}, in the order named.
     *
     * @throws IllegalArgumentException naming a column that is not there (and the ones that are), a column named
     *                                  twice, or none
     */
    public static int[] indexes(List<Column> columns, List<String> names) {
        List<String> known = columns.stream().map(Column::name).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no column named; expected one or more of " + String.join(", ", known));
        }
        int[] indexes = new int[names.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            indexes[i] = known.indexOf(name);
            if (indexes[i] < 0) {
                throw new IllegalArgumentException("no column '" + name + "'; expected one or more of " + String.join(", ", known));
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("column '" + name + "' named twice");
            }
        }
        return indexes;
    }

    /** A part's reader seen through the selected columns. */
    private record Selected(TableReader rows, List<Column> columns, int[] indexes) implements TableReader {

        @Override
        public boolean next() throws DataFormatException {
            return rows.next();
        }

        @Override
        public Object value(int columnIndex) {
            return rows.value(indexes[columnIndex]);
        }

        @Override
        public String source() {
            return rows.source();
        }

        @Override
        public long rowNumber() {
            return rows.rowNumber();
        }

        @Override
        public String rowWord() {
            return rows.rowWord();
        }

        @Override
        public void close() {
            rows.close();
        }
    }
}
