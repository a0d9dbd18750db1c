package dev.kpikit.runner.schedule;

import java.util.Set;
import java.util.stream.Collectors;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The business calendars in Quartz's job store (QRTZ_CALENDARS): every runner of a cluster stores the calendars of
 * its schedules file under their names, and a schedule with {@code onExcludedDay: skip} has its cron trigger
 * modified by its calendar, so Quartz itself leaves out the excluded days.
 */
final class BusinessCalendarSync {

    private static final Logger LOG = LoggerFactory.getLogger(BusinessCalendarSync.class);

    private BusinessCalendarSync() {
    }

    /** The name of the Quartz calendar that modifies the schedule's cron trigger, or null. */
    static String calendarOf(Schedule schedule) {
        return schedule.calendar() != null && schedule.onExcludedDay() == OnExcludedDay.SKIP ? schedule.calendar().name() : null;
    }

    /** Stores (replaces) every calendar of the file; triggers already using one get their next fire time recomputed. */
    static void store(Scheduler scheduler, Schedules schedules) throws SchedulerException {
        for (BusinessCalendar calendar : schedules.calendars().values()) {
            scheduler.addCalendar(calendar.name(), calendar.quartz(), true, true);
        }
    }

    /** Removes stored calendars that the file no longer has and no trigger uses. */
    static void dropUnused(Scheduler scheduler, Schedules schedules) throws SchedulerException {
        Set<String> used = schedules.calendars().keySet().stream().collect(Collectors.toSet());
        for (String name : scheduler.getCalendarNames()) {
            if (!used.contains(name)) {
                try {
                    scheduler.deleteCalendar(name);
                } catch (SchedulerException e) {
                    LOG.info("calendar '{}' is no longer in the schedules file but still in use: {}", name, e.getMessage());
                }
            }
        }
    }
}
