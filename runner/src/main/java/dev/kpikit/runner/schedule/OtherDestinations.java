package dev.kpikit.runner.schedule;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to a schedule's folder and webhook, each with its own state in kpikit_destination: a destination
 * already SENT for this fire is not delivered again (when the mail's retry runs the delivery again), one that
 * FAILED is tried again then, or on its own after the delivery finished (the schedule's retry policy, attempts
 * counted per destination); a failure here never stops or repeats the mail.
 */
final class OtherDestinations {

    static final String FOLDER = "folder";
    static final String WEBHOOK = "webhook";
    private static final Logger LOG = LoggerFactory.getLogger(OtherDestinations.class);

    /** @param failures the destinations that failed, with their error ("webhook: HTTP 503 ...") */
    record Result(List<String> failures, String summary) {
        boolean allSent() {
            return failures.isEmpty();
        }
    }

    private final DestinationStore store;

    OtherDestinations(DestinationStore store) {
        this.store = store;
    }

    Result deliver(Schedule schedule, DeliveryRecord row, RenderedReport report, String title, List<String> changes,
            Instant now) throws SQLException, InterruptedException {
        return deliver(schedule, row, report, title, changes, now, store.of(row.scheduleId(), row.fireTime()));
    }

    /**
     * The FAILED destinations of a finished delivery that have attempts left (the schedule's retry policy) and that
     * this runner won; empty when there is nothing to retry.
     */
    List<String> claimRetries(Schedule schedule, DeliveryRecord row) throws SQLException {
        List<String> won = new ArrayList<>();
        for (DestinationStore.Outcome o : store.of(row.scheduleId(), row.fireTime())) {
            if (o.status() == DeliveryStatus.FAILED && o.attempts() < schedule.retry().attempts()
                    && store.claimRetry(row.scheduleId(), row.fireTime(), o.destination(), o.attempts())) {
                won.add(o.destination());
            }
        }
        return won;
    }

    /** Delivers again to the destinations claimed by {@link #claimRetries}. */
    Result retry(Schedule schedule, DeliveryRecord row, RenderedReport report, String title, List<String> changes, Instant now,
            List<String> claimed) throws SQLException, InterruptedException {
        // the others count as delivered: only the claimed ones are tried
        List<DestinationStore.Outcome> skip = new ArrayList<>();
        for (String destination : List.of(FOLDER, WEBHOOK)) {
            if (!claimed.contains(destination)) {
                skip.add(new DestinationStore.Outcome(row.scheduleId(), row.fireTime(), destination, DeliveryStatus.SENT, 0, null, null));
            }
        }
        return deliver(schedule, row, report, title, changes, now, skip);
    }

    /** Records claimed destinations as FAILED again (the report could not be rendered for their retry). */
    void failed(DeliveryRecord row, List<String> claimed, String error) throws SQLException {
        for (String destination : claimed) {
            store.record(row.scheduleId(), row.fireTime(), destination, DeliveryStatus.FAILED, null, error);
        }
    }

    /** The next attempt at the failed destinations of a delivery: its number and the delay before it. */
    record Retry(int attempt, java.time.Duration delay) {
    }

    /** The next attempt at a destination that failed, or null when none has attempts left. */
    Retry nextRetry(Schedule schedule, DeliveryRecord row) throws SQLException {
        int attempts = Integer.MAX_VALUE;
        for (DestinationStore.Outcome o : store.of(row.scheduleId(), row.fireTime())) {
            if (o.status() == DeliveryStatus.FAILED && o.attempts() < schedule.retry().attempts()) {
                attempts = Math.min(attempts, o.attempts());
            }
        }
        return attempts == Integer.MAX_VALUE ? null : new Retry(attempts + 1, schedule.retry().delayAfter(attempts));
    }

    private Result deliver(Schedule schedule, DeliveryRecord row, RenderedReport report, String title, List<String> changes,
            Instant now, List<DestinationStore.Outcome> before) throws SQLException, InterruptedException {
        Destinations d = schedule.destinations();
        List<String> failures = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        if (d.folder() != null) {
            if (sent(before, FOLDER)) {
                summary.add(FOLDER + " SENT earlier");
            } else {
                try {
                    List<String> written = FolderDestination.write(d.folder(), d.keepDays(), report.attachments(), now);
                    store.record(row.scheduleId(), row.fireTime(), FOLDER, DeliveryStatus.SENT, String.join(", ", written), null);
                    summary.add(FOLDER + " SENT (" + String.join(", ", written) + ")");
                } catch (IOException | RuntimeException e) {
                    String error = "cannot write to " + d.folder() + ": " + describe(e);
                    store.record(row.scheduleId(), row.fireTime(), FOLDER, DeliveryStatus.FAILED, null, error);
                    failures.add(FOLDER + ": " + error);
                    LOG.warn("{}: {}", schedule.id(), error);
                }
            }
        }
        if (d.webhook() != null) {
            if (sent(before, WEBHOOK)) {
                summary.add(WEBHOOK + " SENT earlier");
            } else {
                try {
                    WebhookDestination.post(d.webhook().resolve(), d.webhookFormat(), title, changes, report.headlines(),
                            d.reportLink(row.scheduleId(), row.fireTime()));
                    store.record(row.scheduleId(), row.fireTime(), WEBHOOK, DeliveryStatus.SENT, d.webhook().shown(), null);
                    summary.add(WEBHOOK + " SENT");
                } catch (IOException | RuntimeException e) {
                    String error = describe(e);
                    store.record(row.scheduleId(), row.fireTime(), WEBHOOK, DeliveryStatus.FAILED, d.webhook().shown(), error);
                    failures.add(WEBHOOK + ": " + error);
                    LOG.warn("{}: webhook {} failed: {}", schedule.id(), d.webhook().shown(), error);
                }
            }
        }
        failures.forEach(f -> summary.add(f.replaceFirst(": ", " FAILED: ")));
        return new Result(List.copyOf(failures), String.join("; ", summary));
    }

    private static boolean sent(List<DestinationStore.Outcome> outcomes, String destination) {
        return outcomes.stream().anyMatch(o -> o.destination().equals(destination) && o.status() == DeliveryStatus.SENT);
    }

    /** A sentence without exception class names. */
    private static String describe(Exception e) {
        String message = e.getMessage();
        if (e instanceof java.net.ConnectException || message == null || message.isBlank()) {
            return e instanceof java.net.http.HttpTimeoutException ? "no answer in time"
                    : e instanceof java.net.ConnectException ? "connection refused" : "failed";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + message;
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such folder or file: " + message;
        }
        return message;
    }
}
