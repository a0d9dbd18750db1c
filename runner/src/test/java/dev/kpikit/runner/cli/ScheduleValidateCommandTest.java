package dev.kpikit.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.engine.SharedEngine;

/** {@code schedule validate}: its warnings beside the OK or the problems. */
class ScheduleValidateCommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int validate(Path file) {
        ScheduleValidateCommand command = new ScheduleValidateCommand();
        command.file = file;
        command.roots.reports = SharedEngine.home().resolve("report-templates");
        command.roots.data = SharedEngine.home().resolve("sample-data");
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return command.call();
    }

    private Path file(String id, String locale, String timeZone) throws Exception {
        return Files.writeString(folder.resolve("s.yaml"), "schedules:\n  - id: " + id + "\n    template: "
                + SharedEngine.template("kpi-basics.rptdesign") + "\n    cron: \"0 0 8 ? * MON\"\n    timeZone: " + timeZone
                + "\n    to: [\"ceo@kpikit.test\"]\n    locale: " + locale + "\n");
    }

    /** As {@code --locale xx-YY} is warned of, so is a schedule's: its report and mail would come in English. */
    @Test
    void aScheduleLocaleWithoutTextsIsWarnedOfAndTheFileIsValid() throws Exception {
        Path file = file("monday", "xx-YY", "Europe/Oslo");
        assertEquals(0, validate(file), err.toString(StandardCharsets.UTF_8));
        assertEquals("kpikit schedule validate: warning: " + file + ": schedule 'monday', field 'locale': 'xx-YY': kpikit has no"
                + " texts in that language; they are in English\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(file + ": 1 schedule(s), 1 enabled, OK\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLocaleWithTextsIsNotWarnedOf() throws Exception {
        assertEquals(0, validate(file("monday", "nb-NO", "Europe/Oslo")), err.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    /** A file with problems still tells the warning, in the same run. */
    @Test
    void theWarningIsToldBesideTheProblems() throws Exception {
        Path file = file("monday", "xx-YY", "Europe/Atlantis");
        assertEquals(1, validate(file));
        assertEquals("kpikit schedule validate: warning: " + file + ": schedule 'monday', field 'locale': 'xx-YY': kpikit has no"
                + " texts in that language; they are in English\nkpikit schedule validate: " + file + ": 1 problem(s):\n"
                + "  schedule 'monday', field 'timeZone': unknown time zone 'Europe/Atlantis'; expected a region such as Europe/Oslo or America/New_York (the tz database's names)\n", err.toString(StandardCharsets.UTF_8));
    }
}
