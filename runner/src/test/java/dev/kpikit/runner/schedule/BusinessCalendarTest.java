package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerUtils;
import org.quartz.spi.OperableTrigger;

/**
 * Business calendars as Quartz applies them to cron triggers: the calendars of a schedules file, read and turned
 * into Quartz's HolidayCalendar, AnnualCalendar and WeeklyCalendar, then asked by Quartz's own TriggerUtils which
 * fire times remain.
 */
class BusinessCalendarTest {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @TempDir
    Path folder;

    private Schedules read(String calendars, String scheduleExtra, String cron) throws Exception {
        Path file = folder.resolve("s.yaml");
        Files.writeString(file, "calendars:\n" + calendars + "schedules:\n  - id: weekly\n    template: " + TestSchedules.TEMPLATE
                + "\n    cron: \"" + cron + "\"\n    timeZone: Europe/Oslo\n    to: [\"ceo@kpikit.test\"]\n" + scheduleExtra);
        return ScheduleFileReader.read(file, TestSchedules.roots());
    }

    /** The wall-clock fire times in Oslo that Quartz computes for the cron with the calendar, between two days. */
    private static List<LocalDateTime> quartzFireTimes(String cron, BusinessCalendar calendar, LocalDate from, LocalDate to) {
        OperableTrigger trigger = (OperableTrigger) TriggerBuilder.newTrigger()
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(OSLO)))
                .startAt(Date.from(from.atStartOfDay(OSLO).toInstant())).build();
        List<Date> times = TriggerUtils.computeFireTimesBetween(trigger, calendar.quartz(),
                Date.from(from.atStartOfDay(OSLO).toInstant()), Date.from(to.plusDays(1).atStartOfDay(OSLO).toInstant()));
        return times.stream().map(d -> LocalDateTime.ofInstant(d.toInstant(), OSLO)).toList();
    }

    @Test
    void aCalendarInOsloExcludesItsDaysAcrossTheSpringDaylightSavingChange() throws Exception {
        // 00:30 in Oslo is 23:30 or 22:30 UTC the day before: a calendar read in the wrong zone would skip the wrong days
        Schedules schedules = read("  norway:\n    timeZone: Europe/Oslo\n    weekdaysOff: [SAT, SUN]\n"
                + "    easterOffsets: [-3, -2, 1]\n", "    calendar: norway\n", "0 30 0 * * ?");
        BusinessCalendar norway = schedules.calendars().get("norway");

        List<LocalDateTime> fires = quartzFireTimes("0 30 0 * * ?", norway, LocalDate.of(2026, 3, 27), LocalDate.of(2026, 4, 8));

        // DST starts on Sunday 29 March 2026; Easter Sunday is 5 April: Maundy Thursday 2, Good Friday 3, Easter Monday 6
        assertEquals(List.of(LocalDateTime.of(2026, 3, 27, 0, 30), LocalDateTime.of(2026, 3, 30, 0, 30),
                LocalDateTime.of(2026, 3, 31, 0, 30), LocalDateTime.of(2026, 4, 1, 0, 30), LocalDateTime.of(2026, 4, 7, 0, 30),
                LocalDateTime.of(2026, 4, 8, 0, 30)), fires);
    }

    @Test
    void yearlyHolidaysRepeatOverTheYearEnd() throws Exception {
        Schedules schedules = read("  norway:\n    timeZone: Europe/Oslo\n    yearly: [\"12-24\", \"12-25\", \"12-26\", \"01-01\"]\n",
                "    calendar: norway\n", "0 0 8 ? * MON-FRI");

        List<LocalDate> days = quartzFireTimes("0 0 8 ? * MON-FRI", schedules.calendars().get("norway"),
                LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 5)).stream().map(LocalDateTime::toLocalDate).toList();

        assertEquals(List.of(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 22), LocalDate.of(2026, 12, 23),
                LocalDate.of(2026, 12, 28), LocalDate.of(2026, 12, 29), LocalDate.of(2026, 12, 30),
                LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 5)), days);
    }

    @Test
    void oneOffDatesAndRangesAreExcludedOnlyInTheirYear() throws Exception {
        Schedules schedules = read("  norway:\n    timeZone: Europe/Oslo\n    dates: [2026-05-14]\n"
                + "    ranges: [{from: 2026-07-06, to: 2026-07-08}]\n", "    calendar: norway\n", "0 0 8 * * ?");
        BusinessCalendar norway = schedules.calendars().get("norway");

        List<LocalDate> may = quartzFireTimes("0 0 8 * * ?", norway, LocalDate.of(2026, 5, 13), LocalDate.of(2026, 5, 15))
                .stream().map(LocalDateTime::toLocalDate).toList();
        List<LocalDate> july = quartzFireTimes("0 0 8 * * ?", norway, LocalDate.of(2026, 7, 5), LocalDate.of(2026, 7, 9))
                .stream().map(LocalDateTime::toLocalDate).toList();
        List<LocalDate> nextMay = quartzFireTimes("0 0 8 * * ?", norway, LocalDate.of(2027, 5, 14), LocalDate.of(2027, 5, 14))
                .stream().map(LocalDateTime::toLocalDate).toList();

        assertEquals(List.of(LocalDate.of(2026, 5, 13), LocalDate.of(2026, 5, 15)), may);
        assertEquals(List.of(LocalDate.of(2026, 7, 5), LocalDate.of(2026, 7, 9)), july);
        assertEquals(List.of(LocalDate.of(2027, 5, 14)), nextMay);
    }

    @Test
    void easterSundayIsComputedForAnyYear() {
        assertEquals(LocalDate.of(2000, 4, 23), BusinessCalendar.easterSunday(2000));
        assertEquals(LocalDate.of(2024, 3, 31), BusinessCalendar.easterSunday(2024));
        assertEquals(LocalDate.of(2025, 4, 20), BusinessCalendar.easterSunday(2025));
        assertEquals(LocalDate.of(2026, 4, 5), BusinessCalendar.easterSunday(2026));
        assertEquals(LocalDate.of(2038, 4, 25), BusinessCalendar.easterSunday(2038));
    }

    @Test
    void theListSaysWhichFiresAreSkippedOrMovedAndWhy() throws Exception {
        Schedules schedules = read("  norway:\n    timeZone: Europe/Oslo\n    yearly: [\"12-25\", \"12-28\"]\n"
                + "    weekdaysOff: [SAT, SUN]\n", "    calendar: norway\n    onExcludedDay: next-business-day\n",
                "0 0 8 ? * MON,FRI");
        Schedule weekly = schedules.byId("weekly").orElseThrow();
        Instant after = ZonedDateTime.of(2026, 12, 20, 0, 0, 0, 0, OSLO).toInstant();

        List<BusinessCalendars.PlannedFire> plan = BusinessCalendars.plan(weekly.cron(), OSLO, weekly.calendar(),
                weekly.onExcludedDay(), after, 4, after.plusSeconds(60L * 86400));

        assertEquals(ZonedDateTime.of(2026, 12, 21, 8, 0, 0, 0, OSLO).toInstant(), plan.get(0).deliveredAt());
        // Friday 25 December moves to Tuesday 29 (Saturday, Sunday off and Monday 28 a holiday), with its reason
        assertEquals(ZonedDateTime.of(2026, 12, 25, 8, 0, 0, 0, OSLO).toInstant(), plan.get(1).cronTime());
        assertEquals(ZonedDateTime.of(2026, 12, 29, 8, 0, 0, 0, OSLO).toInstant(), plan.get(1).deliveredAt());
        assertEquals("yearly holiday 12-25", plan.get(1).reason());
        assertEquals("yearly holiday 12-28", plan.get(2).reason());
        assertEquals(ZonedDateTime.of(2027, 1, 1, 8, 0, 0, 0, OSLO).toInstant(), plan.get(3).deliveredAt());
    }

    @Test
    void withSkipAnExcludedFireIsNotDelivered() throws Exception {
        Schedules schedules = read("  norway:\n    timeZone: Europe/Oslo\n    yearly: [\"12-25\"]\n",
                "    calendar: norway\n", "0 0 8 ? * FRI");
        Schedule weekly = schedules.byId("weekly").orElseThrow();
        Instant after = ZonedDateTime.of(2026, 12, 20, 0, 0, 0, 0, OSLO).toInstant();

        List<BusinessCalendars.PlannedFire> plan = BusinessCalendars.plan(weekly.cron(), OSLO, weekly.calendar(),
                weekly.onExcludedDay(), after, 2, after.plusSeconds(60L * 86400));

        assertEquals(null, plan.get(0).deliveredAt());
        assertEquals("yearly holiday 12-25", plan.get(0).reason());
        assertEquals(ZonedDateTime.of(2027, 1, 1, 8, 0, 0, 0, OSLO).toInstant(), plan.get(1).deliveredAt());
    }

    private List<String> problems(String calendars, String scheduleExtra, String cron) {
        return org.junit.jupiter.api.Assertions.assertThrows(ScheduleValidationException.class,
                () -> read(calendars, scheduleExtra, cron)).problems();
    }

    @Test
    void anUnknownCalendarIsNamedWithTheKnownOnes() {
        List<String> problems = problems("  norway:\n    timeZone: Europe/Oslo\n", "    calendar: sweden\n", "0 0 8 ? * MON");
        assertEquals(List.of("schedule 'weekly', field 'calendar': unknown calendar 'sweden'; known: [norway]"), problems);
    }

    /**
     * A calendar with an error of its own is told once: it stays among the known calendars, so a schedule naming it is
     * not told it is unknown, and one naming a misspelt calendar is told it is there.
     */
    @Test
    void aCalendarWithAnErrorIsStillKnown() {
        List<String> problems = problems("  norway:\n    timeZone: Europe/Oslo\n    dates: [2026-02-30]\n"
                + "  sweden:\n    timeZone: Europe/Stockholm\n",
                "    calendar: norway\n  - id: daily\n    template: " + TestSchedules.TEMPLATE + "\n    cron: \"0 0 8 * * ?\"\n"
                        + "    timeZone: Europe/Oslo\n    to: [\"ceo@kpikit.test\"]\n    calendar: norwy\n", "0 0 8 ? * MON");
        assertEquals(List.of(
                "calendar 'norway', field 'dates[0]': '2026-02-30' is not a day of the calendar; expected a date yyyy-MM-dd",
                "schedule 'daily', field 'calendar': unknown calendar 'norwy'; known: [norway, sweden]"), problems);
    }

    @Test
    void impossibleDatesAreNamedByCalendarAndField() {
        List<String> problems = problems("  norway:\n    timeZone: Europe/Oslo\n    dates: [2026-02-30]\n"
                + "    yearly: [\"02-30\", \"13-01\"]\n    ranges: [{from: 2026-07-24, to: 2026-07-06}]\n    weekdaysOff: [SATURDAY, XYZ]\n",
                "", "0 0 8 ? * MON");
        assertEquals(List.of(
                "calendar 'norway', field 'dates[0]': '2026-02-30' is not a day of the calendar; expected a date yyyy-MM-dd",
                "calendar 'norway', field 'yearly[0]': '02-30' is not a day of the year; expected MM-dd (e.g. \"12-25\")",
                "calendar 'norway', field 'yearly[1]': '13-01' is not a day of the year; expected MM-dd (e.g. \"12-25\")",
                "calendar 'norway', field 'ranges[0]': ends (2026-07-06) before it starts (2026-07-24)",
                "calendar 'norway', field 'weekdaysOff': 'XYZ' is not a day of the week; expected MON, TUE, WED, THU, FRI, SAT or SUN"),
                problems);
    }

    @Test
    void aScheduleTheCalendarNeverLetsFireIsRefused() {
        List<String> problems = problems("  norway:\n    timeZone: Europe/Oslo\n    yearly: [\"12-25\"]\n",
                "    calendar: norway\n", "0 0 8 25 12 ?");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("schedule 'weekly', field 'calendar': calendar 'norway' excludes every fire time"
                + " of \"0 0 8 25 12 ?\" in the next 2 years"), problems.get(0));
        assertTrue(problems.get(0).endsWith("yearly holiday 12-25); the schedule would never deliver"), problems.get(0));
    }

    @Test
    void movingToTheNextBusinessDayLetsAScheduleOnAHolidayDeliver() throws Exception {
        Schedules schedules = read("  norway:\n    timeZone: Europe/Oslo\n    yearly: [\"12-25\"]\n",
                "    calendar: norway\n    onExcludedDay: next-business-day\n", "0 0 8 25 12 ?");
        assertEquals(OnExcludedDay.NEXT_BUSINESS_DAY, schedules.byId("weekly").orElseThrow().onExcludedDay());
    }

    @Test
    void onExcludedDayWithoutACalendarAndAnUnknownPolicyAreRefused() {
        Path file = folder.resolve("s.yaml");
        List<String> problems = org.junit.jupiter.api.Assertions.assertThrows(ScheduleValidationException.class, () -> {
            Files.writeString(file, "schedules:\n  - id: weekly\n    template: " + TestSchedules.TEMPLATE
                    + "\n    cron: \"0 0 8 ? * MON\"\n    timeZone: Europe/Oslo\n    to: [\"ceo@kpikit.test\"]\n"
                    + "    onExcludedDay: previous-business-day\n");
            ScheduleFileReader.read(file, TestSchedules.roots());
        }).problems();
        assertEquals(List.of("schedule 'weekly', field 'onExcludedDay': 'previous-business-day' is not one of [skip, next-business-day]",
                "schedule 'weekly', field 'onExcludedDay': needs a 'calendar' that says which days are excluded"), problems);
    }
}
