package dev.kpikit.runner.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The date a delivery reports on, relative to the day the schedule fires (in its time zone):
 * {@code today}, {@code yesterday}, {@code end of last week}, {@code end of last month},
 * {@code end of last quarter}, {@code end of last year} (a fixed date is a report parameter, checked as a date
 * yyyy-MM-dd when the schedules file is read). The period shown
 * in subjects follows the rule: "October 2025" for end of last month, "Q3 2025", "week 44 2025".
 */
public enum AsOfRule {
    TODAY("today"), YESTERDAY("yesterday"), END_OF_LAST_WEEK("end of last week"), END_OF_LAST_MONTH("end of last month"),
    END_OF_LAST_QUARTER("end of last quarter"), END_OF_LAST_YEAR("end of last year");

    private final String text;

    AsOfRule(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static AsOfRule parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        for (AsOfRule rule : values()) {
            if (rule.text.equals(wanted)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("unknown as-of rule '" + text + "'; expected one of "
                + java.util.Arrays.stream(values()).map(r -> r.text).toList());
    }

    public LocalDate asOf(LocalDate fireDay) {
        return switch (this) {
            case TODAY -> fireDay;
            case YESTERDAY -> fireDay.minusDays(1);
            case END_OF_LAST_WEEK -> fireDay.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
            case END_OF_LAST_MONTH -> fireDay.withDayOfMonth(1).minusDays(1);
            case END_OF_LAST_QUARTER -> fireDay.withMonth(fireDay.get(IsoFields.QUARTER_OF_YEAR) * 3 - 2).withDayOfMonth(1).minusDays(1);
            case END_OF_LAST_YEAR -> fireDay.withDayOfYear(1).minusDays(1);
        };
    }

    /** The period the as-of date closes, for people: "October 2025", "Q3 2025", "week 44 2025", "2025", or the date. */
    public String period(LocalDate asOf, Locale locale) {
        return switch (this) {
            case END_OF_LAST_MONTH -> DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(asOf);
            case END_OF_LAST_QUARTER -> "Q" + asOf.get(IsoFields.QUARTER_OF_YEAR) + " " + asOf.getYear();
            case END_OF_LAST_WEEK -> "week " + asOf.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " " + asOf.get(IsoFields.WEEK_BASED_YEAR);
            case END_OF_LAST_YEAR -> String.valueOf(asOf.getYear());
            default -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(asOf);
        };
    }
}
