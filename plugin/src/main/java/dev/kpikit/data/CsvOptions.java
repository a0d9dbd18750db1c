package dev.kpikit.data;

import java.util.Map;

/**
 * How to read a CSV file.
 *
 * @param delimiter        the cell delimiter; null to detect it from the header line among
 *                         {@code , ; tab |}
 * @param decimalSeparator '.' or ','; null for '.' unless the file uses another delimiter than
 *                         ',' and its sample has decimals like {@code 1234,56} and none like
 *                         {@code 1234.56}
 * @param declaredTypes    column name to type, overriding inference (names match ignoring case)
 * @param inferenceRows    how many rows to read to infer the types of undeclared columns
 */
public record CsvOptions(Character delimiter, Character decimalSeparator, Map<String, ColumnType> declaredTypes,
        int inferenceRows) {

    public static final int DEFAULT_INFERENCE_ROWS = 100;

    public CsvOptions {
        if (delimiter != null && (delimiter == '"' || delimiter == '\r' || delimiter == '\n')) {
            throw new IllegalArgumentException("a CSV delimiter cannot be a quote or a line break");
        }
        if (decimalSeparator != null && decimalSeparator != '.' && decimalSeparator != ',') {
            throw new IllegalArgumentException("the decimal separator must be '.' or ',', not '" + decimalSeparator + "'");
        }
        if (inferenceRows < 1) {
            throw new IllegalArgumentException("inferenceRows must be at least 1, not " + inferenceRows);
        }
        declaredTypes = declaredTypes == null ? Map.of() : Map.copyOf(declaredTypes);
    }

    /** Detected delimiter and decimal separator, inferred types from the first 100 rows. */
    public static CsvOptions defaults() {
        return new CsvOptions(null, null, Map.of(), DEFAULT_INFERENCE_ROWS);
    }

    public CsvOptions withDelimiter(Character delimiter) {
        return new CsvOptions(delimiter, decimalSeparator, declaredTypes, inferenceRows);
    }

    public CsvOptions withDecimalSeparator(Character decimalSeparator) {
        return new CsvOptions(delimiter, decimalSeparator, declaredTypes, inferenceRows);
    }

    public CsvOptions withDeclaredTypes(Map<String, ColumnType> declaredTypes) {
        return new CsvOptions(delimiter, decimalSeparator, declaredTypes, inferenceRows);
    }

    public CsvOptions withInferenceRows(int inferenceRows) {
        return new CsvOptions(delimiter, decimalSeparator, declaredTypes, inferenceRows);
    }
}
