package dev.kpikit.runner.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

import org.quartz.Calendar;
import org.quartz.impl.calendar.AnnualCalendar;
import org.quartz.impl.calendar.HolidayCalendar;
import org.quartz.impl.calendar.WeeklyCalendar;

/**
 * A named business calendar of the schedules file: the days on which no report goes out, in the calendar's time
 * zone. Whether a moment is excluded is Quartz's answer ({@link #quartz()}: a {@link WeeklyCalendar} on an
 * {@link AnnualCalendar} on a {@link HolidayCalendar}, the form persisted in the job store); this record keeps
 * the days as written so that {@code schedule list} can say why a day is off.
 *
 * @param easterOffsets days relative to Easter Sunday (Western), computed for {@link #FIRST_YEAR}..{@link #LAST_YEAR}
 */
public record BusinessCalendar(String name, ZoneId timeZone, List<LocalDate> dates, List<MonthDay> yearly,
        List<DateRange> ranges, List<DayOfWeek> weekdaysOff, List<Integer> easterOffsets) {

    /** The years for which Easter-relative days are computed (one-off dates and ranges are given with their year). */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    /** From and to, both excluded. */
    public record DateRange(LocalDate from, LocalDate to) {
    }

    /** Quartz's calendar for these days, in the calendar's time zone. */
    public Calendar quartz() {
        TimeZone zone = TimeZone.getTimeZone(timeZone);
        HolidayCalendar holidays = new HolidayCalendar();
        holidays.setTimeZone(zone);
        holidays.setDescription(name);
        // HolidayCalendar keeps the start of each day in its zone: hand it noon of that day
        dates.forEach(d -> holidays.addExcludedDate(noon(d)));
        for (DateRange range : ranges) {
            for (LocalDate d = range.from(); !d.isAfter(range.to()); d = d.plusDays(1)) {
                holidays.addExcludedDate(noon(d));
            }
        }
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            LocalDate easter = easterSunday(year);
            easterOffsets.forEach(offset -> holidays.addExcludedDate(noon(easter.plusDays(offset))));
        }
        AnnualCalendar annual = new AnnualCalendar(holidays, zone);
        for (MonthDay day : yearly) {
            java.util.Calendar c = java.util.Calendar.getInstance(zone);
            c.clear();
            c.set(2000, day.getMonthValue() - 1, day.getDayOfMonth());  // a leap year: 02-29 is a valid yearly day
            annual.setDayExcluded(c, true);
        }
        WeeklyCalendar weekly = new WeeklyCalendar(annual, zone);
        for (DayOfWeek day : DayOfWeek.values()) {  // Quartz excludes SAT and SUN unless told otherwise
            weekly.setDayExcluded(day.getValue() % 7 + 1, weekdaysOff.contains(day));
        }
        weekly.setDescription(name);
        return weekly;
    }

    private Date noon(LocalDate day) {
        return Date.from(day.atTime(LocalTime.NOON).atZone(timeZone).toInstant());
    }

    /** Why the day (in this calendar's zone) is off, or empty when it is a business day. */
    public Optional<String> reason(LocalDate day) {
        if (weekdaysOff.contains(day.getDayOfWeek())) {
            return Optional.of(day.getDayOfWeek().name().substring(0, 3) + " is a day off");
        }
        if (yearly.contains(MonthDay.from(day))) {
            return Optional.of("yearly holiday " + MonthDay.from(day).toString().substring(2));
        }
        if (dates.contains(day)) {
            return Optional.of("holiday " + day);
        }
        for (DateRange range : ranges) {
            if (!day.isBefore(range.from()) && !day.isAfter(range.to())) {
                return Optional.of("closed " + range.from() + " to " + range.to());
            }
        }
        int fromEaster = (int) java.time.temporal.ChronoUnit.DAYS.between(easterSunday(day.getYear()), day);
        if (easterOffsets.contains(fromEaster)) {
            return Optional.of("Easter " + (fromEaster >= 0 ? "+" : "") + fromEaster);
        }
        return Optional.empty();
    }

    /**
     * The same wall-clock time on the first later day the calendar allows (moved fires of
     * {@code onExcludedDay: next-business-day}), or empty when there is none within a year.
     */
    public Optional<ZonedDateTime> nextBusinessDay(ZonedDateTime excluded) {
        return nextBusinessDay(excluded, quartz());
    }

    /** As {@link #nextBusinessDay(ZonedDateTime)}, with this calendar's {@link #quartz()} form at hand. */
    public Optional<ZonedDateTime> nextBusinessDay(ZonedDateTime excluded, Calendar quartz) {
        ZonedDateTime candidate = excluded;
        for (int i = 0; i < 366; i++) {
            candidate = candidate.plusDays(1);
            if (quartz.isTimeIncluded(candidate.toInstant().toEpochMilli())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
