package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.kpikit.runner.TestPostgres;
import dev.kpikit.runner.cli.TestAccess;
import dev.kpikit.runner.engine.SharedEngine;
import dev.kpikit.runner.mail.SmtpTransport;
import jakarta.mail.internet.MimeMessage;

/**
 * sendWhen with real parts: a copy of the startup sample as the report's data folder, the real BIRT engine, an H2
 * (or PostgreSQL) store, GreenMail. Each delivery is one fire handed to a DeliveryService, as Quartz hands it.
 */
class SendWhenTest {

    /** Fires in November 2026: the report is as of the end of October, the sample's last month. */
    static final Instant NOV_5 = ZonedDateTime.of(2026, 11, 5, 8, 0, 0, 0, TestSchedules.ZONE).toInstant();

    @TempDir
    Path folder;
    GreenMail greenMail;
    Path data;
    final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        data = folder.resolve("data/startup");
        Files.createDirectories(data);
        try (Stream<Path> files = Files.list(SharedEngine.sampleData("startup"))) {
            for (Path f : files.toList()) {
                Files.copy(f, data.resolve(f.getFileName()));
            }
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        greenMail.stop();
    }

    private Schedules schedules(String id, String extra) throws Exception {
        String yaml = "smtp:\n  host: 127.0.0.1\n  port: " + greenMail.getSmtp().getPort() + "\n  from: reports@kpikit.test\n"
                + "schedules:\n  - id: " + id + "\n    template: " + TestSchedules.TEMPLATE + "\n"
                + "    parameters: {dataFolder: \"" + data + "\"}\n"
                + "    cron: \"0 0 8 * * ?\"\n    timeZone: Europe/Oslo\n    to: [\"ceo@kpikit.test\"]\n"
                + "    subject: \"{title} - {period}\"\n" + extra;
        return ScheduleFileReader.read(TestSchedules.write(folder, yaml),
                ScheduleRoots.of(SharedEngine.home().resolve(ScheduleRoots.REPORTS_FOLDER), folder.resolve("data")));
    }

    /** A runner's delivery service on a store (each call: another runner). */
    private DeliveryService runner(Schedules schedules, StoreSettings settings, String name) throws Exception {
        StoreDatabase database = StoreDatabase.open(settings, 3);
        open.add(database);
        DeliveryStore store = new DeliveryStore(database.dataSource(), Duration.ofSeconds(30), Clock.systemUTC());
        LeaseKeeper leases = new LeaseKeeper(store, Duration.ofSeconds(5));
        open.add(leases);
        return new DeliveryService(() -> schedules, store, leases, new BirtReportRenderer(ScheduledDeliveryTest::engine),
                new SmtpTransport(schedules.smtp().orElseThrow()), "reports@kpikit.test", name, Clock.systemUTC(),
                NextAttempts.IN_THIS_THREAD, false);
    }

    private static DeliveryRecord fire(DeliveryService service, String id, int day) throws Exception {
        Instant at = NOV_5.plus(Duration.ofDays(day));
        return service.deliver(new Fire(id, at, at, false, false));
    }

