package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.engine.SharedEngine;
import dev.kpikit.runner.mail.EmlFolderTransport;

/**
 * The runner's output folder (the dry run's .eml folder) on a full file system, a 64 kB tmpfs with 4 kB left: the
 * delivery is FAILED with "no space left on FOLDER while writing FILE", and no partial file stays behind. Needs root
 * to mount the tmpfs: skipped otherwise, except under CI (KPIKIT_CI), which runs as root.
 */
class DiskFullTest {

    @TempDir
    Path folder;

    @Test
    void aFullOutputFolderGivesFailedWithNoSpaceLeftAndNoPartialFile() throws Exception {
        Path out = Files.createDirectory(folder.resolve("out"));
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", out.toString());
        if (!mounted && System.getenv("KPIKIT_CI") != null) {
            throw new AssertionError("cannot mount a tmpfs under CI (it runs as root)");
        }
        Assumptions.assumeTrue(mounted, "mounting a tmpfs needs root: the disk-full test is skipped");
        try {
            Files.write(out.resolve("filler"), new byte[60 * 1024]);
            SharedEngine.get();
            String yaml = TestSchedules.file(ScheduledDeliveryTest.freePort(), TestSchedules.fastRunner(2),
                    TestSchedules.schedule("disk-full", TestSchedules.cronAt(TestSchedules.inSeconds(3)), "ceo@kpikit.test"))
                    .replace("retry: {attempts: 6", "retry: {attempts: 2");
            Schedules schedules = ScheduleFileReader.read(TestSchedules.write(folder, yaml), TestSchedules.roots());
            try (ScheduleRunner runner = ScheduleRunner.start(schedules, StoreSettings.h2(folder.resolve("store")),
                    new BirtReportRenderer(ScheduledDeliveryTest::engine), new EmlFolderTransport(out),
                    schedules.smtp().orElseThrow().from())) {
                DeliveryRecord row = awaitFinal(runner);
                assertEquals(DeliveryStatus.FAILED, row.status());
                assertEquals(2, row.attempts(), "a full disk may be freed: retried as configured");
                assertTrue(row.error().contains("no space left on " + out + " while writing "), row.error());
                assertTrue(row.error().contains(".eml"), row.error());
            }
            List<Path> left;
            try (var files = Files.list(out)) {
                left = files.filter(f -> !f.getFileName().toString().equals("filler")).toList();
            }
            // the owner's short failure notice still fitted; the report's message left nothing, not even a partial file
            assertEquals(1, left.size(), "only the owner's notice: " + left);
            assertTrue(Files.readString(left.get(0)).contains("could not deliver schedule 'disk-full'"), left.toString());
            assertTrue(RunnerCrashTest.history("jdbc:h2:file:" + folder.resolve("store") + ";AUTO_SERVER=TRUE")
                    .contains("no space left on"));
        } finally {
            run("umount", out.toString());
        }
    }

    private static DeliveryRecord awaitFinal(ScheduleRunner runner) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<DeliveryRecord> rows = runner.store().all();
            if (!rows.isEmpty() && rows.get(0).status().isFinal()) {
                return rows.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the delivery did not finish: " + runner.store().all());
    }

    /** Runs a system command; false when it cannot run or fails (not root, no such command). */
    static boolean run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
