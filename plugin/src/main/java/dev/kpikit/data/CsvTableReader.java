package dev.kpikit.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a CSV file (UTF-8 with or without byte order mark, or the encoding the options name) whose first line names the
 * columns. Undeclared column types are inferred from the first rows, read in a first pass;
 * the rows are then streamed in a second pass, so no more than one row is held at a time.
 * Blank lines are skipped, and so, after the header, are rows of empty cells only ({@code ,,}: Excel writes one for a
 * row whose cells were cleared or only formatted); {@link #rowNumber()} is the line a row starts on. A first line {@code sep=;} (Excel's
 * separator hint, also with ',', a tab or '|') sets the delimiter and is skipped: the header is the next line, and line
 * numbers still count the hint's.
 */
public final class CsvTableReader extends CurrentRowReader {

    private static final String DELIMITERS = ",;\t|";
    /** Excel's separator hint as a first line, as Excel writes and reads it; the scanner reads it the same way. */
    static final String HINT = "sep=";
    private static final Pattern COMMA_DECIMAL = Pattern.compile("-?\\d+,\\d+");
    private static final Pattern DOT_DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

    private final Records records;
    private final List<Column> columns;
    private final CellText cells;
    private final char delimiter;
    /** How the decimal separator was decided, for the hint on a number written with the other one. */
    private final DecimalsSeen decimals;
    /** By column: whether a number such as 1.234 is refused, as it may mean 1234 (see {@link #ambiguousPoints}). */
    private final boolean[] ambiguousPoints;
    private final List<TextRow> firstRows;

    private CsvTableReader(Records records, List<Column> columns, CellText cells, char delimiter, DecimalsSeen decimals,
                           boolean[] ambiguousPoints, List<TextRow> firstRows) {
        this.firstRows = firstRows;
        this.records = records;
        this.columns = columns;
        this.cells = cells;
        this.delimiter = delimiter;
        this.decimals = decimals;
        this.ambiguousPoints = ambiguousPoints;
    }

    /**
     * Opens a CSV file and types its columns.
     *
     * @throws java.nio.file.NoSuchFileException naming the full path when the file is missing
     * @throws DataFormatException               when the file is empty, its header is unusable or
     *                                           its sample rows are not valid CSV
     */
    public static CsvTableReader open(Path file, CsvOptions options) throws IOException, DataFormatException {
        String source = DataFiles.name(file);
        Charset encoding = options.encoding();
        requireNotUtf16WithoutMark(file, source, encoding);
        String firstLine = firstLine(file, source, encoding);
        Character hint = separatorHint(firstLine, source);
        // a delimiter set by the user wins over the file's hint, whose line is skipped all the same
        char delimiter = options.delimiter() != null ? options.delimiter() : hint != null ? hint : detectDelimiter(firstLine);
        boolean hinted = hint != null;
        List<String> names;
        List<List<String>> sample = new ArrayList<>();
        List<Long> sampleLines = new ArrayList<>();
        try (Records records = Records.open(file, source, delimiter, encoding, hinted)) {
            names = Schema.names(records.header, source);
            List<String> row;
            while (sample.size() < options.inferenceRows() && (row = records.next()) != null) {
                sample.add(row);
                sampleLines.add(records.line);
            }
        }
        DecimalsSeen decimals = DecimalsSeen.of(delimiter, options.decimalSeparator(), sample, sampleLines, names);
        CellText cells = new CellText(decimals.separator());
        List<Column> columns = Schema.columns(source, names, options.declaredTypes(), sample, cells);
        // A second pass streams the rows, so that a large file is never held in memory.
        return new CsvTableReader(Records.open(file, source, delimiter, encoding, hinted), columns, cells, delimiter, decimals,
                ambiguousPoints(decimals, columns, sample), TextRow.first(sample, sampleLines));
    }

    @Override
    public List<TextRow> firstRows() {
        return firstRows;
    }

