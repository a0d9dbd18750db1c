package dev.kpikit.runner.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.kpikit.runner.engine.SharedEngine;

/** Schedules files for tests: the real kpi-basics report on the startup sample, mailed to loopback. */
final class TestSchedules {

    static final String TEMPLATE = SharedEngine.template("kpi-basics.rptdesign").toString();
    static final String DATA = SharedEngine.sampleData("startup").toString();

    private TestSchedules() {
    }

    /** The roots schedule commands use by default: the repository's report-templates/ and sample-data/. */
    static ScheduleRoots roots() {
        try {
            return ScheduleRoots.defaults(SharedEngine.home());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test schedules' time zone. */
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/Oslo");

    /** A one-shot cron (with seconds and year) for an instant, in the schedules' zone. */
    static String cronAt(Instant when) {
        ZonedDateTime t = when.atZone(ZONE);
        return t.getSecond() + " " + t.getMinute() + " " + t.getHour() + " " + t.getDayOfMonth() + " " + t.getMonthValue()
                + " ? " + t.getYear();
    }

    /** The next whole second at least {@code seconds} from now. */
    static Instant inSeconds(long seconds) {
        return Instant.now().plusSeconds(seconds).plusMillis(999).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    static String file(int smtpPort, String runner, String schedules) {
        return "smtp:\n  host: 127.0.0.1\n  port: " + smtpPort + "\n  from: \"kpikit reports <reports@kpikit.test>\"\n"
                + "  timeoutSeconds: 5\n"
                + "runner:\n" + runner + "\nschedules:\n" + schedules;
    }

    static String fastRunner(int threads) {
        return "  threads: " + threads + "\n  leaseSeconds: 4\n  heartbeatSeconds: 1\n  misfireThresholdSeconds: 2\n"
                + "  clusterCheckinMillis: 1000";
    }

    /** One schedule of kpi-basics with two headline KPIs. */
    static String schedule(String id, String cron, String to) {
        return schedule(id, cron, to, TEMPLATE, "");
    }

    static String schedule(String id, String cron, String to, String template, String extra) {
        return "  - id: " + id + "\n"
                + "    template: " + template + "\n"
                + "    parameters: {dataFolder: \"" + DATA + "\"}\n"
                + "    cron: \"" + cron + "\"\n"
                + "    timeZone: Europe/Oslo\n"
                + "    to: [\"" + to + "\"]\n"
                + "    owner: ops@kpikit.test\n"
                + "    subject: \"{title} - {period}: revenue {revenue}\"\n"
                + "    headline:\n"
                + "      - {name: revenue, label: Revenue this month, item: accounts, column: total_current, format: \"#,##0.00\"}\n"
                + "      - {name: hhi, label: Concentration (HHI), item: accounts, column: hhi, format: \"#,##0\"}\n"
                + "    retry: {attempts: 6, initialDelay: 300ms, multiplier: 2, maxDelay: 2s}\n"
                + extra;
    }

    static String many(int count, String cron) {
        return IntStream.range(0, count).mapToObj(i -> schedule(String.format("s%03d", i), cron,
                String.format("manager%03d@kpikit.test", i))).collect(Collectors.joining());
    }

    static Path write(Path folder, String yaml) {
        try {
            Path file = folder.resolve("schedules.yaml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
