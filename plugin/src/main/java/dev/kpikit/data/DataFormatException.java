package dev.kpikit.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table's content is not what kpikit can read. The message says where (file, line or row,
 * column), what was found and what was expected, so that a user can fix the data:
 * {@code revenue.csv, line 7, column 'amount' (3): expected a decimal number, found '12,3x'}.
 */
public class DataFormatException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final int MAX_SHOWN = 60;
    /** Thousands separated by a comma, an apostrophe or a space (group 1 set), or by a point (decimal comma). */
    private static final Pattern THOUSANDS = Pattern.compile("[-+]?\\d{1,3}(([,' \u00A0\u202F]\\d{3})+)([.]\\d+)?|[-+]?\\d{1,3}([.]\\d{3})+(,\\d+)?");
    private static final Pattern PARENTHESES = Pattern.compile("\\((.*\\d.*)\\)");
    private static final Pattern TRAILING_MINUS = Pattern.compile("[^-]*\\d\\s*-");
    /** A currency sign ($, €, £, ...) or an ISO code before or after the number. */
    private static final Pattern CURRENCY = Pattern.compile("\\p{Sc}|^[A-Z]{3}(?=[\\s\\d(-])|(?<=[\\s\\d)])[A-Z]{3}$");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ]\\d{1,2}:\\d{2}.*");
    private static final Pattern PLAIN_POINT = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern PLAIN_COMMA = Pattern.compile("-?\\d+(,\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[-+]?\\d+,\\d+");
    private static final Pattern DECIMAL_POINT = Pattern.compile("[-+]?\\d+\\.\\d+");
    private static final Pattern NOT_A_NUMBER = Pattern.compile("(?i)[-+]?(nan|inf|infinity|∞)");
    private static final Pattern EXPONENT = Pattern.compile("[-+]?\\d+(\\.\\d*)?[eE][-+]?\\d+");
    /** Excel's number of a day from 1927 to 2173, as a date column saved without its date format shows it. */
    private static final Pattern EXCEL_DAY_NUMBER = Pattern.compile("[1-9]\\d{4}");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DOTTED_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern SLASHED_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    /** The first cell of a totals line, as spreadsheets and accounting exports label it in kpikit's languages. */
    private static final Pattern TOTALS_ROW = Pattern.compile(
            "(?iu)(grand |sub-?)?(total|totals|sum|gesamt|gesamtsumme|summe|somme|totale|totaal|totalt|suma)\\b.*");

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

    /** "expected {expected}, found '{found}'", with very long text cut short and a hint for numbers written for people. */
    static String unexpected(String expected, String found) {
        return unexpected(expected, found, Decimals.COMMA_SEPARATED, null);
    }

    /**
     * As {@link #unexpected(String, String)}, the hint on a number fitting how its source writes decimals, and on a
     * cell that repeats its column's name (null when there is none).
     */
    static String unexpected(String expected, String found, Decimals decimals, String column) {
        String shown = found.length() <= MAX_SHOWN ? found : found.substring(0, MAX_SHOWN) + "...";
        String value = CellText.strip(found);
        String hint;
        if (value.startsWith("=")) {
            // =A1+B2, =SUM(C2:C9): a sheet saved with its formulas as text; Excel's ="007" is read as the text it holds
            hint = " (a spreadsheet formula, not a value: save or export the sheet with the formulas' values)";
        } else if (value.equalsIgnoreCase(column)) {
            hint = " (the header again: tables put one after the other? delete the repeated header line)";
        } else if (isTotalsLabel(value)) {
            hint = TOTALS_LINE;
        } else {
            hint = (expected.endsWith("number") ? numberHint(value, decimals) : "")
                    + (expected.startsWith("a date") ? dateHint(value) : "");
        }
        return "expected " + expected + ", found '" + shown + "'" + hint;
    }

    /** The hint on a line that spreadsheets and accounting exports add below the rows: their total. */
    static final String TOTALS_LINE = " (a totals line? kpikit adds the rows up itself: delete the line)";

    /** Whether a cell's (stripped) text labels a totals line: Total, Grand total, Summe, Somme, Totale, ... */
    static boolean isTotalsLabel(String text) {
        return TOTALS_ROW.matcher(text).matches();
    }

    private static String numberHint(String found, Decimals decimals) {
        String accounting = accountingHint(found, decimals);
        if (accounting != null) {
            return accounting;
        }
        if (THOUSANDS.matcher(found).matches()) {
            return " (write numbers without thousands separators: 1234567" + decimals.separator() + "89)";
        }
        if (decimals.separator() == '.' ? DECIMAL_COMMA.matcher(found).matches() : DECIMAL_POINT.matcher(found).matches()) {
            return " (" + decimals.otherSeparator().apply(found) + ")";
        }
        if (NOT_A_NUMBER.matcher(found).matches()) {
            return " (NaN and Infinity are no amounts; leave the cell empty when there is no value)";
        }
        if (EXPONENT.matcher(found).matches()) {
            return " (write the number out in digits, without an exponent)";
        }
        return "";
    }

    /**
     * The hint on a date written otherwise than yyyy-MM-dd, with the day to write where the text tells it: a time of
     * day other than midnight (midnight is read as the day), Excel's number of the day, 20260331, 31.01.2026 and
     * 31/01/2026 (01/02/2026 could be either day: both are named).
     */
    private static String dateHint(String found) {
        Matcher dateTime = DATE_TIME.matcher(found);
        if (dateTime.matches()) {
            return " (a day and a time of day; kpikit reads days: write the day alone, " + dateTime.group(1) + ")";
        }
        if (EXCEL_DAY_NUMBER.matcher(found).matches()) {
            // Excel counts days from 1899-12-30 (its day 60 is a 29 February 1900 that never was, long before these)
            return " (Excel's number of the day " + EXCEL_EPOCH.plusDays(Long.parseLong(found))
                    + "? format the column as dates before saving, or write the day as yyyy-MM-dd)";
        }
        List<LocalDate> days = new ArrayList<>();
        Matcher compact = COMPACT_DATE.matcher(found);
        Matcher dotted = DOTTED_DATE.matcher(found);
        Matcher slashed = SLASHED_DATE.matcher(found);
        if (compact.matches()) {
            addDay(days, compact.group(1), compact.group(2), compact.group(3));
        } else if (dotted.matches()) {
            addDay(days, dotted.group(3), dotted.group(2), dotted.group(1));
        } else if (slashed.matches()) {
            addDay(days, slashed.group(3), slashed.group(2), slashed.group(1)); // day/month, as in most of the world
            addDay(days, slashed.group(3), slashed.group(1), slashed.group(2)); // month/day, as in the United States
        }
        return switch (days.stream().distinct().toList()) {
            case List<LocalDate> one when one.size() == 1 -> " (write the day as yyyy-MM-dd: " + one.get(0) + ")";
            case List<LocalDate> two when two.size() == 2 -> " (write the day as yyyy-MM-dd: " + two.get(0) + " or "
                    + two.get(1) + ", as the file means it)";
            default -> "";
        };
    }

    private static void addDay(List<LocalDate> days, String year, String month, String day) {
        try {
            days.add(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            // not a day of the calendar read this way
        }
    }

    /**
     * The hint on an amount as accounting exports write it: negative in parentheses, (123.45), or with the minus after
     * it, 123.45-; with a currency sign or code, $1,234.56, € 1.234,56, 1234.56 EUR; and with it the number to write,
     * when what remains is a number (thousands separators dropped) in the source's decimals. Null for anything else.
     */
    private static String accountingHint(String found, Decimals decimals) {
        String rest = found;
        boolean negative = false;
        Matcher parentheses = PARENTHESES.matcher(rest);
        if (parentheses.matches()) {
            rest = parentheses.group(1).strip();
            negative = true;
        } else if (TRAILING_MINUS.matcher(rest).matches()) {
            rest = rest.substring(0, rest.length() - 1).strip();
            negative = true;
        }
        String withoutCurrency = CURRENCY.matcher(rest).replaceAll("").strip();
        boolean currency = !withoutCurrency.equals(rest);
        rest = withoutCurrency;
        if (!negative && !currency) {
            return null;
        }
        if (rest.startsWith("-") && !negative) { // -$123.45
            rest = rest.substring(1).strip();
            negative = true;
        }
        boolean minusToMove = negative && !found.startsWith("-");
        List<String> without = new ArrayList<>();
        if (currency) {
            without.add("without its currency sign");
        }
        Matcher thousands = THOUSANDS.matcher(rest);
        if (thousands.matches()) {
            without.add("without thousands separators");
            rest = thousands.group(1) != null ? rest.replaceAll("[,' \u00A0\u202F]", "") : rest.replace(".", "");
        }
        String number = (negative ? "-" : "") + rest;
        boolean readable = decimals.separator() == '.' ? PLAIN_POINT.matcher(number).matches() : PLAIN_COMMA.matcher(number).matches();
        String what = (minusToMove ? "a negative amount with a leading minus" : "the amount")
                + (without.isEmpty() ? "" : (minusToMove ? " and " : ", ") + String.join(" and ", without));
        return " (write " + what + (readable ? ": " + number : "") + ")";
    }

    /**
     * How a source writes decimals, so that the hint on a number written with the other separator fits it: a CSV file
     * by its delimiter and first rows, a JSON number, an XLSX cell.
     *
     * @param separator      the decimal separator read, '.' or ','
     * @param otherSeparator the hint for a number found with the other one (such as 12,5), given that number
     */
    record Decimals(char separator, UnaryOperator<String> otherSeparator) {

        /** A CSV file separated by commas, where a decimal comma cannot be told from the delimiter. */
        static final Decimals COMMA_SEPARATED = new Decimals('.', found ->
                "a decimal comma is read in files separated by ';' or tabs; in a comma separated file write 1234.56");
    }
}
