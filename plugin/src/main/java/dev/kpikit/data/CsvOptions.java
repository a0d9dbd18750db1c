package dev.kpikit.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
 * @param encoding         the character set the file is saved in; null for UTF-8 (a byte order mark
 *                         first is skipped)
 */
public record CsvOptions(Character delimiter, Character decimalSeparator, Map<String, ColumnType> declaredTypes,
        int inferenceRows, Charset encoding) {

    public static final int DEFAULT_INFERENCE_ROWS = 100;

    public CsvOptions {
        if (delimiter != null && (delimiter == '"' || delimiter == '\r' || delimiter == '\n')) {
            throw new IllegalArgumentException("a CSV delimiter cannot be a quote or a line break");
        }
        requireDecimalSeparator(decimalSeparator);
        if (inferenceRows < 1) {
            throw new IllegalArgumentException("inferenceRows must be at least 1, not " + inferenceRows);
        }
        declaredTypes = declaredTypes == null ? Map.of() : Map.copyOf(declaredTypes);
        encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
    }

    /** A decimal separator is '.' or ',', or null for one decided from the file. */
    static void requireDecimalSeparator(Character decimalSeparator) {
        if (decimalSeparator != null && decimalSeparator != '.' && decimalSeparator != ',') {
            throw new IllegalArgumentException("the decimal separator must be '.' or ',', not '" + decimalSeparator + "'");
        }
    }

    /** Detected delimiter and decimal separator, inferred types from the first 100 rows, UTF-8. */
    public static CsvOptions defaults() {
        return new CsvOptions(null, null, Map.of(), DEFAULT_INFERENCE_ROWS, null);
    }

    public CsvOptions withDelimiter(Character delimiter) {
        return new CsvOptions(delimiter, decimalSeparator, declaredTypes, inferenceRows, encoding);
    }

    public CsvOptions withDecimalSeparator(Character decimalSeparator) {
        return new CsvOptions(delimiter, decimalSeparator, declaredTypes, inferenceRows, encoding);
    }

    public CsvOptions withDeclaredTypes(Map<String, ColumnType> declaredTypes) {
        return new CsvOptions(delimiter, decimalSeparator, declaredTypes, inferenceRows, encoding);
    }

    public CsvOptions withInferenceRows(int inferenceRows) {
        return new CsvOptions(delimiter, decimalSeparator, declaredTypes, inferenceRows, encoding);
    }

    public CsvOptions withEncoding(Charset encoding) {
        return new CsvOptions(delimiter, decimalSeparator, declaredTypes, inferenceRows, encoding);
    }
}
