package dev.kpikit.runner.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target of the schedules reader: any bytes in a schedules.yaml give schedules or a
 * {@link ScheduleValidationException} listing the problems, never another exception, a
 * StackOverflowError or an OutOfMemoryError.
 */
class ScheduleFileReaderFuzzTest {

    private static final Path FILE;
    private static final ScheduleRoots ROOTS;

    static {
        try {
            Path dir = Files.createTempDirectory("kpikit-fuzz-schedules");
            Files.createFile(dir.resolve("report.rptdesign"));
            FILE = dir.resolve("schedules.yaml");
            ROOTS = ScheduleRoots.of(dir, dir); // templates and data folders only under the fuzz folder
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void schedules(byte[] input) throws IOException {
        Files.write(FILE, input);
        try {
            ScheduleFileReader.read(FILE, ROOTS);
        } catch (ScheduleValidationException refused) {
            // the documented refusal: every problem, each naming the schedule and field
        }
    }
}
