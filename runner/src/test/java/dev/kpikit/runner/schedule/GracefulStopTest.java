package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.kpikit.runner.cli.TestAccess;

/**
 * SIGTERM to a runner JVM while it is inside an SMTP attempt (a slow server holds the connection): the delivery
 * finishes and is recorded SENT, no fire after the SIGTERM starts, and the runner exits 0.
 */
class GracefulStopTest {

    @TempDir
    Path folder;

    @Test
    void sigtermDuringADeliveryLetsItFinishStartsNoOtherAndExitsZero() throws Exception {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        int port = ScheduledDeliveryTest.freePort();
        Instant first = TestSchedules.inSeconds(12);
        Instant afterStop = first.plusSeconds(8);  // the first delivery reaches the server before this, on a busy machine too
        Path schedules = TestSchedules.write(folder, TestSchedules.file(port, TestSchedules.fastRunner(2),
                TestSchedules.schedule("in-flight", TestSchedules.cronAt(first), "ceo@kpikit.test")
                        + TestSchedules.schedule("after-stop", TestSchedules.cronAt(afterStop), "cfo@kpikit.test"))
                .replace("  timeoutSeconds: 5\n", ""));  // the default 30 s: the slow server holds the connection longer than 5 s
        String store = "jdbc:h2:file:" + folder.resolve("store") + ";AUTO_SERVER=TRUE";
        try (HeldRelay slowSmtp = new HeldRelay(port, greenMail.getSmtp().getPort());
                RunnerProcess runner = RunnerProcess.start(schedules, store, folder.resolve("runner.log"))) {
            assertTrue(slowSmtp.awaitConnection(60), "the runner never connected:\n" + runner.log());
            assertTrue(Instant.now().isBefore(afterStop.minusSeconds(2)), "the first delivery came too late for this test");
            runner.signalTerm();
            runner.awaitLog("stopping; running deliveries finish first", Duration.ofSeconds(10));
            while (Instant.now().isBefore(afterStop.plusMillis(1500))) {  // the second fire's time passes while stopping
                assertTrue(runner.alive(), "the runner must wait for its delivery:\n" + runner.log());
                Thread.sleep(100);
            }
            slowSmtp.release();
            int exit = runner.awaitExit(Duration.ofSeconds(30));
            assertEquals(0, exit, runner.log());
            assertEquals(1, greenMail.getReceivedMessages().length, "the delivery in flight arrived");
            assertEquals(1, slowSmtp.connections(), "no delivery started after SIGTERM:\n" + runner.log());
            assertTrue(runner.log().contains("kpikit schedule run: stopped"), runner.log());
        } finally {
            greenMail.stop();
        }
        try (var db = StoreDatabase.open(TestAccess.store(store), 1)) {
            List<DeliveryRecord> rows = new DeliveryStore(db.dataSource(), Duration.ofSeconds(1), Clock.systemUTC()).all();
            assertEquals(1, rows.size(), "after-stop was never claimed: " + rows);
            assertEquals("in-flight", rows.get(0).scheduleId());
            assertEquals(DeliveryStatus.SENT, rows.get(0).status());
            assertEquals(1, rows.get(0).attempts());
        }
        assertTrue(RunnerCrashTest.history(store).contains("SENT"));
    }
}