    /**
     * The decimal columns where a point followed by three digits is refused: in a file separated by ';' or tabs, whose
     * decimal separator was not set, where decimal commas are the custom and a point may separate thousands, 1.234 and
     * 12.500 may be 1234 and 12500. Read as 1.234 and 12.5 they would be a thousand times too small, and nothing
     * would say so. A column whose first rows show a decimal point (a point followed by one, two or more than three
     * digits, or after a 0) reads them as decimals.
     */
    private static boolean[] ambiguousPoints(DecimalsSeen decimals, List<Column> columns, List<List<String>> sample) {
        boolean[] ambiguous = new boolean[columns.size()];
        if (decimals.delimiter() == ',' || decimals.set() != null || decimals.separator() != '.') {
            return ambiguous; // a comma cannot separate decimals, the separator is set, or points are read as thousands
        }
        for (int i = 0; i < ambiguous.length; i++) {
            int column = i;
            ambiguous[i] = columns.get(i).type() == ColumnType.DECIMAL && sample.stream()
                    .map(row -> column < row.size() ? CellText.strip(row.get(column)) : "")
                    .noneMatch(cell -> DOT_DECIMAL.matcher(cell).matches() && !CellText.pointMayGroupThousands(cell));
        }
        return ambiguous;
    }

    /**
     * A byte-level scanner of this file's rows with this reader's delimiter, decimal separator and column types, for
     * tables of millions of rows; null when the file is not plain enough for one (see {@link CsvScanner}). Whatever it
     * does not handle, this reader reads: its rows are still unread.
     */
    CsvScanner scanner() throws IOException {
        return CsvScanner.of(records.file, records.encoding, delimiter, cells, columns, ambiguousPoints);
    }

    /** The file's first line, after a byte order mark; null for an empty file. */
    private static String firstLine(Path file, String source, Charset encoding) throws IOException, DataFormatException {
        try (BufferedReader reader = DataFiles.openText(file, encoding)) {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw undecodable(file, source, encoding, e);
        }
    }

    /**
     * The delimiter Excel's separator hint names when the first line is one ({@code sep=;}, any case), else null; a
     * hint naming a character kpikit does not split on is refused rather than read as a header.
     */
    static Character separatorHint(String firstLine, String source) throws DataFormatException {
        // ASCII only, as the scanner compares bytes (regionMatches ignoring case would take a long s for an s)
        if (firstLine == null || firstLine.length() != HINT.length() + 1
                || !firstLine.substring(0, HINT.length()).toLowerCase(Locale.ROOT).equals(HINT)) {
            return null;
        }
        char named = firstLine.charAt(HINT.length());
        if (DELIMITERS.indexOf(named) < 0) {
            throw new DataFormatException(source + ", line 1: the separator hint '" + firstLine + "' names a separator kpikit"
                    + " does not read; write sep=, or sep=; (or a tab or | after sep=), or remove the line", source, 1, null);
        }
        return named;
    }

    /** The candidate delimiter that splits the header line most often; ',' if none does. */
    private static char detectDelimiter(String header) {
        char best = DELIMITERS.charAt(0);
        long bestCount = 0;
        for (char candidate : DELIMITERS.toCharArray()) {
            long count = header == null ? 0 : countOutsideQuotes(header, candidate);
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static long countOutsideQuotes(String line, char c) {
        long count = 0;
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                count++;
            }
        }
        return count;
    }

    /** A cell written with a decimal point or comma in the first rows, where it is. */
    private record Seen(long line, String column, String text) {
    }

    /**
     * The decimal separator and why: set by the options, or ',' when the cells cannot be split by it (another
     * delimiter) and the first rows write decimals with a comma and never with a point, as European spreadsheets
     * export them; '.' otherwise.
     *
     * @param point the first cell with a decimal point, null if none
     * @param comma the first cell with a decimal comma, null if none
     */
    private record DecimalsSeen(char delimiter, Character set, Seen point, Seen comma) {

        static DecimalsSeen of(char delimiter, Character set, List<List<String>> sample, List<Long> lines, List<String> names) {
            Seen point = null;
            Seen comma = null;
            for (int r = 0; r < sample.size() && (point == null || comma == null); r++) {
                List<String> row = sample.get(r);
                for (int c = 0; c < row.size(); c++) {
                    String value = CellText.strip(row.get(c));
                    String name = c < names.size() ? names.get(c) : "column_" + (c + 1);
                    if (point == null && DOT_DECIMAL.matcher(value).matches()) {
                        point = new Seen(lines.get(r), name, value);
                    } else if (comma == null && COMMA_DECIMAL.matcher(value).matches()) {
                        comma = new Seen(lines.get(r), name, value);
                    }
                }
            }
            return new DecimalsSeen(delimiter, set, point, comma);
        }

        char separator() {
            if (set != null) {
                return set;
            }
            return delimiter != ',' && point == null && comma != null ? ',' : '.';
        }

