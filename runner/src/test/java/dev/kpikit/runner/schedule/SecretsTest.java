package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The SMTP and store passwords never reach a log line or a history row: a runner JVM logging at DEBUG (every
 * library's log lines, not just kpikit's) on a password-protected H2 store mails through an SMTP server that wants a
 * login; one delivery arrives, then the server's password changes and the next fails (bad login, owner notice
 * fails too); meanwhile a second runner starts with a wrong store password and is refused. Every line of every log, the
 * history as printed and every field of every row: zero hits for either password.
 */
class SecretsTest {

    static final String SMTP_SECRET = "smtp-Secret-7f3Kq9";
    static final String STORE_SECRET = "store-Secret-W2x8Lp";

    @TempDir
    Path folder;

    @Test
    void noLogLineAndNoHistoryRowContainsTheSmtpOrStorePassword() throws Exception {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        var user = greenMail.setUser("reports@kpikit.test", "reports", SMTP_SECRET);
        String store = "jdbc:h2:file:" + folder.resolve("store") + ";AUTO_SERVER=TRUE";
        Instant ok = TestSchedules.inSeconds(10);
        Instant failing = ok.plusSeconds(10);  // the server's password changes in between
        Path schedules = TestSchedules.write(folder, TestSchedules.file(greenMail.getSmtp().getPort(), TestSchedules.fastRunner(2),
                TestSchedules.schedule("secret-ok", TestSchedules.cronAt(ok), "ceo@kpikit.test")
                        + TestSchedules.schedule("secret-bad-login", TestSchedules.cronAt(failing), "cfo@kpikit.test"))
                .replace("  timeoutSeconds: 5\n", "  timeoutSeconds: 5\n  username: reports\n  passwordEnv: KPIKIT_SMTP_PASSWORD\n"));
        Map<String, String> env = Map.of("KPIKIT_SMTP_PASSWORD", SMTP_SECRET, "KPIKIT_STORE_USER", "sa",
                "KPIKIT_STORE_PASSWORD", STORE_SECRET);
        List<String> debug = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug");
        Map<String, String> wrongStorePassword = Map.of("KPIKIT_SMTP_PASSWORD", SMTP_SECRET, "KPIKIT_STORE_USER", "sa",
                "KPIKIT_STORE_PASSWORD", STORE_SECRET + "-wrong");
        List<String> logs = new ArrayList<>();
        try {
            try (RunnerProcess runner = RunnerProcess.start(schedules, store, folder.resolve("runner.log"), debug, env)) {
                runner.awaitLog("kpikit: running", Duration.ofSeconds(60));
                // meanwhile (the pool tries a refused login for 15 s) a second runner with a wrong store password
                try (RunnerProcess refused = RunnerProcess.start(schedules, store, folder.resolve("refused.log"), debug,
                        wrongStorePassword)) {
                    runner.awaitLog("secret-ok: delivered", Duration.ofSeconds(60));
                    user.setPassword("changed-by-the-mail-admin");
                    runner.awaitLog("secret-bad-login at", Duration.ofSeconds(60));
                    runner.awaitLog("FAILED", Duration.ofSeconds(10));
                    assertEquals(2, refused.awaitExit(Duration.ofSeconds(60)), refused.log());
                    assertTrue(refused.log().contains("cannot open the job store"), refused.log());
                    logs.add(refused.log());
                }
                assertEquals(0, runner.terminate(Duration.ofSeconds(30)), runner.log());
                logs.add(runner.log());
            }
            assertEquals(1, greenMail.getReceivedMessages().length);
        } finally {
            greenMail.stop();
        }

        StoreSettings settings = new StoreSettings(store, "sa", () -> STORE_SECRET, false);
        List<DeliveryRecord> rows;
        try (StoreDatabase db = StoreDatabase.open(settings, 1)) {
            rows = new DeliveryStore(db.dataSource(), Duration.ofSeconds(1), Clock.systemUTC()).all();
        }
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.status() == DeliveryStatus.FAILED && r.error().contains("535")), rows.toString());
        String everything = String.join("\n", logs) + "\n" + rows;
        long lines = everything.lines().count();
        for (String secret : List.of(SMTP_SECRET, STORE_SECRET)) {
            List<String> hits = everything.lines().filter(l -> l.contains(secret)).toList();
            assertTrue(hits.isEmpty(), "the password appears in " + hits.size() + " of " + lines + " lines: " + hits);
        }
        assertTrue(lines > 100, "the logs were read at debug level: " + lines + " lines");
        Files.writeString(Path.of("target", "secrets-scan.log"), everything);  // what was searched, for a look
        System.out.println("secrets: " + lines + " log lines and history rows, no password");
    }
}
