package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronExpression;

import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.runner.engine.SharedEngine;

/** The schedules file: what it accepts, and problems named by schedule and field. */
class ScheduleFileReaderTest {

    @TempDir
    Path folder;

    private List<String> problems(String yaml) throws Exception {
        Path file = folder.resolve("s.yaml");
        Files.writeString(file, yaml);
        return assertThrows(ScheduleValidationException.class, () -> ScheduleFileReader.read(file, TestSchedules.roots())).problems();
    }

    private static String entry(String id, String field, String value) {
        String base = "  - id: " + id + "\n    template: " + TestSchedules.TEMPLATE + "\n    cron: \"0 0 8 ? * MON\"\n"
                + "    timeZone: Europe/Oslo\n    to: [\"ceo@kpikit.test\"]\n";
        return base.replaceFirst("(?m)^    " + field + ": .*$", "    " + field + ": " + value)
                + (base.contains("    " + field + ":") ? "" : "    " + field + ": " + value + "\n");
    }

    @Test
    void theExampleFileIsValidAndDefaultsApply() throws Exception {
        Schedules schedules = ScheduleFileReader.read(SharedEngine.home().resolve("schedules/example.yaml"), TestSchedules.roots());
        Schedule s = schedules.schedules().get(0);
        assertEquals("startup-monday", s.id());
        assertEquals(List.of(OutputFormat.PDF, OutputFormat.XLSX), s.formats());
        assertEquals(AsOfRule.END_OF_LAST_MONTH, s.asOf());
        assertEquals(SharedEngine.sampleData("startup").toString(), s.parameters().get("dataFolder"), "relative to the file");
        assertEquals(Locale.UK, s.locale());
        assertTrue(schedules.smtp().orElseThrow().toString().contains("localhost:25"));
    }

    /**
     * encoding and decimalSeparator, as render's --encoding and --decimal-separator: read into the schedule, and a wrong
     * value told with the schedule and the field in the words the command line uses.
     */
    @Test
    void encodingAndDecimalSeparatorAreReadAndAWrongOneIsToldByScheduleAndField() throws Exception {
        Path file = Files.writeString(folder.resolve("ok.yaml"), "schedules:\n" + entry("cp", "encoding", "windows-1252")
                + "    decimalSeparator: point\n" + entry("plain", "cron", "\"0 0 8 ? * MON\""));
        List<Schedule> read = ScheduleFileReader.read(file, TestSchedules.roots()).schedules();
        assertEquals(new dev.kpikit.data.CsvReading(java.nio.charset.Charset.forName("windows-1252"), '.'), read.get(0).reading());
        assertEquals(dev.kpikit.data.CsvReading.DEFAULT, read.get(1).reading());
        assertEquals(List.of("schedule 'cp', field 'encoding': 'klingon' names no known character set; use UTF-8, windows-1252,"
                + " ISO-8859-1 or another Java charset name",
                "schedule 'cp', field 'decimalSeparator': 'semicolon' is no decimal separator; expected point (12.50) or"
                + " comma (12,50), or nothing to decide from each file"),
                problems("schedules:\n" + entry("cp", "encoding", "klingon") + "    decimalSeparator: semicolon\n"));
    }

    /** A cron that Quartz accepts but that names no time to come would never deliver, and nothing would say so. */
    @Test
    void aCronThatNeverFiresIsRefused() throws Exception {
        assertEquals(List.of("schedule 'feb30', field 'cron': '0 0 8 30 2 ?' never fires from now on (a day no month has, such as"
                + " 30 February, or only years gone by)"), problems("schedules:\n" + entry("feb30", "cron", "\"0 0 8 30 2 ?\"")));
        assertEquals(List.of("schedule 'gone', field 'cron': '0 0 8 1 1 ? 2020' never fires from now on (a day no month has,"
                + " such as 30 February, or only years gone by)"), problems("schedules:\n" + entry("gone", "cron", "\"0 0 8 1 1 ? 2020\"")));
    }

