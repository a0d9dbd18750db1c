package dev.kpikit.data;

import java.util.Map;

/**
 * How to type the columns of a JSON or XLSX table.
 *
 * @param declaredTypes column name to type, overriding inference (names match ignoring case)
 * @param inferenceRows how many rows to read to infer the types of undeclared columns
 */
public record TableOptions(Map<String, ColumnType> declaredTypes, int inferenceRows) {

    public TableOptions {
        if (inferenceRows < 1) {
            throw new IllegalArgumentException("inferenceRows must be at least 1, not " + inferenceRows);
        }
        declaredTypes = declaredTypes == null ? Map.of() : Map.copyOf(declaredTypes);
    }

    /** Types inferred from the first 100 rows. */
    public static TableOptions defaults() {
        return new TableOptions(Map.of(), CsvOptions.DEFAULT_INFERENCE_ROWS);
    }

    public TableOptions withDeclaredTypes(Map<String, ColumnType> declaredTypes) {
        return new TableOptions(declaredTypes, inferenceRows);
    }

    public TableOptions withInferenceRows(int inferenceRows) {
        return new TableOptions(declaredTypes, inferenceRows);
    }
}
