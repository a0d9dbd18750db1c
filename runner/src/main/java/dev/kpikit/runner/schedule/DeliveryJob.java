package dev.kpikit.runner.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.quartz.CronExpression;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of every schedule: works out which fire this is (the original one when Quartz
 * recovers the job of a runner that died), then hands it to the {@link DeliveryService} that
 * the runner put into the scheduler context.
 */
public final class DeliveryJob implements Job {

    static final String SCHEDULE_ID = "scheduleId";
    static final String DELIVERY_SERVICE = "kpikit.deliveryService";
    static final String MISFIRE_THRESHOLD = "kpikit.misfireThreshold";
    /** On the trigger of a delivery's next SMTP attempt: the fire time and slot of that delivery. */
    static final String DELIVERY_FIRE_TIME = "kpikit.deliveryFireTime";
    static final String DELIVERY_NOMINAL_TIME = "kpikit.deliveryNominalTime";
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryJob.class);

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        String scheduleId = data.getString(SCHEDULE_ID);
        try {
            DeliveryService service = (DeliveryService) context.getScheduler().getContext().get(DELIVERY_SERVICE);
            Duration threshold = (Duration) context.getScheduler().getContext().get(MISFIRE_THRESHOLD);
            service.deliver(fire(context, scheduleId, threshold));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobExecutionException("delivery of " + scheduleId + " interrupted", e);
        } catch (Exception e) {
            // the store could not be reached: the delivery's row (if any) keeps its lease and is taken over later
            LOG.error("{}: delivery stopped: {}", scheduleId, e.toString());
            throw new JobExecutionException(e);
        }
    }

    static Fire fire(JobExecutionContext context, String scheduleId, Duration misfireThreshold) {
        JobDataMap data = context.getMergedJobDataMap();
        if (data.containsKey(DELIVERY_FIRE_TIME)) {  // also when Quartz recovers such a fire: the delivery stays the same
            return new Fire(scheduleId, Instant.ofEpochMilli(Long.parseLong(data.getString(DELIVERY_FIRE_TIME))),
                    Instant.ofEpochMilli(Long.parseLong(data.getString(DELIVERY_NOMINAL_TIME))), false, context.isRecovering());
        }
        if (context.isRecovering() && data.containsKey(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS)) {
            Instant original = Instant.ofEpochMilli(
                    Long.parseLong(data.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS)));
            return new Fire(scheduleId, original, original, false, true);
        }
        Instant scheduled = context.getScheduledFireTime().toInstant();
        Instant nominal = scheduled;
        if (context.getTrigger() instanceof CronTrigger cron) {
            nominal = lastSlotAtOrBefore(cron, context.getPreviousFireTime(), scheduled);
        }
        boolean late = Duration.between(nominal, context.getFireTime().toInstant()).compareTo(misfireThreshold) > 0;
        return new Fire(scheduleId, scheduled, nominal, late, false);
    }

    /**
     * After downtime Quartz fires a misfired cron trigger once, now: this finds the cron slot that
     * fire stands for (the latest one missed), so the report covers the right period.
     */
    static Instant lastSlotAtOrBefore(CronTrigger trigger, Date previousFire, Instant scheduled) {
        try {
            CronExpression cron = new CronExpression(trigger.getCronExpression());
            cron.setTimeZone(trigger.getTimeZone());
            Date from = previousFire != null ? previousFire : new Date(trigger.getStartTime().getTime() - 1);
            Date last = null;
            for (int i = 0; i < 100_000; i++) {
                Date next = cron.getTimeAfter(from);
                if (next == null || next.toInstant().isAfter(scheduled)) {
                    break;
                }
                last = next;
                from = next;
            }
            return last == null ? scheduled : last.toInstant();
        } catch (java.text.ParseException e) {
            return scheduled;
        }
    }
}
