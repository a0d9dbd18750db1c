package dev.kpikit.data;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Helpers for working with any {@link TableReader}. */
public final class Tables {

    private Tables() {
    }

    /** Opens a table file with inferred column types; see {@link #open(Path, Map)}. */
    public static TableReader open(Path file) throws IOException, DataFormatException {
        return open(file, Map.of());
    }

    /**
     * Opens a table file with the reader its extension calls for: .csv, .tsv and .txt as CSV
     * (delimiter detected), .json as a JSON array of objects, .xlsx and .xlsm by their first sheet.
     *
     * @param declaredTypes column name to type, overriding inference
     * @throws java.nio.file.NoSuchFileException naming the full path when the file is missing
     * @throws DataFormatException               for another extension, or a file that cannot be read
     */
    public static TableReader open(Path file, Map<String, ColumnType> declaredTypes) throws IOException, DataFormatException {
        return open(file, declaredTypes, StandardCharsets.UTF_8);
    }

    /**
     * Like {@link #open(Path, Map)}, reading CSV text in {@code encoding} (JSON is always Unicode, XLSX
     * says its own).
     */
    public static TableReader open(Path file, Map<String, ColumnType> declaredTypes, Charset encoding)
            throws IOException, DataFormatException {
        return open(file, declaredTypes, CsvReading.DEFAULT.withEncoding(encoding));
    }

    /** Like {@link #open(Path, Map)}, reading CSV text as {@code reading} says (encoding, decimal separator). */
    public static TableReader open(Path file, Map<String, ColumnType> declaredTypes, CsvReading reading)
            throws IOException, DataFormatException {
        DataFiles.requireExists(file);
        String name = DataFiles.name(file);
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        TableOptions options = TableOptions.defaults().withDeclaredTypes(declaredTypes);
        return switch (extension) {
            case "csv", "tsv", "txt" -> CsvTableReader.open(file, reading.applyTo(CsvOptions.defaults().withDeclaredTypes(declaredTypes)));
            case "json" -> JsonTableReader.open(file, options);
            case "xlsx", "xlsm" -> XlsxTableReader.open(file, null, options);
            default -> throw new DataFormatException(name + ": kpikit reads tables from .csv, .tsv, .txt, .json and .xlsx files;"
                    + " save the table in one of these formats", name, 0, null);
        };
    }

    /** The extensions of the files kpikit reads tables from, CSV first: the order a table named without one is looked for. */
    public static final List<String> EXTENSIONS = List.of("csv", "tsv", "txt", "json", "xlsx", "xlsm", JdbcSource.EXTENSION);

    /** Whether kpikit reads tables from a file of this name (by its extension, as {@link #open} chooses a reader). */
    public static boolean isTableFile(Path file) {
        String name = DataFiles.name(file);
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return EXTENSIONS.contains(extension);
    }

    /**
     * The folder's table called {@code baseName} in the first of {@link #EXTENSIONS} there is a file for
     * ({@code metrics.csv}, else {@code metrics.xlsx}, ...); the CSV name when there is none, for the message.
     */
    public static Path named(Path folder, String baseName) {
        for (String extension : EXTENSIONS) {
            Path file = folder.resolve(baseName + "." + extension);
            if (java.nio.file.Files.isRegularFile(file)) {
                return file;
            }
        }
        return folder.resolve(baseName + "." + EXTENSIONS.get(0));
    }

    /**
     * Checks that the table has the named columns (ignoring case), so that a report fails with
     * a message the user can act on rather than deep inside a calculation:
     * {@code revenue.csv: missing column 'amount'; found: date, account_id}.
     */
    public static void requireColumns(TableReader reader, String... names) throws DataFormatException {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (reader.columns().stream().noneMatch(c -> c.name().equalsIgnoreCase(name))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            String what = missing.size() == 1 ? "column '" : "columns '";
            throw withHeaderBelow(new DataFormatException(reader.source() + ": missing " + what + String.join("', '", missing)
                    + "'; found: " + Schema.list(reader.columns()), reader.source(), 0, missing.get(0)), reader,
                    columns -> java.util.Arrays.stream(names).allMatch(name -> columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(name))));
        }
    }

    /**
     * A refusal of a table's header, said again with the line below it that names the columns, when one of the first
     * does ({@code namesColumns} given its cells as columns): a title or notes above the header, as reports exported
     * from accounting tools have. The refusal as it was otherwise.
     */
    static DataFormatException withHeaderBelow(DataFormatException refusal, TableReader reader,
                                               java.util.function.Predicate<List<Column>> namesColumns) {
        for (TableReader.TextRow row : reader.firstRows()) {
            List<Column> columns = row.cells().stream().map(cell -> new Column(CellText.strip(cell), ColumnType.STRING)).toList();
            if (namesColumns.test(columns)) {
                return new DataFormatException(refusal.getMessage() + " (" + reader.rowWord() + " " + row.number()
                        + " names the columns: delete the " + reader.rowWord() + "s above it, a title or notes)",
                        refusal.source(), row.number(), refusal.column());
            }
        }
        return refusal;
    }
}