    /** A line indented one space short: the parser's own message spans lines with carets; said as line, column and why. */
    @Test
    void aYamlSyntaxErrorIsToldByLineAndColumnInOneLine() throws Exception {
        assertEquals(List.of("line 5, column 4: not valid YAML: expected <block end>, but found '<block mapping start>' (while"
                + " parsing a block collection from line 2, column 3); look at the indentation and the brackets there"),
                problems("schedules:\n  - name: monthly\n    template: x.rptdesign\n    cron: \"0 0 8 1 * ?\"\n   bad: [\n"));
    }

    @Test
    void aSecondDocumentIsRefusedNotDroppedAndAClosingMarkerOrCommentsAreNot() throws Exception {
        String one = "schedules:\n" + entry("monday", "cron", "\"0 0 8 ? * MON\"");
        // the second document's schedule would never have run, and nothing said so
        assertEquals(List.of("line 8: a second YAML document (after '---'); a schedules file holds one document"),
                problems(one + "---\nschedules:\n" + entry("tuesday", "cron", "\"0 0 8 ? * TUE\"")));
        Path file = Files.writeString(folder.resolve("closed.yaml"), one + "---\n# nothing more\n");
        assertEquals(List.of("monday"), ScheduleFileReader.read(file, TestSchedules.roots()).schedules().stream().map(Schedule::id).toList());
        assertEquals(List.of("the file is empty"), problems("# only a comment\n"));
        Path json = Files.writeString(folder.resolve("s.json"), "{\"schedules\": []}\n{\"schedules\": []}\n");
        assertEquals(List.of("line 2: content after the JSON object, which must be the only value in the file"),
                assertThrows(ScheduleValidationException.class, () -> ScheduleFileReader.read(json, TestSchedules.roots())).problems());
    }

    /** A key given twice was read as its last value, the other dropped unseen: a second cron, a second smtp section. */
    @Test
    void aKeyGivenTwiceIsRefusedWithItsLine() throws Exception {
        assertEquals(List.of("line 7: not valid YAML/JSON: field 'cron' appears twice in one object"),
                problems("schedules:\n" + entry("monday", "cron", "\"0 0 8 ? * MON\"") + "    cron: \"0 0 9 ? * TUE\"\n"));
        assertEquals(List.of("line 3: not valid YAML/JSON: field 'smtp' appears twice in one object"),
                problems("smtp: {host: localhost}\nschedules: []\nsmtp: {host: smtp.example.com}\n"));
    }

