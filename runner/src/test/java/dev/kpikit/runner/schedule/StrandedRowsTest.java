package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.kpikit.runner.engine.SharedEngine;
import dev.kpikit.runner.mail.SmtpTransport;

/**
 * Rows that no Quartz recovery will ever fire again (their runner is gone for good, or a job failed while the store was
 * unreachable, or the trigger of a next attempt was lost) are swept: once their lease is over by one more lease,
 * a running runner takes them over and finishes them, and {@code schedule history} shows what happened.
 */
class StrandedRowsTest {

    static final String GONE = "gone-host:4242:abc123";

    @TempDir
    Path folder;

    @Test
    void rowsLeftByARunnerGoneForGoodAreTakenOverAndFinishedAndTheHistoryShowsIt() throws Exception {
        SharedEngine.get();
        Path storeFile = folder.resolve("store");
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try (StoreDatabase db = StoreDatabase.open(StoreSettings.h2(storeFile), 2)) {
            // a runner that worked an hour ago, with a one-minute lease, and never came back
            DeliveryStore then = new DeliveryStore(db.dataSource(), Duration.ofMinutes(1), Clock.fixed(anHourAgo, ZoneOffset.UTC));
            String owner = GONE + "/" + java.util.UUID.randomUUID();
            then.claim("left-claimed", anHourAgo, anHourAgo, false, false, owner);
            DeliveryRecord removed = then.claim("removed-since", anHourAgo, anHourAgo, false, false, owner).record();
            then.markRendered(removed, owner, "<kpikit.removed@kpikit.test>", "to: cfo@kpikit.test", "report.pdf (1 bytes)");
            DeliveryRecord waiting = then.claim("left-waiting", anHourAgo, anHourAgo, false, false, owner).record();
            then.markRendered(waiting, owner, "<kpikit.waiting@kpikit.test>", "to: cfo@kpikit.test", "report.pdf (1 bytes)");
            then.beginAttempt(waiting, owner);
            then.waitForNextAttempt(waiting, owner, anHourAgo.plusSeconds(30), null, "attempt 1: 451 4.3.2 try again later");
        }
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        String never = "0 0 8 1 1 ? 2099";
        Schedules schedules = ScheduleFileReader.read(TestSchedules.write(folder, TestSchedules.file(greenMail.getSmtp().getPort(),
                TestSchedules.fastRunner(2), TestSchedules.schedule("left-claimed", never, "ceo@kpikit.test")
                        + TestSchedules.schedule("left-waiting", never, "cfo@kpikit.test"))), TestSchedules.roots());
        try (ScheduleRunner runner = ScheduleRunner.start(schedules, StoreSettings.h2(storeFile),
                new BirtReportRenderer(ScheduledDeliveryTest::engine), new SmtpTransport(schedules.smtp().orElseThrow()),
                schedules.smtp().orElseThrow().from())) {
            Map<String, DeliveryRecord> rows = awaitAllFinal(runner, Duration.ofSeconds(40));

            DeliveryRecord claimed = rows.get("left-claimed");
            assertEquals(DeliveryStatus.SENT, claimed.status(), String.valueOf(claimed.error()));
            assertEquals(1, claimed.recoveries());
            assertTrue(claimed.note().contains("recovered after a runner stopped (runner " + GONE + ", while CLAIMED)"),
                    claimed.note());

            DeliveryRecord resumed = rows.get("left-waiting");
            assertEquals(DeliveryStatus.SENT, resumed.status(), String.valueOf(resumed.error()));
            assertEquals(2, resumed.attempts(), "the lost second attempt was made");
            assertEquals("<kpikit.waiting@kpikit.test>", resumed.messageId(), "the recorded Message-ID is kept");

            DeliveryRecord failed = rows.get("removed-since");
            assertEquals(DeliveryStatus.FAILED, failed.status());
            assertTrue(failed.error().contains("schedule 'removed-since' is not in this runner's schedules file"), failed.error());
            assertTrue(failed.note().contains("while RENDERED"), failed.note());

            assertEquals(2, greenMail.getReceivedMessages().length);
        } finally {
            greenMail.stop();
        }
        String history = RunnerCrashTest.history("jdbc:h2:file:" + storeFile + ";AUTO_SERVER=TRUE");
        assertTrue(history.contains("recovered after a runner stopped (runner " + GONE + ", while CLAIMED)"), history);
        assertTrue(history.contains("is not in this runner's schedules file"), history);
        assertTrue(!history.contains("CLAIMED ") && !history.contains("STALE"), "nothing left in progress: " + history);
    }

    /**
     * Quartz sets a trigger to ERROR when it cannot read the trigger's job while acquiring it (a store that drops its
     * connections at that moment); such a schedule would never fire again. The sweep puts it back.
     */
    @Test
    void aTriggerQuartzSetToErrorIsPutBackAndFiresAgain() throws Exception {
        SharedEngine.get();
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        Path storeFile = folder.resolve("store");
        Schedules schedules = ScheduleFileReader.read(TestSchedules.write(folder, TestSchedules.file(greenMail.getSmtp().getPort(),
                TestSchedules.fastRunner(2), TestSchedules.schedule("put-back", TestSchedules.cronAt(TestSchedules.inSeconds(10)),
                        "ceo@kpikit.test"))), TestSchedules.roots());
        try (ScheduleRunner runner = ScheduleRunner.start(schedules, StoreSettings.h2(storeFile),
                new BirtReportRenderer(ScheduledDeliveryTest::engine), new SmtpTransport(schedules.smtp().orElseThrow()),
                schedules.smtp().orElseThrow().from());
                java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + storeFile + ";AUTO_SERVER=TRUE", "sa", "");
                java.sql.Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE QRTZ_TRIGGERS SET TRIGGER_STATE = 'ERROR' WHERE TRIGGER_NAME = 'put-back'"));
            assertEquals(org.quartz.Trigger.TriggerState.ERROR,
                    runner.quartz().getTriggerState(org.quartz.TriggerKey.triggerKey("put-back", ScheduleRunner.GROUP)));
            ScheduledDeliveryTest.awaitMessages(greenMail, 1);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();  // recorded just after the server took it
            while (!runner.store().all().get(0).status().isFinal() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(DeliveryStatus.SENT, runner.store().all().get(0).status());
        } finally {
            greenMail.stop();
        }
    }

    private static Map<String, DeliveryRecord> awaitAllFinal(ScheduleRunner runner, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        List<DeliveryRecord> rows = runner.store().all();
        while (System.nanoTime() < deadline) {
            rows = runner.store().all();
            if (rows.size() == 3 && rows.stream().allMatch(r -> r.status().isFinal())) {
                return rows.stream().collect(Collectors.toMap(DeliveryRecord::scheduleId, Function.identity()));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("stranded rows not finished: " + rows);
    }
}
