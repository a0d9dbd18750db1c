package dev.kpikit.data;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Dates that users type (report and data set parameters, schedule values): yyyy-MM-dd and a real
 * day of the calendar. A lenient parser turns 2026-02-30 into March 2, and a report then shows a
 * date nobody asked for; this one refuses it, naming who gave it.
 */
public final class IsoDates {

    /** The form, as messages show it. */
    public static final String FORM = "yyyy-MM-dd";

    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_SHOWN = 40;
    /** The first and last day a date may be: four-digit years, as the form says. */
    public static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    public static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    private IsoDates() {
    }

    /**
     * @param givenBy who gave the text, for messages: "parameter 'asOf'"
     * @throws IllegalArgumentException naming {@code givenBy}, the text and the expected form
     */
    public static LocalDate parse(String text, String givenBy) {
        String date = text.strip();
        LocalDate parsed;
        try {
            parsed = LocalDate.parse(date, STRICT);
        } catch (DateTimeParseException e) {
            boolean shaped = date.matches("\\d{4}-\\d{2}-\\d{2}");
            throw new IllegalArgumentException(givenBy + ": '" + shown(date) + "' is "
                    + (shaped ? "not a day of the calendar" : "not a date") + "; expected a date " + FORM, e);
        }
        return withinRange(parsed, date, givenBy);
    }

    /**
     * The date itself when it lies in the years 1 to 9999; one given as a date object (a report parameter of type
     * date, a Designer's value) is checked here as text is by {@link #parse}.
     *
     * @throws IllegalArgumentException naming {@code givenBy}, the date and the range
     */
    public static LocalDate withinRange(LocalDate date, String givenBy) {
        return date == null ? null : withinRange(date, date.toString(), givenBy);
    }

    // period arithmetic (a year back for growth, epoch days as int) and yyyy-MM-dd itself hold for these years only;
    // +999999999-12-31, which the ISO form allows, overflowed deep in the scoring
    private static LocalDate withinRange(LocalDate date, String text, String givenBy) {
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            throw new IllegalArgumentException(givenBy + ": '" + shown(text) + "' is outside the calendar kpikit reckons with;"
                    + " expected a date " + FORM + " from " + FIRST + " to " + LAST);
        }
        return date;
    }

    private static String shown(String date) {
        return date.length() > MAX_SHOWN ? date.substring(0, MAX_SHOWN) + "..." : date;
    }

    /**
     * Whether the text has the form yyyy-MM-dd, whether or not the day exists, or ISO's form of a year beyond four
     * digits or before year 1 (+999999999-12-31, -0001-01-01): such a value is meant as a date, and refused as one.
     */
    public static boolean looksLikeOne(String text) {
        return text != null && text.strip().matches("[+-]?\\d{4,9}-\\d{2}-\\d{2}");
    }
}
