package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.engine.SharedEngine;
import dev.kpikit.runner.mail.SmtpTransport;

/**
 * A failed SMTP attempt no longer holds a worker thread through its back-off: the row waits in the store and a
 * Quartz trigger fires the next attempt. 500 deliveries whose recipients the server refuses (451, retried after a
 * minute) do not hold up a healthy schedule of the same runner (two worker threads): its mail keeps arriving on time.
 */
class RetryBackoffTest {

    static final int REFUSED = 500;

    @TempDir
    Path folder;

    @Test
    void fiveHundredDeliveriesWaitingForTheirNextAttemptDoNotDelayAHealthySchedule() throws Exception {
        SharedEngine.get();
        try (RefusingSmtp smtp = new RefusingSmtp()) {
            String due = TestSchedules.cronAt(TestSchedules.inSeconds(5));
            String refused = java.util.stream.IntStream.range(0, REFUSED).mapToObj(i -> TestSchedules.schedule(
                    String.format("r%03d", i), due,
                    String.format("refused%03d@kpikit.test", i))).collect(java.util.stream.Collectors.joining());
            String healthy = TestSchedules.schedule("healthy", "*/2 * * * * ?", "healthy@kpikit.test");
            Schedules schedules = ScheduleFileReader.read(TestSchedules.write(folder, TestSchedules.file(smtp.port(),
                    "  threads: 2\n  misfireThresholdSeconds: 60", refused + healthy)
                    .replace("retry: {attempts: 6, initialDelay: 300ms", "retry: {attempts: 3, initialDelay: 60s")
                    .replace("maxDelay: 2s", "maxDelay: 2m")), TestSchedules.roots());
            try (ScheduleRunner runner = ScheduleRunner.start(schedules, StoreSettings.h2(folder.resolve("store")),
                    new BirtReportRenderer(ScheduledDeliveryTest::engine), new SmtpTransport(schedules.smtp().orElseThrow()),
                    schedules.smtp().orElseThrow().from())) {
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (smtp.refusals() < REFUSED && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals(REFUSED, smtp.refusals(), "every refused delivery made its first attempt");
                Instant allWaiting = Instant.now();
                // with a sleeping back-off both worker threads would now sleep for a minute per delivery
                while (Instant.now().isBefore(allWaiting.plusSeconds(9))) {
                    Thread.sleep(100);
                }
                // every healthy fire of the first 4 s after that arrived within 5 s of its fire time (a render, on 2 busy
                // cores, takes up to 2 s), where a sleeping back-off would have kept it waiting for minutes
                Instant windowEnd = allWaiting.plusSeconds(4);
                long expected = java.util.stream.LongStream.rangeClosed(allWaiting.getEpochSecond() + 1, windowEnd.getEpochSecond())
                        .filter(second -> second % 2 == 0 && Instant.ofEpochSecond(second).isBefore(windowEnd)).count();
                List<RefusingSmtp.Accepted> after = smtp.accepted().stream()
                        .filter(a -> fireTime(a).isAfter(allWaiting) && fireTime(a).isBefore(windowEnd)).toList();
                assertEquals(expected, after.size(), "the healthy schedule (every 2 s) delivered each fire while 500 waited: " + after);
                assertTrue(after.stream().allMatch(a -> Duration.between(fireTime(a), a.at()).compareTo(Duration.ofSeconds(5)) < 0),
                        "each within 5 s of its fire time: " + after);
                List<DeliveryRecord> rows = runner.store().all();
                long waiting = rows.stream().filter(r -> r.scheduleId().startsWith("r") && r.waiting() && r.attempts() == 1).count();
                assertEquals(REFUSED, waiting, "each refused delivery waits in the store for its second attempt");
                assertTrue(rows.stream().filter(DeliveryRecord::waiting)
                        .allMatch(r -> r.error().contains("451 4.3.2 try again later")), "the history says why they wait");
                String history = RunnerCrashTest.history("jdbc:h2:file:" + folder.resolve("store") + ";AUTO_SERVER=TRUE", 1000);
                assertTrue(history.contains("WAITING") && history.contains("next try") && history.contains("(attempt 2)"), history);
                System.out.println("backoff: 500 first attempts refused; healthy fires after that delivered in "
                        + after.stream().map(a -> Duration.between(fireTime(a), a.at()).toMillis() + " ms").toList());
            }
        }
    }

    /** The fire time in kpikit's Message-ID: {@code <kpikit.SCHEDULE.FIRE_MILLIS.RANDOM@DOMAIN>}. */
    private static Instant fireTime(RefusingSmtp.Accepted a) {
        return Instant.ofEpochMilli(Long.parseLong(a.messageId().split("\\.")[2]));
    }
}
