package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kpikit.runner.engine.SharedEngine;

/** A fire that falls while no runner runs is delivered once, late, when a runner starts again on the same store. */
class MissedFireTest extends MailedRunnerTest {

    /**
     * A zone given as an offset ("+01:00", "UTC+1", "Z") is shown by Java's TimeZone under another id ("GMT+01:00"):
     * the runner took the stored trigger for a changed one, replaced it at start and so lost the missed fire.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Europe/Oslo", "+01:00", "UTC+1", "Z"})
    void aFireMissedWhileTheRunnerWasStoppedIsDeliveredWhenItStartsAgain(String zone) throws Exception {
        SharedEngine.get();
        Instant at = TestSchedules.inSeconds(3);
        ZonedDateTime t = at.atZone(ZoneId.of(zone));
        String cron = t.getSecond() + " " + t.getMinute() + " " + t.getHour() + " " + t.getDayOfMonth() + " " + t.getMonthValue()
                + " ? " + t.getYear();
        String yaml = TestSchedules.file(greenMail.getSmtp().getPort(), TestSchedules.fastRunner(1),
                TestSchedules.schedule("daily", cron, "ceo@kpikit.test").replace("timeZone: Europe/Oslo", "timeZone: \"" + zone + "\""));
        Schedules schedules = ScheduleFileReader.read(TestSchedules.write(folder, yaml), TestSchedules.roots());
        startRunner(schedules).close();
        Thread.sleep(java.time.Duration.between(Instant.now(), at.plusSeconds(3)).toMillis()); // past the misfire threshold (2 s)

        startRunner(schedules);
        ScheduledDeliveryTest.awaitMessages(greenMail, 1);
        List<DeliveryRecord> rows = runner.store().all();
        assertEquals(1, rows.size(), String.valueOf(rows));
        assertEquals(List.of(at, true), List.of(rows.get(0).nominalTime(), rows.get(0).late()), String.valueOf(rows.get(0)));
    }
}
