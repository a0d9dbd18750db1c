package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.calendar.WeeklyCalendar;
import org.quartz.impl.matchers.GroupMatcher;

import dev.kpikit.runner.engine.SharedEngine;

/** A runner (Quartz on an H2 file, the real BIRT engine, GreenMail) with business calendars. */
class CalendarRunnerTest extends MailedRunnerTest {

    private ScheduleRunner start(String calendars, String cron, String extra) throws Exception {
        int port = greenMail.getSmtp().getPort();
        String yaml = "smtp:\n  host: 127.0.0.1\n  port: " + port + "\n  from: reports@kpikit.test\n"
                + "runner:\n" + TestSchedules.fastRunner(2) + "\ncalendars:\n" + calendars
                + "schedules:\n  - id: daily\n    template: " + TestSchedules.TEMPLATE + "\n"
                + "    parameters: {dataFolder: \"" + TestSchedules.DATA + "\"}\n"
                + "    cron: \"" + cron + "\"\n    timeZone: Europe/Oslo\n    to: [\"ceo@kpikit.test\"]\n"
                + "    asOf: today\n    subject: \"{title} as of {asOf}\"\n" + extra;
        Schedules schedules = ScheduleFileReader.read(TestSchedules.write(folder, yaml), TestSchedules.roots());
        return startRunner(schedules);
    }

    @Test
    void aSkippingScheduleHasItsCalendarInTheJobStoreAndItsTriggerModifiedByIt() throws Exception {
        start("  norway:\n    timeZone: Europe/Oslo\n    weekdaysOff: [SAT, SUN]\n    yearly: [\"12-25\"]\n",
                "0 0 8 ? * *", "    calendar: norway\n");

        Trigger trigger = runner.quartz().getTrigger(TriggerKey.triggerKey("daily", ScheduleRunner.GROUP));
        assertEquals("norway", trigger.getCalendarName());
        org.quartz.Calendar stored = runner.quartz().getCalendar("norway");  // read back from QRTZ_CALENDARS
        assertTrue(stored instanceof WeeklyCalendar, String.valueOf(stored));
        Instant saturday = ZonedDateTime.of(2027, 12, 4, 8, 0, 0, 0, TestSchedules.ZONE).toInstant();
        Instant christmas = ZonedDateTime.of(2026, 12, 25, 8, 0, 0, 0, TestSchedules.ZONE).toInstant();
        Instant monday = ZonedDateTime.of(2026, 12, 28, 8, 0, 0, 0, TestSchedules.ZONE).toInstant();
        assertFalse(stored.isTimeIncluded(saturday.toEpochMilli()));
        assertFalse(stored.isTimeIncluded(christmas.toEpochMilli()));
        assertTrue(stored.isTimeIncluded(monday.toEpochMilli()));
        LocalDate next = trigger.getNextFireTime().toInstant().atZone(TestSchedules.ZONE).toLocalDate();
        assertTrue(next.getDayOfWeek().getValue() <= 5, "next fire on a weekday: " + next);
    }

    @Test
    void aFireOnAnExcludedDayMovesToTheNextBusinessDayAndDeliversOnceAsOfTheOriginalDate() throws Exception {
        SharedEngine.get();
        Instant at = TestSchedules.inSeconds(4);
        LocalDate today = at.atZone(TestSchedules.ZONE).toLocalDate();
        start("  norway:\n    timeZone: Europe/Oslo\n    dates: [" + today + "]\n", TestSchedules.cronAt(at),
                "    calendar: norway\n    onExcludedDay: next-business-day\n");

        Trigger moved = awaitMovedTrigger();
        assertEquals(at.atZone(TestSchedules.ZONE).plusDays(1).toInstant(), moved.getStartTime().toInstant(),
                "same wall-clock time, next day");
        assertEquals("moved from " + at + ": holiday " + today, moved.getDescription());
        assertEquals(List.of(), runner.store().all(), "nothing delivered on the holiday");

        // the next day comes: the moved trigger's fire, delivered as the original one
        runner.quartz().triggerJob(JobKey.jobKey("daily", ScheduleRunner.GROUP), moved.getJobDataMap());
        ScheduledDeliveryTest.awaitMessages(greenMail, 1);
        assertEquals("Revenue growth and concentration as of " + today, greenMail.getReceivedMessages()[0].getSubject());
        awaitFinished();
        DeliveryRecord row = runner.store().all().get(0);
        assertEquals(at, row.fireTime(), "the original fire's key: a second moved fire cannot deliver again");
        assertEquals(DeliveryStatus.SENT, row.status());

        runner.quartz().triggerJob(JobKey.jobKey("daily", ScheduleRunner.GROUP), moved.getJobDataMap());
        Thread.sleep(1500);
        assertEquals(1, greenMail.getReceivedMessages().length);
        assertEquals(1, runner.store().all().size());
    }

    private Trigger awaitMovedTrigger() throws Exception {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            Set<TriggerKey> keys = runner.quartz().getTriggerKeys(GroupMatcher.triggerGroupEquals(ExcludedDays.MOVED));
            if (!keys.isEmpty()) {
                return runner.quartz().getTrigger(keys.iterator().next());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no moved trigger after 20 s");
    }

    private void awaitFinished() throws Exception {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            if (!runner.store().all().isEmpty() && runner.store().all().get(0).status().isFinal()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("delivery not finished: " + runner.store().all());
    }
}
