package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.kpikit.runner.engine.SharedEngine;
import dev.kpikit.runner.mail.SmtpTransport;

/**
 * 500 deliveries due in the same second, two worker threads, H2 store, GreenMail: all delivered,
 * once each. The throughput goes to runner/target/load-throughput.txt (and the README).
 * The 500 schedules share one report, so it is rendered once (see BirtReportRenderer): this
 * measures the scheduler, the store, composing and sending.
 */
class LoadTest {

    static final int DELIVERIES = 500;

    @TempDir
    Path folder;

    @Test
    void fiveHundredDeliveriesDueAtOnceWithTwoThreadsAllArriveOnce() throws Exception {
        SharedEngine.get();
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        Instant at = TestSchedules.inSeconds(6);
        Schedules schedules = ScheduleFileReader.read(TestSchedules.write(folder, TestSchedules.file(greenMail.getSmtp().getPort(),
                "  threads: 2\n  misfireThresholdSeconds: 60", TestSchedules.many(DELIVERIES, TestSchedules.cronAt(at)))), TestSchedules.roots());
        try (ScheduleRunner runner = ScheduleRunner.start(schedules, StoreSettings.h2(folder.resolve("store")),
                new BirtReportRenderer(ScheduledDeliveryTest::engine), new SmtpTransport(schedules.smtp().orElseThrow()),
                schedules.smtp().orElseThrow().from())) {
            ScheduledDeliveryTest.awaitMessages(greenMail, DELIVERIES);
            Thread.sleep(1000);
            assertEquals(DELIVERIES, greenMail.getReceivedMessages().length);
            assertEquals(DELIVERIES, Arrays.stream(greenMail.getReceivedMessages()).map(m -> {
                try {
                    return m.getAllRecipients()[0].toString();
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.toSet()).size());

            List<DeliveryRecord> rows = runner.store().all();
            assertEquals(DELIVERIES, rows.size());
            assertTrue(rows.stream().allMatch(r -> r.status() == DeliveryStatus.SENT));
            Instant last = rows.stream().map(DeliveryRecord::finished).max(Instant::compareTo).orElseThrow();
            Duration took = Duration.between(at, last);
            double perSecond = DELIVERIES * 1000.0 / took.toMillis();
            String line = String.format("%d deliveries due at once, 2 worker threads, H2 store, GreenMail on loopback: "
                    + "all sent in %.1f s, %.1f deliveries/s (%s cores, Java %s)%n", DELIVERIES, took.toMillis() / 1000.0,
                    perSecond, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.print("load: " + line);
            Files.writeString(Path.of("target", "load-throughput.txt"), line);
        } finally {
            greenMail.stop();
        }
    }
}
