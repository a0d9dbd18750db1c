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

    private IsoDates() {
    }

    /**
     * @param givenBy who gave the text, for messages: "parameter 'asOf'"
     * @throws IllegalArgumentException naming {@code givenBy}, the text and the expected form
     */
    public static LocalDate parse(String text, String givenBy) {
        String date = text.strip();
        try {
            return LocalDate.parse(date, STRICT);
        } catch (DateTimeParseException e) {
            String shown = date.length() > MAX_SHOWN ? date.substring(0, MAX_SHOWN) + "..." : date;
            boolean shaped = date.matches("\\d{4}-\\d{2}-\\d{2}");
            throw new IllegalArgumentException(givenBy + ": '" + shown + "' is "
                    + (shaped ? "not a day of the calendar" : "not a date") + "; expected a date " + FORM, e);
        }
    }

    /** Whether the text has the form yyyy-MM-dd, whether or not the day exists. */
    public static boolean looksLikeOne(String text) {
        return text != null && text.strip().matches("\\d{4}-\\d{2}-\\d{2}");
    }
}