        /** How this file writes decimals, for the hint on a number in {@code column} written with the other separator. */
        DataFormatException.Decimals hints(String column) {
            char separator = separator();
            if (set == null && delimiter == ',') {
                return DataFormatException.Decimals.COMMA_SEPARATED;
            }
            Seen evidence = separator == '.' ? point : comma;
            String kind = separator == '.' ? "point" : "comma";
            return new DataFormatException.Decimals(separator, found -> {
                String written = found.replace(separator == '.' ? ',' : '.', separator);
                if (set != null) {
                    return "the decimal separator is set to a " + kind + ": write " + written;
                }
                if (evidence == null) {
                    return "the file's first rows have no decimal comma, so a point is its decimal separator: write " + written;
                }
                // Say what was seen rather than convert: in a column of 12,5 and 1.234 the point may group thousands
                String where = "'" + evidence.text() + "' on line " + evidence.line();
                return (evidence.column().equals(column) ? "the column mixes decimal commas and points (" + where + ")"
                        : "column '" + evidence.column() + "' has a decimal " + kind + " (" + where + ")")
                        + ": write every decimal of the file with one separator, and no thousands separators";
            });
        }
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean next() throws DataFormatException {
        List<String> record = records.next();
        if (record == null) {
            current(null);
            return false;
        }
        long line = records.line;
        if (record.size() != columns.size()) {
            throw new DataFormatException(source() + ", line " + line + ": expected " + columns.size()
                    + " cells as in the header, found " + record.size(), source(), line, null);
        }
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            Column column = columns.get(i);
            try {
                values[i] = cells.parse(record.get(i), column.type());
                if (ambiguousPoints[i] && values[i] != null && CellText.pointMayGroupThousands(CellText.strip(record.get(i)))) {
                    throw ambiguousPoint(line, i, CellText.strip(record.get(i)));
                }
            } catch (IllegalArgumentException e) {
                String where = source() + ", line " + line + ", column '" + column.name() + "' (" + (i + 1) + ")";
                throw new DataFormatException(where + ": " + DataFormatException.unexpected(column.type().description(),
                        record.get(i), decimals.hints(column.name()), column.name()), source(), line, column.name());
            }
        }
        current(values);
        return true;
    }

    private DataFormatException ambiguousPoint(long line, int index, String found) {
        String column = columns.get(index).name();
        String thousands = found.replace(".", "");
        String separated = delimiter == '\t' ? "tabs" : "'" + delimiter + "'";
        return new DataFormatException(source() + ", line " + line + ", column '" + column + "' (" + (index + 1) + "): '"
                + found + "' could be " + found + " or " + thousands + " (in a file separated by " + separated
                + " a point may separate thousands, and no number in the column's first rows shows it is a decimal point);"
                + " write " + thousands + " without the thousands separator, or " + found + "0 for the decimal, or say which the"
                + " file uses: --decimal-separator point|comma, the data source's decimalSeparator property, a schedule's decimalSeparator, the report server's Decimal separator",
                source(), line, column);
    }

    @Override
    public String source() {
        return records.source;
    }

    @Override
    public String rowWord() {
        return "line";
    }

    @Override
    public long rowNumber() {
        return records.line;
    }

    @Override
    public void close() {
        records.close();
    }

    /**
     * Refuses UTF-16 text without a byte order mark when UTF-8 is expected: it decodes without an error, and the zero
     * bytes between its letters would then make every column name unlike the one the user sees.
     */
    private static void requireNotUtf16WithoutMark(Path file, String source, Charset encoding) throws IOException, DataFormatException {
        if (!encoding.equals(StandardCharsets.UTF_8)) {
            return; // a declared encoding is taken as it is
        }
        DataFiles.requireExists(file);
        if (DataFiles.textEncoding(file, encoding).equals(encoding)) { // no UTF-16 byte order mark, which is read
            Charset utf16 = DataFiles.utf16WithoutMark(file);
            if (utf16 != null) {
                throw new DataFormatException(source + ": the file is not UTF-8 text: it looks like " + utf16.name()
                        + " without a byte order mark (a zero byte beside each letter); " + saveAsUtf8(utf16.name()), source, 0, null);
            }
        }
    }

    /** How to make a file readable that is not UTF-8 text, with the encoding it is, or may be, saved in. */
    private static String saveAsUtf8(String encoding) {
        return "save it as CSV UTF-8 (in Excel: Save As, \"CSV UTF-8\"), or set the encoding it is saved in, "
                + encoding + " (the data source's 'encoding' property, the command line's --encoding, a schedule's 'encoding')";
    }

