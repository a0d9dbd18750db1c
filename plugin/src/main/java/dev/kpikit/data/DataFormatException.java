package dev.kpikit.data;

/**
 * A table's content is not what kpikit can read. The message says where (file, line or row,
 * column), what was found and what was expected, so that a user can fix the data:
 * {@code revenue.csv, line 7, column 'amount' (3): expected a decimal number, found '12,3x'}.
 */
public class DataFormatException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final int MAX_SHOWN = 60;

    private final String source;
    private final long line;
    private final String column;

    /**
     * @param source the file (or query) the problem is in
     * @param line   the line or row number, 0 when the problem is not on one line
     * @param column the column name, null when the problem is not in one column
     */
    public DataFormatException(String message, String source, long line, String column) {
        this(message, source, line, column, null);
    }

    public DataFormatException(String message, String source, long line, String column, Throwable cause) {
        super(message, cause);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public String source() {
        return source;
    }

    /** The line or row number, 0 when the problem is not on one line. */
    public long line() {
        return line;
    }

    /** The column name, null when the problem is not in one column. */
    public String column() {
        return column;
    }

    /** "expected {expected}, found '{found}'", with very long text cut short. */
    static String unexpected(String expected, String found) {
        String shown = found.length() <= MAX_SHOWN ? found : found.substring(0, MAX_SHOWN) + "...";
        return "expected " + expected + ", found '" + shown + "'";
    }
}
