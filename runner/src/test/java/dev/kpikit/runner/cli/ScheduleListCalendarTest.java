package dev.kpikit.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.engine.SharedEngine;
import dev.kpikit.runner.schedule.Schedule;
import dev.kpikit.runner.schedule.ScheduleFileReader;
import dev.kpikit.runner.schedule.ScheduleRoots;

/** {@code schedule list} with a business calendar: the fires it skips or moves, each with the reason. */
class ScheduleListCalendarTest {

    @TempDir
    Path folder;

    private Schedule schedule(String onExcludedDay) throws Exception {
        Path file = folder.resolve("s.yaml");
        Files.writeString(file, "calendars:\n  norway:\n    timeZone: Europe/Oslo\n    yearly: [\"12-24\", \"12-25\", \"12-26\"]\n"
                + "    weekdaysOff: [SAT, SUN]\n    easterOffsets: [1]\n"
                + "schedules:\n  - id: daily\n    template: " + SharedEngine.template("kpi-basics.rptdesign") + "\n"
                + "    cron: \"0 0 8 ? * MON-FRI\"\n    timeZone: Europe/Oslo\n    to: [\"ceo@kpikit.test\"]\n"
                + "    calendar: norway\n    onExcludedDay: " + onExcludedDay + "\n");
        return ScheduleFileReader.read(file, ScheduleRoots.defaults(SharedEngine.home())).schedules().get(0);
    }

    @Test
    void skippedFiresAreListedWithTheirReason() throws Exception {
        List<String> lines = ScheduleListCommand.nextFireTimes(schedule("skip"), 3,
                ZonedDateTime.of(2026, 12, 23, 12, 0, 0, 0, ZoneId.of("Europe/Oslo")).toInstant());

        assertEquals(List.of("Thu 2026-12-24 08:00:00 +01:00  skipped: yearly holiday 12-24",
                "Fri 2026-12-25 08:00:00 +01:00  skipped: yearly holiday 12-25",
                "Mon 2026-12-28 08:00:00 +01:00", "Tue 2026-12-29 08:00:00 +01:00", "Wed 2026-12-30 08:00:00 +01:00"), lines);
    }

    @Test
    void movedFiresAreListedWithTheDayTheyMoveTo() throws Exception {
        List<String> lines = ScheduleListCommand.nextFireTimes(schedule("next-business-day"), 2,
                ZonedDateTime.of(2027, 3, 28, 12, 0, 0, 0, ZoneId.of("Europe/Oslo")).toInstant());

        // Easter Monday 2027 is 29 March, the day after daylight saving starts: 08:00 stays 08:00 (+02:00)
        assertEquals(List.of("Mon 2027-03-29 08:00:00 +02:00  moved to Tue 2027-03-30 08:00:00 +02:00: Easter +1",
                "Tue 2027-03-30 08:00:00 +02:00"), lines);
    }
}