    /** A 50 MB file (a log named by mistake) kept validate, run and serve parsing for over ten minutes. */
    @Test
    void aFileLargerThanAnySchedulesFileIsRefusedAtOnce() throws Exception {
        String yaml = "schedules:\n" + entry("monday", "cron", "\"0 0 8 ? * MON\"") + "# " + "x".repeat(3_000_000) + "\n";
        long start = System.nanoTime();
        assertEquals(List.of(String.format(Locale.ROOT, "the file is %,d bytes; a schedules file is at most 1,048,576 (is it the"
                + " right file?)", yaml.length())),
                problems(yaml));
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "refused without parsing");
    }

    /** These passed validation: every delivery then failed on the port, or its lease ran out as it began. */
    @Test
    void numbersOfTheSmtpAndRunnerSectionsOutsideTheirRangeAreRefused() throws Exception {
        assertEquals(List.of("smtp, field 'port': 99999 is not between 1 and 65,535",
                "smtp, field 'timeoutSeconds': 0 is not between 1 and 3,600",
                "runner, field 'leaseSeconds': -1 is not between 1 and 86,400",
                "runner, field 'heartbeatSeconds': -5 is not between 1 and 86,400",
                "runner, field 'misfireThresholdSeconds': 0 is not between 1 and 86,400"),
                problems("smtp: {host: localhost, port: 99999, timeoutSeconds: 0}\n"
                        + "runner: {leaseSeconds: -1, heartbeatSeconds: -5, misfireThresholdSeconds: 0}\n"
                        + "schedules:\n" + entry("monday", "cron", "\"0 0 8 ? * MON\"")));
    }

    /**
     * Quartz skips a fire time that the change to summer time jumps over, without a word: a daily report at 02:30 in
     * Berlin did not come on the last Sunday of March. Said as a warning; a cron that fires again within the hour is not.
     */
    @Test
    void aFireTimeTheChangeToSummerTimeSkipsIsWarnedOf() throws Exception {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate today = LocalDate.now(berlin);
        LocalDate change = LocalDate.of(today.getYear(), 3, 31).with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.SUNDAY));
        if (!change.isAfter(today)) {
            change = LocalDate.of(today.getYear() + 1, 3, 31).with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.SUNDAY));
        }
        CronExpression quartz = new CronExpression("0 30 2 * * ?");
        quartz.setTimeZone(TimeZone.getTimeZone(berlin));
        Date dayBefore = Date.from(change.minusDays(1).atTime(12, 0).atZone(berlin).toInstant());
        assertEquals(change.plusDays(1), quartz.getTimeAfter(dayBefore).toInstant().atZone(berlin).toLocalDate(), "Quartz skips the day");

        Path file = Files.writeString(folder.resolve("night.yaml"), "schedules:\n"
                + entry("nightly", "cron", "\"0 30 2 * * ?\"").replace("Europe/Oslo", "Europe/Berlin")
                + entry("quarterly", "cron", "\"0 */15 * * * ?\"").replace("Europe/Oslo", "Europe/Berlin"));
        assertEquals(List.of("schedule 'nightly', field 'cron': 02:30 on " + change + " does not exist in Europe/Berlin (the"
                + " clocks go from 02:00 to 03:00), so that fire is skipped; a time outside 02:00-03:00 is delivered every time"),
                ScheduleFileReader.read(file, TestSchedules.roots()).warnings());
    }

    /** Jackson's words with Java's types ("Cannot deserialize value of type 'Integer' from String"), and 2.5 read as 2. */
    @Test
    void aWordOrADecimalWhereAWholeNumberOrTrueOrFalseGoesIsToldWithItsLineAndValue() throws Exception {
        assertEquals(List.of("line 7: schedule #1, field 'retry.attempts': expected a number, found 'three'"),
                problems("schedules:\n" + entry("monday", "retry", "{attempts: three}")));
        assertEquals(List.of("line 7: schedule #1, field 'retry.attempts': expected a whole number, found 2.5"),
                problems("schedules:\n" + entry("monday", "retry", "{attempts: 2.5}")));
        assertEquals(List.of("line 7: schedule #1, field 'enabled': expected true or false, found 'yes please'"),
                problems("schedules:\n" + entry("monday", "enabled", "yes please")));
    }

    /** A zone in other letter case, with spaces or as its city alone was "unknown time zone" and no more. */
    @Test
    void aTimeZoneNearlyRightIsToldWhichOneWasMeant() throws Exception {
        assertEquals(List.of("calendar 'c', field 'timeZone': unknown time zone 'Berlin'; did you mean Europe/Berlin?",
                "schedule 'a', field 'timeZone': unknown time zone 'europe/berlin'; did you mean Europe/Berlin?",
                "schedule 'b', field 'timeZone': unknown time zone 'New York'; did you mean America/New_York?"),
                problems("calendars:\n  c: {timeZone: Berlin}\nschedules:\n"
                        + entry("a", "timeZone", "europe/berlin") + entry("b", "timeZone", "New York")));
    }

    /** "0 0 8 ? * 1-5" is Sunday to Thursday in Quartz; an admin used to crontab means the working days, and nothing said so. */
    @Test
    void dayOfWeekNumbersAreWarnedOfWithTheDaysTheyName() throws Exception {
        CronExpression quartz = new CronExpression("0 0 8 ? * 1-5");
        quartz.setTimeZone(TimeZone.getTimeZone("Europe/Oslo"));
        Date saturday = Date.from(ZonedDateTime.of(2027, 1, 2, 12, 0, 0, 0, ZoneId.of("Europe/Oslo")).toInstant());
        assertEquals(java.time.DayOfWeek.SUNDAY, quartz.getTimeAfter(saturday).toInstant().atZone(ZoneId.of("Europe/Oslo")).getDayOfWeek());

        Path file = Files.writeString(folder.resolve("days.yaml"), "schedules:\n" + entry("weekdays", "cron", "\"0 0 8 ? * 1-5\"")
                + entry("named", "cron", "\"0 0 8 ? * MON-FRI\"") + entry("monthly", "cron", "\"0 0 8 1 * ?\""));
        assertEquals(List.of("schedule 'weekdays', field 'cron': day of week '1-5': Quartz counts from Sunday, so 1 is SUN, 5 is THU"
                + " (Unix cron counts from Monday); the names (MON-FRI) say it plainly"),
                ScheduleFileReader.read(file, TestSchedules.roots()).warnings());
    }

    /** A star too many ("* * * * * ?": every second) would mail a report 86,400 times a day; it was accepted without a word. */
    @Test
    void aCronFiringMoreThanOnceAMinuteIsWarnedOf() throws Exception {
        Path file = Files.writeString(folder.resolve("often.yaml"), "schedules:\n" + entry("stars", "cron", "\"* * * * * ?\"")
                + entry("tens", "cron", "\"0/10 * 8 * * ?\"") + entry("minutes", "cron", "\"0 * 8 * * ?\""));
        assertEquals(List.of("schedule 'stars', field 'cron': '* * * * * ?' fires every second, a delivery each time; Quartz's"
                        + " first field is the second: '0 0 8 * * ?' is 08:00 every day",
                "schedule 'tens', field 'cron': '0/10 * 8 * * ?' fires every 10 seconds, a delivery each time; Quartz's first"
                        + " field is the second: '0 0 8 * * ?' is 08:00 every day"),
                ScheduleFileReader.read(file, TestSchedules.roots()).warnings());
    }

    @Test
    void eachProblemNamesTheScheduleAndTheField() throws Exception {
        List<String> problems = problems("schedules:\n"
                + entry("bad-cron", "cron", "\"0 0 25 ? * MON\"")
                + entry("bad-zone", "timeZone", "Europe/Atlantis")
                + entry("no-template", "template", SharedEngine.template("missing.rptdesign").toString())
                + entry("bad-address", "to", "[\"ceo@@kpikit\"]")
                + entry("crlf", "subject", "\"Hello\\r\\nBcc: victim@example.com\"")
                + entry("placeholder", "subject", "\"{title} {nope}\"")
                + entry("bad-cc", "cc", "[\"Robert <bob@kpikit.test>\\nX: y\"]"));
        String all = String.join("\n", problems);
        assertTrue(all.contains("schedule 'bad-cron', field 'cron': bad cron expression '0 0 25 ? * MON'"), all);
        assertTrue(all.contains("schedule 'bad-zone', field 'timeZone': unknown time zone 'Europe/Atlantis'"), all);
        assertTrue(all.contains("schedule 'no-template', field 'template': unknown template"), all);
        assertTrue(all.contains("schedule 'bad-address', field 'to': malformed address 'ceo@@kpikit'"), all);
        assertTrue(all.contains("schedule 'crlf', field 'subject': CR/LF in a header value"), all);
        assertTrue(all.contains("schedule 'placeholder', field 'subject': unknown placeholder {nope}"), all);
        assertTrue(all.contains("schedule 'bad-cc', field 'cc': line break in address"), all);
        assertEquals(7, problems.size(), all);
    }

    @Test
    void aPasswordInTheFileIsRefusedWithoutRepeatingIt() throws Exception {
        List<String> problems = problems("smtp: {host: smtp.example.com, password: s3cret}\nschedules:\n" + entry("a", "to", "[\"a@kpikit.test\"]"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("smtp, field 'password': never put a password in the schedules file"));
        assertTrue(!problems.get(0).contains("s3cret"));
    }

    @Test
    void aPasswordInTheStoreUrlIsRefusedWithoutRepeatingIt() throws Exception {
        List<String> problems = problems("store: {url: \"jdbc:postgresql://db.example.com/kpikit?user=kpikit&password=s3cret\"}\n"
                + "schedules:\n" + entry("a", "to", "[\"a@kpikit.test\"]"));
        assertEquals(List.of("store, field 'url': holds a password; never put a password in the schedules file, "
                + "use passwordEnv or passwordFile"), problems);
    }

    @Test
    void aStoreUrlShowsNoPassword() {
        assertEquals("jdbc:postgresql://h/db?user=u&password=***&sslpassword=*** (clustered)",
                new StoreSettings("jdbc:postgresql://h/db?user=u&password=s3cret&sslpassword=k3y", null, () -> null, true).toString());
        assertEquals("jdbc:h2:file:/x;PASSWORD=***;AUTO_SERVER=TRUE",
                new StoreSettings("jdbc:h2:file:/x;PASSWORD=s3cret;AUTO_SERVER=TRUE", null, () -> null, false).toString());
    }

    @Test
    void unknownFieldsAndDuplicateIdsAreNamed() throws Exception {
        assertTrue(problems("schedules:\n  - id: a\n    crn: x\n").get(0).startsWith("line 3: schedule 'a', field 'crn': unknown field"));
        assertTrue(problems("schedules:\n  - crn: x\n").get(0).startsWith("line 2: schedule #1, field 'crn': unknown field"));
        List<String> duplicate = problems("schedules:\n" + entry("a", "to", "[\"a@kpikit.test\"]") + entry("a", "to", "[\"b@kpikit.test\"]"));
        assertTrue(duplicate.contains("schedule 'a', field 'id': used twice"), duplicate.toString());
    }

    /**
     * A user who fixes one misspelt field must not find the next on the next run: every unknown field is told at once,
     * each with its line and where it is, whether its value is a scalar, a list or an object (whose own fields are not
     * looked into); and the file's other problems are told with them.
     */
    @Test
    void everyUnknownFieldIsToldWithItsLineAndPathInOneRun() throws Exception {
        List<String> problems = problems("smtp: {host: localhost, prot: 25}\n" // line 1
                + "calendars:\n  norway:\n    timeZone: Europe/Oslo\n    weekdayOff: [SAT, SUN]\n" // line 5
                + "schedules:\n" + entry("a", "to", "[\"a@kpikit.test\"]") // lines 7 to 11
                + "    recipients:\n      - b@kpikit.test\n" // line 12
                + "    flavour: {sweet: true, tart: [1, 2]}\n" // line 14
                + "    retry: {atempts: 3}\n" // line 15
                + "    headline:\n      - {name: revenue, item: kpis, column: value, fromat: \"#,##0\"}\n" // line 17
                + "    crn: \"0 0 9 ? * MON\"\n" // line 18
                + entry("b", "timeZone", "Europe/Atlantis"));
        String all = String.join("\n", problems);
        List<String> where = problems.stream().map(p -> p.replaceFirst(": unknown field; known: .*", "")).toList();
        assertEquals(List.of(
                "line 1: smtp, field 'prot'",
                "line 5: calendar 'norway', field 'weekdayOff'",
                "line 12: schedule 'a', field 'recipients'",
                "line 14: schedule 'a', field 'flavour'",
                "line 15: schedule 'a', field 'retry.atempts'",
                "line 17: schedule 'a', field 'headline[0].fromat'",
                "line 18: schedule 'a', field 'crn'",
                "schedule 'b', field 'timeZone': unknown time zone 'Europe/Atlantis'; expected a region such as Europe/Oslo or America/New_York (the tz database's names)"), where, all);
        assertTrue(problems.contains("line 15: schedule 'a', field 'retry.atempts': unknown field; known: attempts, initialDelay,"
                + " maxDelay, multiplier"), all);
        assertTrue(problems.get(6).endsWith("known: asOf, asOfParameter, bcc, body, calendar, cc, cron, decimalSeparator,"
                + " destinations, enabled, encoding, formats, headline, id, locale, offTarget, onExcludedDay, owner, parameters,"
                + " retry, sendWhen, skipWhenNoData, subject, template, timeZone, to"), all);
    }

    /** The same in a JSON file; a file Jackson cannot read into the model still tells its unknown fields first. */
    @Test
    void unknownFieldsOfAJsonFileAreToldTooAlsoBesideAValueOfTheWrongKind() throws Exception {
        Path json = Files.writeString(folder.resolve("s.json"), "{\"smtp\": {\"hots\": \"x\"},\n \"schedules\": [\n"
                + "  {\"id\": \"a\", \"flavour\": {\"sweet\": true},\n   \"crn\": [1, {\"x\": 2}], \"owner\": {\"x\": 2}}]}\n");
        List<String> problems = assertThrows(ScheduleValidationException.class,
                () -> ScheduleFileReader.read(json, TestSchedules.roots())).problems();
        List<String> where = problems.stream().map(p -> p.replaceFirst(": unknown field; known: .*", "")).toList();
        assertEquals(List.of("line 1: smtp, field 'hots'", "line 3: schedule #1, field 'flavour'", "line 4: schedule #1, field 'crn'",
                "line 4: schedule #1, field 'owner': expected text, found an object"), where, String.join("\n", problems));
    }

    @Test
    void mondaysAtEightStayAtEightAcrossDaylightSavingChanges() throws Exception {
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        CronExpression cron = new CronExpression("0 0 8 ? * MON");
        cron.setTimeZone(TimeZone.getTimeZone(oslo));
        // Norway leaves winter time on 29 March 2026 and goes back on 25 October 2026
        Date after = Date.from(ZonedDateTime.of(2026, 3, 20, 0, 0, 0, 0, oslo).toInstant());
        for (int week = 0; week < 32; week++) {
            after = cron.getTimeAfter(after);
            ZonedDateTime local = after.toInstant().atZone(oslo);
            assertEquals(8, local.getHour(), local.toString());
            assertEquals(0, local.getMinute());
        }
        Instant beforeChange = ZonedDateTime.of(2026, 3, 23, 8, 0, 0, 0, oslo).toInstant();
        Instant afterChange = ZonedDateTime.of(2026, 3, 30, 8, 0, 0, 0, oslo).toInstant();
        assertEquals(7 * 24 - 1, java.time.Duration.between(beforeChange, afterChange).toHours(), "one hour less in UTC");
    }

    @Test
    void asOfRulesAndPeriods() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        assertEquals(LocalDate.of(2026, 10, 31), AsOfRule.END_OF_LAST_MONTH.asOf(monday));
        assertEquals("October 2026", AsOfRule.END_OF_LAST_MONTH.period(LocalDate.of(2026, 10, 31), Locale.UK));
        assertEquals(LocalDate.of(2026, 11, 22), AsOfRule.END_OF_LAST_WEEK.asOf(monday));
        assertEquals(LocalDate.of(2026, 9, 30), AsOfRule.END_OF_LAST_QUARTER.asOf(monday));
        assertEquals("Q3 2026", AsOfRule.END_OF_LAST_QUARTER.period(LocalDate.of(2026, 9, 30), Locale.UK));
        assertEquals(LocalDate.of(2025, 12, 31), AsOfRule.END_OF_LAST_YEAR.asOf(monday));
        assertEquals(AsOfRule.END_OF_LAST_MONTH, AsOfRule.parse("End of  last month"));
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(5, java.time.Duration.ofSeconds(30), 2, java.time.Duration.ofMinutes(1));
        assertEquals(30, policy.delayAfter(1).toSeconds());
        assertEquals(60, policy.delayAfter(2).toSeconds());
        assertEquals(60, policy.delayAfter(3).toSeconds());
    }

    /** A schedules file saved in Windows' Latin-1, as UTF-16, or not text at all: said once, without Java's words. */
    @Test
    void aFileThatIsNotUtf8TextIsSaidSo() throws Exception {
        byte[][] contents = {
                "schedules:\n  - id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1),
                "\uFEFFschedules: []\n".getBytes(StandardCharsets.UTF_16LE),
                {(byte) 0x8c, (byte) 0xff, 0x01, (byte) 0xfe, 0x00, (byte) 0x9d}};
        for (byte[] content : contents) {
            Path file = Files.write(folder.resolve("s.yaml"), content);
            assertEquals(List.of("the file is not UTF-8 text; save it as UTF-8"),
                    assertThrows(ScheduleValidationException.class, () -> ScheduleFileReader.read(file, TestSchedules.roots())).problems());
        }
    }
}
