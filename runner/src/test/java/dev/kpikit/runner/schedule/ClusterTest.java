package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.kpikit.runner.TestPostgres;
import dev.kpikit.runner.cli.TestAccess;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * Two runner JVMs on one PostgreSQL database (Quartz clustering), 50 schedules due in the same
 * second: 50 deliveries, none twice. Needs KPIKIT_TEST_PG_URL (.ci/run installs PostgreSQL and
 * sets it); without it the test is skipped with a message, and under CI (KPIKIT_CI set) it fails.
 */
class ClusterTest {

    static final int SCHEDULES = 50;

    @TempDir
    Path folder;

    @Test
    void twoRunnersOnOnePostgreSqlDeliverFiftySchedulesExactlyOnce() throws Exception {
        String url = TestPostgres.newSchema(TestPostgres.url());
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        try {
            int port = greenMail.getSmtp().getPort();
            Path schedules = TestSchedules.write(folder, TestSchedules.file(port, TestSchedules.fastRunner(2),
                    TestSchedules.many(SCHEDULES, TestSchedules.cronAt(TestSchedules.inSeconds(15)))));
            try (RunnerProcess a = RunnerProcess.start(schedules, url, folder.resolve("a.log"));
                    RunnerProcess b = RunnerProcess.start(schedules, url, folder.resolve("b.log"))) {
                a.awaitLog("kpikit: running", Duration.ofSeconds(30));
                b.awaitLog("kpikit: running", Duration.ofSeconds(30));
                ScheduledDeliveryTest.awaitMessages(greenMail, SCHEDULES);
                Thread.sleep(3000);  // duplicates would arrive now
                MimeMessage[] received = greenMail.getReceivedMessages();
                assertEquals(SCHEDULES, received.length, "runner a:\n" + a.log() + "\nrunner b:\n" + b.log());
                Set<String> recipients = Arrays.stream(received).map(ClusterTest::to).collect(Collectors.toSet());
                assertEquals(SCHEDULES, recipients.size(), "every manager exactly once");
                Set<String> ids = Arrays.stream(received).map(ClusterTest::messageId).collect(Collectors.toSet());
                assertEquals(SCHEDULES, ids.size());

                try (var db = StoreDatabase.open(TestAccess.store(url), 1)) {
                    List<DeliveryRecord> rows = new DeliveryStore(db.dataSource(), Duration.ofSeconds(1), Clock.systemUTC()).all();
                    assertEquals(SCHEDULES, rows.size());
                    assertTrue(rows.stream().allMatch(r -> r.status() == DeliveryStatus.SENT && r.attempts() == 1), rows.toString());
                    Map<String, Long> byRunner = rows.stream().collect(Collectors.groupingBy(
                            r -> r.owner().substring(0, r.owner().indexOf('/')), Collectors.counting()));
                    System.out.println("cluster: deliveries per runner " + byRunner);
                }
                a.terminate(Duration.ofSeconds(20));
                b.terminate(Duration.ofSeconds(20));
            }
        } finally {
            greenMail.stop();
            TestPostgres.dropSchema(url);
        }
    }

    private static String to(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
