package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.kpikit.runner.cli.KpikitCommand;
import picocli.CommandLine;

/**
 * A runner JVM killed (SIGKILL) in the middle of a delivery, then restarted: the delivery
 * arrives once and the history shows it, taken over from the dead runner. The kill happens
 * while the runner talks to an SMTP server that never answers, that is after the report was
 * rendered and the Message-ID recorded, during the first attempt.
 */
class RunnerCrashTest {

    @TempDir
    Path folder;

    @Test
    void aRunnerKilledMidDeliveryIsRecoveredByTheRestartedRunnerAndDeliversOnce() throws Exception {
        int port = ScheduledDeliveryTest.freePort();
        Path schedules = TestSchedules.write(folder, TestSchedules.file(port, TestSchedules.fastRunner(2)
                .replace("timeoutSeconds: 5", ""),
                TestSchedules.schedule("crash-me", TestSchedules.cronAt(TestSchedules.inSeconds(10)), "ceo@kpikit.test")));
        String store = "jdbc:h2:file:" + folder.resolve("store") + ";AUTO_SERVER=TRUE";

        try (ServerSocket silentSmtp = new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress());
                RunnerProcess first = RunnerProcess.start(schedules, store, folder.resolve("first.log"))) {
            silentSmtp.setSoTimeout(60_000);
            Socket connection = silentSmtp.accept();  // the runner is now inside its first SMTP attempt
            first.kill();
            connection.close();
        }

        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        greenMail.start();
        try (RunnerProcess second = RunnerProcess.start(schedules, store, folder.resolve("second.log"))) {
            second.awaitLog("crash-me: delivered", Duration.ofSeconds(60));
            assertTrue(second.log().contains("taking over a delivery left RENDERED by a stopped runner"), second.log());
            Thread.sleep(1500);  // a duplicate would arrive now
            assertEquals(1, greenMail.getReceivedMessages().length, "delivered once");

            String history = history(store);
            assertTrue(history.contains("crash-me") && history.contains("SENT"), history);
            assertTrue(history.contains("recovered after a runner stopped"), history);
            assertTrue(history.contains("possible duplicate"), "the first attempt may have reached the server: " + history);
            assertTrue(history.contains(greenMail.getReceivedMessages()[0].getMessageID()), "same Message-ID as recorded: " + history);

            int exit = second.terminate(Duration.ofSeconds(20));
            assertEquals(0, exit, "SIGTERM stops the runner cleanly:\n" + second.log());
            assertTrue(second.log().contains("kpikit schedule run: stopped"), second.log());
        } finally {
            greenMail.stop();
        }
        try (var db = StoreDatabase.open(dev.kpikit.runner.cli.TestAccess.store(store), 1)) {
            List<DeliveryRecord> rows = new DeliveryStore(db.dataSource(), Duration.ofSeconds(1), Clock.systemUTC()).all();
            assertEquals(1, rows.size());
            assertEquals(DeliveryStatus.SENT, rows.get(0).status());
            assertEquals(2, rows.get(0).attempts(), "the killed attempt and the one that delivered");
            assertEquals(1, rows.get(0).recoveries());
        }
    }

    /**
     * The runner killed at a known step ({@code kpikit.test.pauseAt} holds every delivery there): CLAIMED (before the
     * render) or RENDERED (Message-ID recorded, before the first SMTP attempt). The restarted runner takes the row
     * over and delivers it once; nothing had reached the server, so no "possible duplicate".
     */
    @ParameterizedTest(name = "killed while {0}")
    @EnumSource(value = DeliveryStatus.class, names = {"CLAIMED", "RENDERED"})
    void aRunnerKilledAtAStepIsRecoveredByTheRestartedRunnerAndDeliversOnce(DeliveryStatus state) throws Exception {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        Path schedules = TestSchedules.write(folder, TestSchedules.file(greenMail.getSmtp().getPort(), TestSchedules.fastRunner(2),
                TestSchedules.schedule("crash-me", TestSchedules.cronAt(TestSchedules.inSeconds(8)), "ceo@kpikit.test")));
        String store = "jdbc:h2:file:" + folder.resolve("store") + ";AUTO_SERVER=TRUE";
        String pauseAt = state.name().toLowerCase(java.util.Locale.ROOT);
        try {
            try (RunnerProcess first = RunnerProcess.start(schedules, store, folder.resolve("first.log"),
                    List.of("-D" + PausePoint.PROPERTY + "=" + pauseAt), java.util.Map.of())) {
                first.awaitLog("paused at '" + pauseAt + "'", Duration.ofSeconds(60));
                assertTrue(history(store).contains(state.name()), "killed while " + state + ": " + history(store));
                first.kill();
            }
            assertEquals(0, greenMail.getReceivedMessages().length);
            try (RunnerProcess second = RunnerProcess.start(schedules, store, folder.resolve("second.log"))) {
                second.awaitLog("crash-me: delivered", Duration.ofSeconds(60));
                assertTrue(second.log().contains("taking over a delivery left " + state), second.log());
                Thread.sleep(1500);  // a duplicate would arrive now
                assertEquals(1, greenMail.getReceivedMessages().length, "delivered once");
                String history = history(store);
                assertTrue(history.contains("SENT") && history.contains("recovered after a runner stopped"), history);
                assertFalse(history.contains("possible duplicate"), history);
                assertEquals(0, second.terminate(Duration.ofSeconds(20)), second.log());
            }
        } finally {
            greenMail.stop();
        }
        try (var db = StoreDatabase.open(dev.kpikit.runner.cli.TestAccess.store(store), 1)) {
            List<DeliveryRecord> rows = new DeliveryStore(db.dataSource(), Duration.ofSeconds(1), Clock.systemUTC()).all();
            assertEquals(1, rows.size());
            assertEquals(DeliveryStatus.SENT, rows.get(0).status());
            assertEquals(1, rows.get(0).attempts(), "no attempt before the kill");
            assertEquals(1, rows.get(0).recoveries());
        }
    }

    /** {@code kpikit schedule history --store URL}, as an operator runs it. */
    static String history(String store) {
        return history(store, 10);
    }

    static String history(String store, int last) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new KpikitCommand()).execute("schedule", "history", "--last", String.valueOf(last), "--store", store);
            assertEquals(0, exit);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
