package dev.kpikit.data;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Reads typed values from the text of a cell: whole numbers, exact decimals with a chosen
 * decimal separator, ISO dates and true/false. Surrounding spaces are dropped, as they are
 * never meant and would split one account into two: white space as {@link String#strip()} drops it and the no-break
 * spaces (U+00A0, U+2007, U+202F) that text copied from web pages, PDFs and accounting systems carries after a number or
 * a name; blank text is an empty cell.
 */
final class CellText {

    static final CellText DOT_DECIMALS = new CellText('.');

    /** "007" or "-012": codes such as account numbers, whose zeros a number would lose. */
    private static final Pattern LEADING_ZERO = Pattern.compile("-?0\\d.*");
    /** Midnight as a time of day: 00:00, 00:00:00, 00:00:00.000. */
    private static final Pattern MIDNIGHT = Pattern.compile("00:00(:00(\\.0+)?)?");

    private final char decimalSeparator;

    CellText(char decimalSeparator) {
        this.decimalSeparator = decimalSeparator;
    }

    char decimalSeparator() {
        return decimalSeparator;
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank() || strip(text).isEmpty();
    }

    /** Whether a cell's text drops the character at its start and end: white space, or a no-break space. */
    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }

    /** The text without the spaces around it, as a cell's value is read (see {@link #isSpace}). */
    static String strip(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && isSpace(text.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(text.charAt(to - 1))) {
            to--;
        }
        return from == 0 && to == text.length() ? text : text.substring(from, to);
    }

    /**
     * The text a CSV cell holds when Excel's way of keeping a text as it is wrote it as a formula: {@code ="007"} (so
     * that no spreadsheet drops the zeros or reads a code as a number) holds {@code 007}, the text between the quotes,
     * a quote in it written twice; {@code =""} holds nothing. Any other cell, a real formula such as {@code =A1+B2} or
     * {@code ="A"&"B"} included, is its text as it is. Spaces around the formula are dropped as around any cell; the
     * text inside is then read as any cell's text is.
     */
    static String excelText(String text) {
        int first = 0;
        while (first < text.length() && isSpace(text.charAt(first))) {
            first++;
        }
        if (first == text.length() || text.charAt(first) != '=') {
            return text; // every other cell: one look at its first character
        }
        String formula = strip(text);
        int close = formula.length() - 1;
        if (close < 2 || formula.charAt(1) != '"' || formula.charAt(close) != '"') {
            return text;
        }
        StringBuilder value = new StringBuilder(close - 2);
        for (int i = 2; i < close; i++) {
            char c = formula.charAt(i);
            if (c == '"' && (i + 1 == close || formula.charAt(++i) != '"')) {
                return text; // a quote that ends the text before the formula does: ="A"&"B"
            }
            value.append(c);
        }
        return value.toString();
    }

    /**
     * The value of a cell in a column of the given type, null for a blank cell.
     *
     * @throws IllegalArgumentException if the text is not a value of the type
     */
    Object parse(String text, ColumnType type) {
        if (isBlank(text)) {
            return null;
        }
        String value = strip(text);
        return switch (type) {
            case STRING -> value;
            case INTEGER -> parseInteger(value);
            case DECIMAL -> parseDecimal(value);
            case DATE -> parseDate(value);
            case BOOLEAN -> parseBoolean(value);
        };
    }

    /**
     * Whether type inference takes the (non-blank) text for a value of the type. Stricter than
     * {@link #parse}: numbers with leading zeros are codes, so their column stays text.
     */
    boolean looksLike(String text, ColumnType type) {
        String value = strip(text);
        if ((type == ColumnType.INTEGER || type == ColumnType.DECIMAL) && LEADING_ZERO.matcher(value).matches()) {
            return false;
        }
        try {
            parse(value, type);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // The shapes below are checked by hand, not by regular expressions: they run for every cell of tables with
    // millions of rows. CellTextPropertyTest holds the same shapes as regular expressions and compares.

    private static Long parseInteger(String value) {
        if (!isNumber(value, '\0')) { // "-?\d+"
            throw new IllegalArgumentException(value);
        }
        return Long.valueOf(value); // NumberFormatException (an IllegalArgumentException) beyond long
    }

    private BigDecimal parseDecimal(String value) {
        if (!isNumber(value, decimalSeparator)) { // "-?\d*" + separator + "?\d+"
            throw new IllegalArgumentException(value);
        }
        return new BigDecimal(decimalSeparator == '.' ? value : value.replace(decimalSeparator, '.'));
    }

    /** An optional minus, digits, at most one separator, and at least one digit after it (or at all, without one). */
    private static boolean isNumber(String value, char separator) {
        int i = value.startsWith("-") ? 1 : 0;
        boolean separated = false;
        int digitsAtEnd = 0;
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digitsAtEnd++;
            } else if (c == separator && separator != '\0' && !separated) {
                separated = true;
                digitsAtEnd = 0;
            } else {
                return false;
            }
        }
        return digitsAtEnd > 0;
    }

    /**
     * Whether the (stripped) text is a number a point may split into thousands as well as mark its decimals: 1 to 3
     * digits, not starting with 0, a point and 3 digits ("1.234", "-12.500"). Where decimal commas are the custom,
     * it can be 1234 as well as 1.234; "0.125", "1.25" and "1234.567" cannot.
     */
    static boolean pointMayGroupThousands(String value) {
        int start = value.startsWith("-") ? 1 : 0;
        int point = value.indexOf('.');
        if (point - start < 1 || point - start > 3 || value.length() - point - 1 != 3 || value.charAt(start) == '0') {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            if (i != point && (value.charAt(i) < '0' || value.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * yyyy-MM-dd, a real day of the calendar; also with the time of day midnight after it ({@code T00:00},
     * {@code 2026-12-31 00:00:00.000}), as databases and exporters write a day: the same day, nothing lost.
     */
    private static LocalDate parseDate(String value) {
        if (value.length() > 10 && isMidnight(value)) {
            value = value.substring(0, 10);
        }
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            throw new IllegalArgumentException(value);
        }
        try {
            return LocalDate.of(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(value, e);
        }
    }

    /** Whether a time of day follows the date's ten characters, and is midnight: T00:00, T00:00:00, 00:00:00.000. */
    private static boolean isMidnight(String value) {
        char separator = value.charAt(10);
        return (separator == 'T' || separator == ' ') && MIDNIGHT.matcher(value).region(11, value.length()).matches();
    }

    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(value);
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    private static Boolean parseBoolean(String value) {
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (value.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(value);
    }
}
