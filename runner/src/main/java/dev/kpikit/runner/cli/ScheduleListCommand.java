package dev.kpikit.runner.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.kpikit.runner.schedule.BusinessCalendars;
import dev.kpikit.runner.schedule.Schedule;
import dev.kpikit.runner.schedule.ScheduleFileReader;
import dev.kpikit.runner.schedule.ScheduleValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kpikit schedule list FILE}: the next fire times of each schedule, in its own time zone, its calendar applied. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List schedules with their next fire times.")
final class ScheduleListCommand implements Callable<Integer> {

    /** A calendar that skips many fires (a daily cron and a long closure) shows the first ones only. */
    private static final int MAX_SKIPPED_SHOWN = 10;
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
                String calendar = s.calendar() == null ? ""
                        : "  calendar " + s.calendar().name() + " (" + s.onExcludedDay().text() + ")";
                out.printf("%s  %s  \"%s\" %s%s  %s  %s%s%n", s.id(), s.enabled() ? "enabled" : "DISABLED",
                        s.cron(), s.timeZone(), calendar, destinations(s), s.template().getFileName(),
                        s.sendWhen().always() ? "" : "  when " + s.sendWhen().conditions().stream().map(c -> c.text()).sorted().toList());
                if (s.enabled()) {
                    nextFireTimes(s, next, Instant.now()).forEach(when -> out.println("    " + when));
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

    /** "to 2 recipient(s), folder /srv/reports, webhook chat.example.com". */
    private static String destinations(Schedule s) {
        List<String> where = new ArrayList<>();
        if (s.destinations().mail()) {
            where.add("to " + s.allRecipients().size() + " recipient(s)");
        }
        if (s.destinations().folder() != null) {
            where.add("folder " + s.destinations().folder());
        }
        if (s.destinations().webhook() != null) {
            where.add("webhook " + s.destinations().webhook().shown());
        }
        return String.join(", ", where);
    }

    /**
     * The next fire times as Quartz computes them (wall-clock time in the schedule's zone, DST included), with the
     * business calendar applied: {@code count} deliveries, and on the way each fire the calendar skips or moves, with
     * the reason.
     */
    static List<String> nextFireTimes(Schedule s, int count, Instant now) {
        List<String> lines = new ArrayList<>();
        Instant until = now.atZone(s.timeZone()).plusYears(5).toInstant();
        int delivered = 0;
        int skipped = 0;
        Instant after = now;
        while (delivered < count) {
            List<BusinessCalendars.PlannedFire> plan = BusinessCalendars.plan(s.cron(), s.timeZone(), s.calendar(),
                    s.onExcludedDay(), after, 1, until);
            if (plan.isEmpty()) {
                break;
            }
            BusinessCalendars.PlannedFire fire = plan.get(0);
            after = fire.cronTime();
            String when = WHEN.format(fire.cronTime().atZone(s.timeZone()));
            if (fire.deliveredAt() == null) {
                if (++skipped <= MAX_SKIPPED_SHOWN) {
                    lines.add(when + "  skipped: " + fire.reason());
                }
                continue;
            }
            delivered++;
            lines.add(fire.moved()
                    ? when + "  moved to " + WHEN.format(fire.deliveredAt().atZone(s.timeZone())) + ": " + fire.reason()
                    : when);
        }
        if (skipped > MAX_SKIPPED_SHOWN) {
            lines.add("(" + (skipped - MAX_SKIPPED_SHOWN) + " more skipped)");
        }
        return lines;
    }
}
