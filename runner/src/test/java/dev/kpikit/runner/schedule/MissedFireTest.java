package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kpikit.runner.engine.SharedEngine;

/** A fire that falls while no runner runs is delivered once, late, when a runner starts again on the same store. */
class MissedFireTest extends MailedRunnerTest {

    /**
     * A zone given as an offset ("+01:00", "UTC+1", "Z") is shown by Java's TimeZone under another id ("GMT+01:00"):
     * the runner took the stored trigger for a changed one, replaced it at start and so lost the missed fire. One
     * schedule per zone, all missed during the same stop (a region's zone beside them as it always worked).
     */
    @Test
    void aFireMissedWhileTheRunnerWasStoppedIsDeliveredWhenItStartsAgain() throws Exception {
        SharedEngine.get();
        Instant at = TestSchedules.inSeconds(3);
        List<String> zones = List.of("Europe/Oslo", "+01:00", "UTC+1", "Z");
        StringBuilder each = new StringBuilder();
        for (int i = 0; i < zones.size(); i++) {
            ZonedDateTime t = at.atZone(ZoneId.of(zones.get(i)));
            String cron = t.getSecond() + " " + t.getMinute() + " " + t.getHour() + " " + t.getDayOfMonth() + " "
                    + t.getMonthValue() + " ? " + t.getYear();
            each.append(TestSchedules.schedule("zone" + i, cron, "ceo@kpikit.test")
                    .replace("timeZone: Europe/Oslo", "timeZone: \"" + zones.get(i) + "\""));
        }
        String yaml = TestSchedules.file(greenMail.getSmtp().getPort(), TestSchedules.fastRunner(1), each.toString());
        Schedules schedules = ScheduleFileReader.read(TestSchedules.write(folder, yaml), TestSchedules.roots());
        startRunner(schedules).close();
        Thread.sleep(java.time.Duration.between(Instant.now(), at.plusSeconds(3)).toMillis()); // past the misfire threshold (2 s)

        startRunner(schedules);
        ScheduledDeliveryTest.awaitMessages(greenMail, zones.size());
        List<DeliveryRecord> rows = runner.store().all();
        assertEquals(zones.size(), rows.size(), String.valueOf(rows));
        for (DeliveryRecord row : rows) {
            assertEquals(List.of(at, true), List.of(row.nominalTime(), row.late()), String.valueOf(row));
        }
    }
}
