package dev.kpikit.runner.schedule;

import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

import org.quartz.Calendar;
import org.quartz.CronExpression;

import dev.kpikit.data.IsoDates;

/**
 * The {@code calendars} section of a schedules file, and what a calendar does to a schedule's fire times
 * (for validation and {@code schedule list}; the runner lets Quartz apply the same calendars).
 */
public final class BusinessCalendars {

    /** How far ahead a schedule must fire at least once for its calendar to be accepted. */
    static final int YEARS_AHEAD = 2;
    /** At most this many cron times are looked at (a cron every second would otherwise take long). */
    private static final int GUARD = 20_000;
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private BusinessCalendars() {
    }

    /** Every calendar of the section, its problems (naming calendar and field) added to {@code problems}. */
    static Map<String, BusinessCalendar> read(Map<String, ScheduleFileModel.CalendarEntry> section, List<String> problems) {
        Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        if (section == null) {
            return calendars;
        }
        section.forEach((name, entry) -> {
            int before = problems.size();
            String where = "calendar '" + name + "'";
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
                problems.add(where + ": use letters, digits, '.', '_' and '-' in a calendar's name (at most 100)");
            }
            if (entry == null) {
                problems.add(where + ": empty; give at least timeZone and some days off");
                return;
            }
            ZoneId zone = null;
            if (entry.timeZone() == null || entry.timeZone().isBlank()) {
                problems.add(where + ", field 'timeZone': missing (e.g. Europe/Oslo)");
            } else {
                try {
                    zone = TimeZoneNames.parse(entry.timeZone());
                } catch (IllegalArgumentException e) {
                    problems.add(where + ", field 'timeZone': " + e.getMessage());
                }
            }
            List<LocalDate> dates = new ArrayList<>();
            List<String> givenDates = orEmpty(entry.dates());
            for (int i = 0; i < givenDates.size(); i++) {
                date(givenDates.get(i), where + ", field 'dates[" + i + "]'", problems).ifPresent(dates::add);
            }
            List<MonthDay> yearly = new ArrayList<>();
            List<String> givenYearly = orEmpty(entry.yearly());
            for (int i = 0; i < givenYearly.size(); i++) {
                String text = givenYearly.get(i) == null ? "" : givenYearly.get(i).strip();
                try {
                    // 2000 is a leap year: 02-29 is a yearly day (off in leap years), 02-30 is refused
                    yearly.add(MonthDay.from(LocalDate.parse("2000-" + text, DateTimeFormatter.ofPattern("uuuu-MM-dd")
                            .withResolverStyle(ResolverStyle.STRICT))));
                } catch (DateTimeParseException e) {
                    problems.add(where + ", field 'yearly[" + i + "]': '" + text + "' is "
                            + (text.matches("\\d{2}-\\d{2}") ? "not a day of the year" : "not a month and day")
                            + "; expected MM-dd (e.g. \"12-25\")");
                }
            }
            List<BusinessCalendar.DateRange> ranges = new ArrayList<>();
            List<ScheduleFileModel.RangeEntry> givenRanges = orEmpty(entry.ranges());
            for (int i = 0; i < givenRanges.size(); i++) {
                String field = where + ", field 'ranges[" + i + "]";
                ScheduleFileModel.RangeEntry r = givenRanges.get(i);
                Optional<LocalDate> from = r == null ? Optional.empty() : date(r.from(), field + ".from'", problems);
                Optional<LocalDate> to = r == null ? Optional.empty() : date(r.to(), field + ".to'", problems);
                if (r == null) {
                    problems.add(field + "': give {from: yyyy-MM-dd, to: yyyy-MM-dd}");
                } else if (from.isPresent() && to.isPresent()) {
                    if (to.get().isBefore(from.get())) {
                        problems.add(field + "': ends (" + to.get() + ") before it starts (" + from.get() + ")");
                    } else if (from.get().plusYears(YEARS_AHEAD).isBefore(to.get())) {
                        problems.add(field + "': longer than " + YEARS_AHEAD + " years; is the year right?");
                    } else {
                        ranges.add(new BusinessCalendar.DateRange(from.get(), to.get()));
                    }
                }
            }
            List<DayOfWeek> weekdaysOff = new ArrayList<>();
            List<String> givenDays = orEmpty(entry.weekdaysOff());
            for (String day : givenDays) {
                weekday(day).ifPresentOrElse(weekdaysOff::add, () -> problems.add(where + ", field 'weekdaysOff': '"
                        + day + "' is not a day of the week; expected MON, TUE, WED, THU, FRI, SAT or SUN"));
            }
            if (weekdaysOff.containsAll(List.of(DayOfWeek.values()))) {
                problems.add(where + ", field 'weekdaysOff': every day of the week is off; no schedule could fire");
            }
            List<Integer> easterOffsets = new ArrayList<>();
            for (Integer offset : orEmpty(entry.easterOffsets())) {
                if (offset == null || Math.abs(offset) > 200) {
                    problems.add(where + ", field 'easterOffsets': " + offset + " is not a day near Easter; expected days"
                            + " from Easter Sunday between -200 and 200 (e.g. -2 for Good Friday, 1 for Easter Monday)");
                } else {
                    easterOffsets.add(offset);
                }
            }
            if (problems.size() == before) {
                calendars.put(name, new BusinessCalendar(name, zone, List.copyOf(dates), List.copyOf(yearly),
                        List.copyOf(ranges), List.copyOf(weekdaysOff), List.copyOf(easterOffsets)));
            }
        });
        return calendars;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Optional<LocalDate> date(String text, String field, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add(field + ": missing; expected a date " + IsoDates.FORM);
            return Optional.empty();
        }
        try {
            return Optional.of(IsoDates.parse(text, field));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<DayOfWeek> weekday(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (wanted.length() >= 3 && day.name().startsWith(wanted)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /**
     * Why a schedule with this calendar would never deliver in the next {@link #YEARS_AHEAD} years, or empty when it
     * delivers. A cron that has no future fire time at all is not the calendar's doing and gives empty.
     */
    static Optional<String> neverFires(String cron, ZoneId zone, BusinessCalendar calendar, OnExcludedDay onExcludedDay) {
        List<PlannedFire> plan = plan(cron, zone, calendar, onExcludedDay, Instant.now(), Integer.MAX_VALUE,
                Instant.now().atZone(zone).plusYears(YEARS_AHEAD).toInstant());
        if (plan.isEmpty() || plan.size() >= GUARD || plan.stream().anyMatch(p -> p.deliveredAt() != null)) {
            return Optional.empty();
        }
        return Optional.of("calendar '" + calendar.name() + "' excludes every fire time of \"" + cron + "\" in the next "
                + YEARS_AHEAD + " years (first: " + plan.get(0).cronTime().atZone(zone).toLocalDate() + ", "
                + plan.get(0).reason() + "); the schedule would never deliver");
    }

    /**
     * One fire time of a schedule's cron and what the calendar makes of it.
     *
     * @param deliveredAt when the delivery goes out: the cron time, the next business day's (moved), or null (skipped)
     * @param reason      why the day is excluded, null when it is not
     */
    public record PlannedFire(Instant cronTime, Instant deliveredAt, String reason) {
        public boolean moved() {
            return deliveredAt != null && !deliveredAt.equals(cronTime);
        }
    }

    /**
     * The cron's fire times after {@code after} (at most {@code count}, none after {@code until}) with the calendar
     * applied, as the runner applies it (Quartz's calendar decides whether a time is excluded).
     */
    public static List<PlannedFire> plan(String cron, ZoneId zone, BusinessCalendar calendar, OnExcludedDay onExcludedDay,
            Instant after, int count, Instant until) {
        List<PlannedFire> plan = new ArrayList<>();
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            return plan;
        }
        expression.setTimeZone(TimeZone.getTimeZone(zone));
        Calendar quartz = calendar == null ? null : calendar.quartz();
        Date from = Date.from(after);
        int guard = 0;
        while (plan.size() < count && guard++ < GUARD) {
            Date next = expression.getTimeAfter(from);
            if (next == null || next.toInstant().isAfter(until)) {
                break;
            }
            from = next;
            Instant time = next.toInstant();
            if (quartz == null || quartz.isTimeIncluded(time.toEpochMilli())) {
                plan.add(new PlannedFire(time, time, null));
                continue;
            }
            ZonedDateTime inCalendarZone = time.atZone(calendar.timeZone());
            String reason = calendar.reason(inCalendarZone.toLocalDate()).orElse("excluded by calendar '" + calendar.name() + "'");
            Instant moved = onExcludedDay == OnExcludedDay.NEXT_BUSINESS_DAY
                    ? calendar.nextBusinessDay(time.atZone(zone), quartz).map(ZonedDateTime::toInstant).orElse(null)
                    : null;
            plan.add(new PlannedFire(time, moved, reason));
        }
        return plan;
    }
}