    private void replaceInData(String file, String from, String to) throws IOException {
        Path path = data.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), file + " has " + from);
        Files.writeString(path, text.replace(from, to));
    }

    @Test
    void kpiStatusChangedSkipsUnchangedDataAndTellsWhenAKpiTurnsRed() throws Exception {
        DeliveryService service = runner(schedules("kpis", "    sendWhen: [kpi-status-changed]\n"),
                StoreSettings.h2(folder.resolve("store")), "a");

        DeliveryRecord first = fire(service, "kpis", 0);
        DeliveryRecord unchanged = fire(service, "kpis", 1);
        replaceInData("metrics.csv", "2026-10-01,125758.90,", "2026-10-01,98000.00,");
        DeliveryRecord red = fire(service, "kpis", 2);

        assertEquals(DeliveryStatus.SENT, first.status(), String.valueOf(first));
        assertEquals("sendWhen [kpi-status-changed]: no earlier delivery to compare with", first.note());
        assertEquals(DeliveryStatus.SKIPPED, unchanged.status(), String.valueOf(unchanged));
        assertEquals("sendWhen [kpi-status-changed]: nothing changed since the delivery as of 2026-10-31", unchanged.note());
        assertEquals(DeliveryStatus.SENT, red.status(), String.valueOf(red));
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(2, received.length);
        assertEquals("Revenue growth and concentration - October 2026", received[0].getSubject());
        String subject = received[1].getSubject();
        assertTrue(subject.startsWith("Revenue turned red: 98,000 against a target of 125,000"), subject);
        String text = ScheduledDeliveryTest.Parts.of(received[1]).text.replace("\r\n", "\n");
        assertTrue(text.startsWith("Revenue turned red: 98,000 against a target of 125,000\n"), text);
    }

    @Test
    void kpiOffTargetSendsOnlyWhileAListedKpiIsRed() throws Exception {
        DeliveryService service = runner(schedules("red", "    sendWhen: [kpi-off-target]\n    offTarget: {kpis: [revenue]}\n"),
                StoreSettings.h2(folder.resolve("store")), "a");

        DeliveryRecord onTarget = fire(service, "red", 0);
        replaceInData("metrics.csv", "2026-10-01,125758.90,", "2026-10-01,98000.00,");
        DeliveryRecord offTarget = fire(service, "red", 1);

        assertEquals(DeliveryStatus.SKIPPED, onTarget.status(), String.valueOf(onTarget));
        assertEquals(DeliveryStatus.SENT, offTarget.status(), String.valueOf(offTarget));
        assertTrue(greenMail.getReceivedMessages()[0].getSubject().startsWith("Revenue is red: 98,000 against a target of 125,000"));
    }

    @Test
    void aKeyAccountEnteringAndLeavingIsTold() throws Exception {
        DeliveryService service = runner(schedules("accounts", "    sendWhen: [key-accounts-changed]\n"),
                StoreSettings.h2(folder.resolve("store")), "a");
        String key = "C03,Nordlys Robotics,Startup,5,5,5,5,2021-03-01";
        String modest = "C03,Nordlys Robotics,Startup,3,3,3,3,2021-03-01";
        replaceInData("accounts.csv", key, modest);
        DeliveryRecord baseline = fire(service, "accounts", 0);
        DeliveryRecord unchanged = fire(service, "accounts", 1);
        replaceInData("accounts.csv", modest, key);
        DeliveryRecord entered = fire(service, "accounts", 2);
        replaceInData("accounts.csv", key, modest);
        DeliveryRecord left = fire(service, "accounts", 3);

        assertEquals(List.of(DeliveryStatus.SENT, DeliveryStatus.SKIPPED, DeliveryStatus.SENT, DeliveryStatus.SENT),
                List.of(baseline.status(), unchanged.status(), entered.status(), left.status()));
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals("New key account: Nordlys Robotics, 71.1 - Revenue growth and concentration - October 2026",
                received[1].getSubject());
        assertEquals("No longer a key account: Nordlys Robotics (was 71.1) - Revenue growth and concentration - October 2026",
                received[2].getSubject());
        assertEquals("sendWhen: New key account: Nordlys Robotics, 71.1", entered.note());
    }

    @Test
    void theChangesAreToldInTheSchedulesLanguage() throws Exception {
        DeliveryService service = runner(schedules("norsk", "    locale: nb-NO\n    sendWhen: [key-accounts-changed]\n"),
                StoreSettings.h2(folder.resolve("store")), "a");
        String key = "C03,Nordlys Robotics,Startup,5,5,5,5,2021-03-01";
        String modest = "C03,Nordlys Robotics,Startup,3,3,3,3,2021-03-01";
        replaceInData("accounts.csv", key, modest);
        fire(service, "norsk", 0);
        replaceInData("accounts.csv", modest, key);
        fire(service, "norsk", 1);

        assertTrue(greenMail.getReceivedMessages()[1].getSubject().startsWith("Ny n\u00f8kkelkunde: Nordlys Robotics, 71,1 - "),
                greenMail.getReceivedMessages()[1].getSubject());
    }

    @Test
    void aDataFolderWithoutTheFileAConditionReadsFailsTheDeliveryNamingIt() throws Exception {
        DeliveryService service = runner(schedules("nokpis", "    sendWhen: [kpi-status-changed]\n"),
                StoreSettings.h2(folder.resolve("store")), "a");
        Files.delete(data.resolve("metrics.csv"));

        DeliveryRecord row = fire(service, "nokpis", 0);

        assertEquals(DeliveryStatus.FAILED, row.status());
        assertEquals("sendWhen: no file " + data.resolve("metrics.csv") + " in the report's data folder; the conditions"
                + " [kpi-status-changed] read it", row.error());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void twoRunnersOnPostgreSqlCompareWithWhatEitherLastSent() throws Exception {
        StoreSettings pg = TestAccess.store(TestPostgres.newSchema(TestPostgres.url()));
        Schedules schedules = schedules("kpis", "    sendWhen: [kpi-status-changed]\n");
        DeliveryService a = runner(schedules, pg, "runner-a");
        DeliveryService b = runner(schedules, pg, "runner-b");

        DeliveryRecord sentByA = fire(a, "kpis", 0);
        DeliveryRecord unchangedOnB = fire(b, "kpis", 1);
        replaceInData("metrics.csv", "2026-10-01,125758.90,", "2026-10-01,98000.00,");
        DeliveryRecord redOnB = fire(b, "kpis", 2);
        DeliveryRecord unchangedOnA = fire(a, "kpis", 3);

        assertEquals(List.of(DeliveryStatus.SENT, DeliveryStatus.SKIPPED, DeliveryStatus.SENT, DeliveryStatus.SKIPPED),
                List.of(sentByA.status(), unchangedOnB.status(), redOnB.status(), unchangedOnA.status()));
        assertEquals(2, greenMail.getReceivedMessages().length);
    }
}
