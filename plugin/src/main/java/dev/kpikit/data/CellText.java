package dev.kpikit.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads typed values from the text of a cell: whole numbers, exact decimals with a chosen
 * decimal separator, ISO dates and true/false. Surrounding spaces are dropped, as they are
 * never meant and would split one account into two; blank text is an empty cell.
 */
final class CellText {

    static final CellText DOT_DECIMALS = new CellText('.');

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** "007" or "-012": codes such as account numbers, whose zeros a number would lose. */
    private static final Pattern LEADING_ZERO = Pattern.compile("-?0\\d.*");

    private final char decimalSeparator;
    private final Pattern decimal;

    CellText(char decimalSeparator) {
        this.decimalSeparator = decimalSeparator;
        this.decimal = Pattern.compile("-?\\d*" + Pattern.quote(String.valueOf(decimalSeparator)) + "?\\d+");
    }

    char decimalSeparator() {
        return decimalSeparator;
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
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
        String value = text.strip();
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
        String value = text.strip();
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

    private static Long parseInteger(String value) {
        if (!INTEGER.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
        }
        return Long.valueOf(value); // NumberFormatException (an IllegalArgumentException) beyond long
    }

    private BigDecimal parseDecimal(String value) {
        if (!decimal.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
        }
        return new BigDecimal(value.replace(decimalSeparator, '.'));
    }

    private static LocalDate parseDate(String value) {
        if (!ISO_DATE.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(value, e);
        }
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
