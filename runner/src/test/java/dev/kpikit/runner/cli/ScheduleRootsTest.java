package dev.kpikit.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.engine.SharedEngine;
import picocli.CommandLine;

/**
 * {@code schedule validate} and {@code schedule list} through picocli: a schedule names templates and data
 * folders only under the roots (--reports, --data; by default kpikit's own folders). Real files and links.
 */
class ScheduleRootsTest {

    @TempDir
    Path temp;
    /** A folder outside the schedules file's (which is temp). */
    @TempDir
    Path elsewhere;
    Path reports;
    Path data;
    Path outside;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void rootsAndAPlaceOutside() throws Exception {
        reports = Files.createDirectories(temp.resolve("reports"));
        data = Files.createDirectories(temp.resolve("data"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(reports.resolve("monthly.rptdesign"), "<report/>");
        Files.createDirectories(data.resolve("acme"));
        Files.writeString(outside.resolve("evil.rptdesign"), "<report/>");
        Files.createDirectories(outside.resolve("payroll"));
    }

    private Path schedules(String template, String dataFolder, String extraParameter) throws Exception {
        Path file = temp.resolve("schedules.yaml");
        Files.writeString(file, "schedules:\n  - id: monthly\n    template: " + template + "\n"
                + "    parameters: {dataFolder: \"" + dataFolder + "\"" + extraParameter + "}\n"
                + "    cron: \"0 0 8 1 * ?\"\n    timeZone: Europe/Oslo\n    to: [\"cfo@kpikit.test\"]\n");
        return file;
    }

    private int run(String verb, Path file, boolean withRoots) {
        Callable<Integer> command;
        if (verb.equals("validate")) {
            ScheduleValidateCommand validate = new ScheduleValidateCommand();
            validate.out = new PrintStream(out, true, StandardCharsets.UTF_8);
            validate.err = new PrintStream(err, true, StandardCharsets.UTF_8);
            command = validate;
        } else {
            ScheduleListCommand list = new ScheduleListCommand();
            list.out = new PrintStream(out, true, StandardCharsets.UTF_8);
            list.err = new PrintStream(err, true, StandardCharsets.UTF_8);
            command = list;
        }
        List<String> args = new ArrayList<>(List.of(file.toString()));
        if (withRoots) {
            args.addAll(List.of("--reports", reports.toString(), "--data", data.toString()));
        }
        return new CommandLine(command).execute(args.toArray(String[]::new));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aScheduleInsideTheRootsIsValid() throws Exception {
        assertEquals(0, run("validate", schedules("reports/monthly.rptdesign", "data/acme", ""), true), err());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("1 schedule(s), 1 enabled, OK"));
    }

    @Test
    void aTemplateOutsideTheReportsRootIsRefusedNamingTheScheduleAndThePath() throws Exception {
        assertEquals(1, run("validate", schedules("outside/evil.rptdesign", "data/acme", ""), true));
        assertTrue(err().contains("schedule 'monthly', field 'template' must stay inside the reports root " + reports + ": '"
                + outside.resolve("evil.rptdesign") + "' leads out of it"), err());
    }

    @Test
    void aTemplateGoingUpOutOfTheReportsRootIsRefused() throws Exception {
        assertEquals(1, run("validate", schedules("reports/../outside/evil.rptdesign", "data/acme", ""), true));
        assertTrue(err().contains("field 'template' must stay inside the reports root"), err());
    }

    @Test
    void aTemplateLinkedFromInsideToOutsideIsRefused() throws Exception {
        Files.createSymbolicLink(reports.resolve("linked.rptdesign"), outside.resolve("evil.rptdesign"));
        assertEquals(1, run("validate", schedules("reports/linked.rptdesign", "data/acme", ""), true));
        assertTrue(err().contains("'" + reports.resolve("linked.rptdesign") + "' leads out of it through a symbolic link"), err());
    }

    @Test
    void aDataFolderOutsideTheDataRootIsRefused() throws Exception {
        assertEquals(1, run("validate", schedules("reports/monthly.rptdesign", "outside/payroll", ""), true));
        assertTrue(err().contains("schedule 'monthly', field 'parameters.dataFolder' must stay inside the data root " + data
                + ": '" + outside.resolve("payroll") + "' leads out of it"), err());
    }

    @Test
    void aDataFolderLinkedOutsideIsRefused() throws Exception {
        Files.createSymbolicLink(data.resolve("payroll"), outside.resolve("payroll"));
        assertEquals(1, run("validate", schedules("reports/monthly.rptdesign", "data/payroll", ""), true));
        assertTrue(err().contains("field 'parameters.dataFolder' must stay inside the data root"), err());
        assertTrue(err().contains("through a symbolic link"), err());
    }

    @Test
    void listRefusesWhatValidateRefuses() throws Exception {
        assertEquals(1, run("list", schedules("outside/evil.rptdesign", "data/acme", ""), true));
        assertTrue(err().startsWith("kpikit schedule list: "), err());
        assertTrue(err().contains("field 'template' must stay inside the reports root"), err());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDefaultRootsAreKpikitsOwnFolders() throws Exception {
        assertEquals(0, run("validate", SharedEngine.home().resolve("schedules/example.yaml"), false), err());
        assertEquals(1, run("validate", schedules("reports/monthly.rptdesign", SharedEngine.sampleData("startup").toString(), ""), false));
        assertTrue(err().contains("must stay inside the reports root " + SharedEngine.home().resolve("report-templates")), err());
    }

    @Test
    void anImpossibleDateInAScheduleParameterIsRefused() throws Exception {
        assertEquals(1, run("validate", schedules("reports/monthly.rptdesign", "data/acme", ", asOf: \"2026-02-30\""), true));
        assertTrue(err().contains("schedule 'monthly', field 'parameters.asOf': '2026-02-30' is not a day of the calendar;"
                + " expected a date yyyy-MM-dd"), err());
    }

    /** A date beyond year 9999 passed validation and failed each run; now validate refuses it as render would. */
    @Test
    void aDateOutsideTheCalendarInAScheduleParameterIsRefusedByValidate() throws Exception {
        assertEquals(1, run("validate", schedules("reports/monthly.rptdesign", "data/acme", ", asOf: \"+999999999-12-31\""), true));
        assertTrue(err().contains("schedule 'monthly', field 'parameters.asOf': '+999999999-12-31' is outside the calendar"
                + " kpikit reckons with; expected a date yyyy-MM-dd from 0001-01-01 to 9999-12-31"), err());
    }

    @Test
    void aRootThatIsNotAFolderIsNamed() throws Exception {
        Path file = schedules("reports/monthly.rptdesign", "data/acme", "");
        ScheduleValidateCommand validate = new ScheduleValidateCommand();
        validate.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, new CommandLine(validate).execute(file.toString(), "--reports", temp.resolve("nope").toString()));
        assertEquals("kpikit schedule validate: " + temp.resolve("nope") + ": the reports root does not exist or is not a folder",
                err().strip());
    }

    @Test
    void aPasswordFileOutsideTheSecretsRootsIsRefusedUntilGivenWithSecretsRoot() throws Exception {
        Path secret = Files.writeString(elsewhere.resolve("id_rsa"), "s3cret\n");
        Path file = schedules("reports/monthly.rptdesign", "data/acme", "");
        Files.writeString(file, "smtp: {host: evil.kpikit.test, username: me, passwordFile: " + secret + "}\n" + Files.readString(file));

        assertEquals(1, run("validate", file, true));
        assertTrue(err().contains("smtp, field 'passwordFile' must stay inside a secrets root: '" + secret + "' leads out of them;"
                + " the secrets roots are " + temp), err());
        assertTrue(err().contains("(add one with --secrets-root DIR)") && !err().contains("s3cret"), err());

        ScheduleValidateCommand validate = new ScheduleValidateCommand();
        validate.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        validate.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, new CommandLine(validate).execute(file.toString(), "--reports", reports.toString(), "--data", data.toString(),
                "--secrets-root", elsewhere.toString()), err());
    }

    @Test
    void historyReadsAStorePasswordFileOutsideTheSchedulesFolderOnlyWithSecretsRoot() throws Exception {
        Path secret = Files.writeString(elsewhere.resolve("store-password"), "\n");
        Path file = Files.writeString(temp.resolve("store.yaml"),
                "store: {url: \"jdbc:h2:mem:secrets-root-test\", username: sa, passwordFile: " + secret + "}\n");

        assertEquals(1, new CommandLine(new ScheduleHistoryCommand()).execute("--file", file.toString()), "not valid: exit 1");
        assertEquals(0, new CommandLine(new ScheduleHistoryCommand()).execute("--file", file.toString(),
                "--secrets-root", elsewhere.toString()));
    }

    @Test
    void sendAndHistoryReadOnlyTheSettingsOfAFileWhoseSchedulesAreOutsideTheRoots() throws Exception {
        Path file = schedules("outside/evil.rptdesign", "outside/payroll", "");
        Files.writeString(file, "smtp: {host: mail.kpikit.test, port: 2525}\n" + Files.readString(file));
        var settings = dev.kpikit.runner.schedule.ScheduleFileReader.readSettings(file, dev.kpikit.runner.schedule.SecretRoots.DEFAULTS);
        assertEquals("mail.kpikit.test", settings.smtp().orElseThrow().host());
        assertEquals(List.of(), settings.schedules(), "no schedule is read, so none can point outside");
    }
}
