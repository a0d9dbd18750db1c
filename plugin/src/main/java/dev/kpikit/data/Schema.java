package dev.kpikit.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Column names and types of a file table, from its header and a sample of its rows. */
final class Schema {

    private Schema() {
    }

    /**
     * Column names from a header row, stripped of spaces. A blank header cell is named
     * {@code column_N} (1-based) so that trailing delimiters do not stop a file from being read;
     * two columns with the same name (ignoring case) would make lookups by name ambiguous.
     */
    static List<String> names(List<String> header, String source) throws DataFormatException {
        List<String> names = new ArrayList<>(header.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = CellText.isBlank(header.get(i)) ? "column_" + (i + 1) : CellText.strip(header.get(i));
            Integer earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
            if (earlier != null) {
                throw new DataFormatException(source + ": the header names column '" + name + "' twice (columns "
                        + (earlier + 1) + " and " + (i + 1) + ")", source, 0, name);
            }
            names.add(name);
        }
        return names;
    }

    /**
     * The columns, typed as declared or else inferred from the sample rows (cells as text,
     * in column order; a short row counts as blank cells).
     */
    static List<Column> columns(String source, List<String> names, Map<String, ColumnType> declared,
            List<List<String>> sample, CellText cells) throws DataFormatException {
        Map<String, ColumnType> declaredByName = declaredByName(source, names, declared);
        List<Column> columns = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            ColumnType type = declaredByName.get(name);
            if (type == null) {
                TypeGuess guess = new TypeGuess(cells);
                for (List<String> row : sample) {
                    guess.add(i < row.size() ? row.get(i) : null);
                }
                type = guess.type();
            }
            columns.add(new Column(name, type));
        }
        return List.copyOf(columns);
    }

    /** Declared types keyed by the table's own column names; a name may differ in case. */
    private static Map<String, ColumnType> declaredByName(String source, List<String> names,
            Map<String, ColumnType> declared) throws DataFormatException {
        Map<String, ColumnType> byName = new HashMap<>();
        for (Map.Entry<String, ColumnType> entry : declared.entrySet()) {
            String name = names.contains(entry.getKey()) ? entry.getKey()
                    : names.stream().filter(n -> n.equalsIgnoreCase(entry.getKey())).findFirst().orElse(null);
            if (name == null) {
                throw new DataFormatException(source + ": a type is declared for column '" + entry.getKey()
                        + "', which the table does not have; found: " + listNames(names),
                        source, 0, entry.getKey());
            }
            byName.put(name, entry.getValue());
        }
        return byName;
    }

    /** "date, account_id": the names of columns, for messages. */
    static String list(List<Column> columns) {
        return listNames(columns.stream().map(Column::name).toList());
    }

    private static final int MAX_LISTED = 12;
    private static final int MAX_NAME = 30;

    /**
     * Column names for a message, cut to a dozen short names: enough to spot a misnamed column, not the whole
     * first line of a file that is not a table at all.
     */
    static String listNames(List<String> names) {
        List<String> shown = names.stream().limit(MAX_LISTED)
                .map(name -> name.length() > MAX_NAME ? name.substring(0, MAX_NAME) + "..." : name).toList();
        return String.join(", ", shown) + (names.size() > MAX_LISTED ? " (and " + (names.size() - MAX_LISTED) + " more)" : "");
    }
}
