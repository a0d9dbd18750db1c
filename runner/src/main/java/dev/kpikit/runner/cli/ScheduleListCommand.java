package dev.kpikit.runner.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.TimeZone;
import java.util.concurrent.Callable;

import org.quartz.CronExpression;

import dev.kpikit.runner.schedule.Schedule;
import dev.kpikit.runner.schedule.ScheduleFileReader;
import dev.kpikit.runner.schedule.ScheduleValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kpikit schedule list FILE}: the next fire times of each schedule, in its own time zone. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List schedules with their next fire times.")
final class ScheduleListCommand implements Callable<Integer> {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss xxx");

    @Parameters(paramLabel = "FILE", description = "The schedules file.")
    Path file;

    @Option(names = "--next", defaultValue = "3", paramLabel = "N", description = "How many fire times (default: ${DEFAULT-VALUE}).")
    int next;

    @Mixin
    RootsOptions roots = new RootsOptions();

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        try {
            for (Schedule s : ScheduleFileReader.read(file, roots.roots()).schedules()) {
                out.printf("%s  %s  \"%s\" %s  to %d recipient(s)  %s%n", s.id(), s.enabled() ? "enabled" : "DISABLED",
                        s.cron(), s.timeZone(), s.allRecipients().size(), s.template().getFileName());
                if (s.enabled()) {
                    nextFireTimes(s, next).forEach(when -> out.println("    " + when));
                }
            }
            return 0;
        } catch (ScheduleValidationException e) {
            err.println("kpikit schedule list: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("kpikit schedule list: " + e.getMessage());
            return 2;
        }
    }

    /** The next fire times as Quartz computes them (wall-clock time in the schedule's zone, DST included). */
    static java.util.List<String> nextFireTimes(Schedule s, int count) {
        java.util.List<String> times = new java.util.ArrayList<>();
        try {
            CronExpression cron = new CronExpression(s.cron());
            cron.setTimeZone(TimeZone.getTimeZone(s.timeZone()));
            Date after = new Date();
            for (int i = 0; i < count; i++) {
                after = cron.getTimeAfter(after);
                if (after == null) {
                    break;
                }
                times.add(WHEN.format(after.toInstant().atZone(s.timeZone())));
            }
        } catch (ParseException e) {
            times.add("(bad cron: " + e.getMessage() + ")");
        }
        return times;
    }
}