    /** Names the line and byte of the first fault: the decoder reads ahead, so where it failed says little. */
    private static DataFormatException undecodable(Path file, String source, Charset declared, CharacterCodingException e) {
        DataFiles.Undecodable fault;
        Charset encoding;
        try {
            encoding = DataFiles.textEncoding(file, declared); // UTF-16 when its byte order mark says so
            fault = DataFiles.firstUndecodable(file, encoding);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(source + ": " + unreadable.getMessage(), unreadable);
        }
        long line = fault == null ? 0 : fault.line();
        String where = fault == null ? "" : ", " + fault.where();
        String advice = encoding.equals(StandardCharsets.UTF_8)
                ? "the file is not UTF-8 text; " + saveAsUtf8("such as windows-1252")
                : "the file is not " + encoding.name() + " text; set the encoding it is saved in";
        return new DataFormatException(source + where + ": " + advice, source, line, null, e);
    }

    /**
     * The CSV records of a file after its header, each with the line it starts on, as the texts of its cells: a cell
     * Excel wrote as {@code ="007"} is the text it holds (see {@link CellText#excelText}), for every use of the cell
     * alike (the header, type inference, the decimal separator, the values).
     */
    private static final class Records implements AutoCloseable {

        private final CSVParser parser;
        private final Iterator<CSVRecord> iterator;
        private final Path file;
        private final Charset encoding;
        private final String source;
        private List<String> header;
        /** Whether the header has been read: from then on a record of blank cells only is skipped as a blank line is. */
        private boolean afterHeader;
        /** The line the last record read starts on. */
        private long line;

        private Records(CSVParser parser, Path file, Charset encoding, String source) {
            this.parser = parser;
            this.file = file;
            this.encoding = encoding;
            this.iterator = parser.iterator();
            this.source = source;
        }

        static Records open(Path file, String source, char delimiter, Charset encoding, boolean hinted)
                throws IOException, DataFormatException {
            // Empty lines are read (and skipped below) rather than ignored by the parser, which
            // would then not count them in the line numbers.
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
            Records records = new Records(CSVParser.builder().setReader(DataFiles.openText(file, encoding)).setFormat(format).get(), file, encoding, source);
            try {
                if (hinted) {
                    records.next(); // the separator hint on line 1; the parser still counts it in the line numbers
                }
                List<String> header = records.next();
                if (header == null) {
                    throw new DataFormatException(source + (hinted
                            ? " has only the separator hint (sep=) on line 1; its next line must name the columns"
                            : " is empty; its first line must name the columns"), source, 0, null);
                }
                records.header = header;
                records.afterHeader = true;
                return records;
            } catch (DataFormatException | RuntimeException e) {
                records.close();
                throw e;
            }
        }

        /** The next record that is not a blank line (after the header: nor empty cells only), or null at the end of the file. */
        List<String> next() throws DataFormatException {
            while (true) {
                // The parser counts the line breaks it has read: the next record starts after them.
                long start = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!iterator.hasNext()) {
                        return null;
                    }
                    record = iterator.next();
                } catch (UncheckedIOException e) {
                    throw problem(e.getCause(), start);
                }
                line = start;
                List<String> cells = cells(record);
                if (!isBlank(cells)) {
                    return cells;
                }
            }
        }

        private static List<String> cells(CSVRecord record) {
            String[] cells = new String[record.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = CellText.excelText(record.get(i));
            }
            return Arrays.asList(cells);
        }

        private boolean isBlank(List<String> cells) {
            if (!afterHeader) {
                return cells.size() == 1 && CellText.isBlank(cells.get(0)); // a header of blank names is refused as such
            }
            for (String cell : cells) {
                if (!CellText.isBlank(cell)) {
                    return false;
                }
            }
            return true;
        }

        private DataFormatException problem(IOException e, long start) {
            if (e instanceof CharacterCodingException coding) {
                return undecodable(file, source, encoding, coding);
            }
            if (e instanceof CSVException) {
                return new DataFormatException(source + ", line " + start + ": not valid CSV: " + csvReason(e.getMessage()),
                        source, start, null, e);
            }
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }

        /** commons-csv's reasons, said in the user's terms. */
        private static String csvReason(String message) {
            String text = message == null ? "" : message;
            if (text.contains("EOF reached before encapsulated token finished")) {
                return "a quoted value starts on this line and its closing quote is missing";
            }
            if (text.contains("Invalid character between encapsulated token and delimiter")) {
                return "text follows a closing quote; write a quote inside a quoted value twice (\"\")";
            }
            return text.replaceFirst("^\\(startline \\d+\\) ", "");
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(source + ": " + e.getMessage(), e);
            }
        }
    }
}
