package dev.kpikit.birt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * Converts what BIRT passes to a script function or aggregation (Integer, Double, BigDecimal, String,
 * Boolean, java.sql.Date, Rhino arrays, or null) into the Java types our functions
 * declare. Null always stays null: BIRT calls functions with null arguments (after the
 * last row, for example), and a blank input must give a blank result, not an error.
 */
public final class Values {

    private Values() {
    }

    public static Object convert(Object value, Class<?> target, ZoneId zone) {
        if (value == null) {
            return null;
        }
        if (target.isInstance(value)) {
            return value;
        }
        if (target == BigDecimal.class) {
            return decimal(value);
        }
        if (target == Integer.class) {
            BigDecimal number = decimal(value);
            return number == null ? null : number.intValueExact();
        }
        if (target == String.class) {
            return value.toString();
        }
        if (target == Boolean.class && value instanceof String text) {
            return Boolean.parseBoolean(text.trim());
        }
        if (target == LocalDate.class) {
            return toDate(value, zone);
        }
        if (target == Date.class && value instanceof LocalDate day) {
            return Date.from(day.atStartOfDay(zone).toInstant());
        }
        if (target == BigDecimal[].class) {
            return toDecimals(value);
        }
        throw new IllegalArgumentException("expected " + target.getSimpleName() + ", found " + describe(value));
    }

    public static BigDecimal decimal(Object value) {
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // NaN and Infinity are what JavaScript arithmetic gives for a blank; treat them as blank
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (value instanceof String text) {
            String trimmed = text.trim();
            if (trimmed.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(trimmed);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number, found '" + text + "'");
            }
        }
        throw new IllegalArgumentException("expected a number, found " + describe(value));
    }

    private static LocalDate toDate(Object value, ZoneId zone) {
        if (value instanceof java.sql.Date sqlDate) {
            return sqlDate.toLocalDate();
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(zone).toLocalDate();
        }
        if (value instanceof String text) {
            try {
                return LocalDate.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("expected a date (yyyy-MM-dd), found '" + text + "'");
            }
        }
        throw new IllegalArgumentException("expected a date, found " + describe(value));
    }

    /** A series: a JavaScript array (Rhino's NativeArray is a java.util.List) or a Java array. */
    private static BigDecimal[] toDecimals(Object value) {
        Collection<?> items;
        if (value instanceof Collection<?> collection) {
            items = collection;
        } else if (value instanceof Object[] array) {
            items = List.of(array);
        } else {
            throw new IllegalArgumentException("expected a list of numbers, found " + describe(value));
        }
        return items.stream().map(Values::decimal).toArray(BigDecimal[]::new);
    }

    private static String describe(Object value) {
        return value.getClass().getSimpleName() + " '" + value + "'";
    }
}
