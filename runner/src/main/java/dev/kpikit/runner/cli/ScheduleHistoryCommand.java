package dev.kpikit.runner.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.kpikit.runner.schedule.DeliveryRecord;
import dev.kpikit.runner.schedule.DeliveryStore;
import dev.kpikit.runner.schedule.DestinationStore;
import dev.kpikit.runner.schedule.ScheduleFileReader;
import dev.kpikit.runner.schedule.ScheduleValidationException;
import dev.kpikit.runner.schedule.StoreDatabase;
import dev.kpikit.runner.schedule.StoreSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kpikit schedule history}: the recorded deliveries, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Show recorded deliveries, newest first.")
final class ScheduleHistoryCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Option(names = "--last", defaultValue = "20", paramLabel = "N", description = "How many (default: ${DEFAULT-VALUE}).")
    int last;

    @Option(names = "--store", paramLabel = "JDBC_URL", description = "The job store (default: the schedules file's, KPIKIT_STORE_URL, or ~/.kpikit).")
    String store;

    @Option(names = "--file", paramLabel = "FILE", description = "A schedules file whose store section to use.")
    Path file;

    @Mixin
    SecretRootsOptions secrets = new SecretRootsOptions();

    @Override
    public Integer call() {
        try (StoreDatabase database = StoreDatabase.open(StoreOptions.resolve(store, file, secrets.secretRoots()), 2)) {
            List<DeliveryRecord> rows = new DeliveryStore(database.dataSource(), Duration.ZERO, java.time.Clock.systemUTC()).last(last);
            print(rows, new DestinationStore(database.dataSource()));
            return 0;
        } catch (SQLException | IOException e) {
            System.err.println("kpikit schedule history: " + e.getMessage());
            return 2;
        } catch (ScheduleValidationException e) {
            System.err.println("kpikit schedule history: " + e.getMessage());
            return 1;
        }
    }

    static void print(List<DeliveryRecord> rows) {
        try {
            print(rows, null);
        } catch (SQLException e) {
            throw new IllegalStateException("no store is read without destinations", e);
        }
    }

    /** The rows, each with the state of its folder and webhook when {@code destinations} is given. */
    static void print(List<DeliveryRecord> rows, DestinationStore destinations) throws SQLException {
        if (rows.isEmpty()) {
            System.out.println("no deliveries recorded");
            return;
        }
        Instant now = Instant.now();
        System.out.printf("%-24s %-19s %-19s %-8s %-8s %s%n", "SCHEDULE", "FIRE TIME (UTC)", "STARTED (UTC)", "SECONDS", "STATUS", "ATTEMPTS");
        for (DeliveryRecord r : rows) {
            String seconds = r.finished() == null ? "-" : String.format("%.1f", Duration.between(r.started(), r.finished()).toMillis() / 1000.0);
            // WAITING: between two SMTP attempts; STALE: its runner stopped renewing the lease (taken over or swept soon)
            String status = r.waiting() ? "WAITING" : r.stale(now) ? "STALE(" + r.status() + ")" : r.status().name();
            System.out.printf("%-24s %-19s %-19s %-8s %-8s %d%s%s%n", r.scheduleId(), utc(r.fireTime()), utc(r.started()),
                    seconds, status, r.attempts(), r.late() ? "  late" : "", r.dryRun() ? "  dry-run" : "");
            if (r.waiting()) {
                detail("next try", utc(r.leaseUntil()) + " (attempt " + (r.attempts() + 1) + ")");
            }
            detail("message id", r.messageId());
            detail("recipients", r.recipients());
            detail("files", r.files());
            detail("note", r.note());
            detail("error", r.error());
            if (destinations != null) {
                for (DestinationStore.Outcome o : destinations.of(r.scheduleId(), r.fireTime())) {
                    detail(o.destination(), o.status() + " after " + o.attempts() + " attempt(s)"
                            + (o.detail() == null ? "" : ": " + o.detail()) + (o.error() == null ? "" : "; " + o.error()));
                }
            }
        }
    }

    private static void detail(String name, String value) {
        if (value != null && !value.isBlank()) {
            System.out.printf("    %-10s %s%n", name, value);
        }
    }

    private static String utc(Instant instant) {
        return TIME.format(instant.atZone(ZoneId.of("UTC")));
    }
}
