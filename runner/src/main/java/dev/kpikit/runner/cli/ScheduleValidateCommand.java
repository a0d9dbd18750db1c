package dev.kpikit.runner.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.kpikit.runner.schedule.ScheduleFileReader;
import dev.kpikit.runner.schedule.ScheduleValidationException;
import dev.kpikit.runner.schedule.Schedules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kpikit schedule validate FILE}: every problem of a schedules file, each naming the schedule and field. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a schedules file; exit 1 listing every problem.")
final class ScheduleValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The schedules file (.yaml, .yml or .json).")
    Path file;

    @Mixin
    RootsOptions roots = new RootsOptions();

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        try {
            Schedules schedules = ScheduleFileReader.read(file, roots.roots());
            warn(schedules.warnings());
            out.printf("%s: %d schedule(s), %d enabled, OK%n", file, schedules.schedules().size(), schedules.enabled().size());
            return 0;
        } catch (ScheduleValidationException e) {
            warn(e.warnings());
            err.println("kpikit schedule validate: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("kpikit schedule validate: " + e.getMessage());
            return 2;
        }
    }

    private void warn(java.util.List<String> warnings) {
        warnings.forEach(w -> err.println("kpikit schedule validate: warning: " + file + ": " + w));
    }
}
