package dev.kpikit.runner.schedule;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;

import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code onExcludedDay: next-business-day}: a cron fire on a day the schedule's calendar excludes becomes a one-shot
 * Quartz trigger on the next business day, at the same wall-clock time, that delivers the ORIGINAL fire (same key in
 * the delivery store, report as of the original date). The trigger is persisted in the job store: a restart or
 * another runner of the cluster fires it, once. ({@code skip} needs nothing here: Quartz skips those fires itself.)
 */
final class ExcludedDays {

    /** The group of the moved fires' triggers. */
    static final String MOVED = "kpikit-moved";
    /** On a moved fire's trigger: the fire time and slot of the cron fire it delivers. */
    static final String MOVED_FIRE_TIME = "kpikit.movedFireTime";
    static final String MOVED_NOMINAL_TIME = "kpikit.movedNominalTime";
    private static final Logger LOG = LoggerFactory.getLogger(ExcludedDays.class);

    private ExcludedDays() {
    }

    /**
     * True when this fire of the schedule's cron was moved to a later business day (nothing to deliver now).
     * Only cron fires move (also when Quartz recovers one): a moved fire or a retry already stands for its slot.
     */
    static boolean moveIfExcluded(Scheduler scheduler, Schedule schedule, Fire fire, Instant now) throws SchedulerException {
        if (schedule == null || schedule.calendar() == null || schedule.onExcludedDay() != OnExcludedDay.NEXT_BUSINESS_DAY) {
            return false;
        }
        BusinessCalendar calendar = schedule.calendar();
        org.quartz.Calendar days = calendar.quartz();
        if (days.isTimeIncluded(fire.nominalTime().toEpochMilli())) {
            return false;
        }
        Optional<ZonedDateTime> next = calendar.nextBusinessDay(fire.nominalTime().atZone(schedule.timeZone()), days);
        if (next.isEmpty() || !next.get().toInstant().isAfter(now)) {
            return false;  // no business day ahead, or it has passed already (a late fire): deliver now
        }
        String reason = calendar.reason(fire.nominalTime().atZone(calendar.timeZone()).toLocalDate()).orElse("excluded");
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(schedule.id() + "@" + fire.fireTime().toEpochMilli(), MOVED)
                .forJob(JobKey.jobKey(schedule.id(), ScheduleRunner.GROUP))
                .withDescription("moved from " + fire.nominalTime() + ": " + reason)
                .usingJobData(MOVED_FIRE_TIME, String.valueOf(fire.fireTime().toEpochMilli()))
                .usingJobData(MOVED_NOMINAL_TIME, String.valueOf(fire.nominalTime().toEpochMilli()))
                .startAt(Date.from(next.get().toInstant()))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            scheduler.scheduleJob(trigger);
        } catch (ObjectAlreadyExistsException e) {
            return true;  // a recovered fire that had been moved already
        }
        LOG.info("{}: {} is excluded by calendar '{}' ({}); moved to {}", schedule.id(),
                fire.nominalTime().atZone(schedule.timeZone()).toLocalDate(), calendar.name(), reason, next.get());
        return true;
    }

    /** The fire a moved trigger delivers, or null for any other trigger. */
    static Fire movedFire(org.quartz.JobDataMap data, String scheduleId, boolean recovering) {
        if (!data.containsKey(MOVED_FIRE_TIME)) {
            return null;
        }
        return new Fire(scheduleId, Instant.ofEpochMilli(Long.parseLong(data.getString(MOVED_FIRE_TIME))),
                Instant.ofEpochMilli(Long.parseLong(data.getString(MOVED_NOMINAL_TIME))), false, recovering);
    }
}
