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
 * FAILED is tried again then; a failure here never stops or repeats the mail.
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
        Destinations d = schedule.destinations();
        List<DestinationStore.Outcome> before = store.of(row.scheduleId(), row.fireTime());
        List<String> failures = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        if (d.folder() != null) {
            if (sent(before, FOLDER)) {
                summary.add(FOLDER + " SENT before");
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
                summary.add(WEBHOOK + " SENT before");
            } else {
                try {
                    WebhookDestination.post(d.webhook(), d.webhookFormat(), title, changes, report.headlines());
                    store.record(row.scheduleId(), row.fireTime(), WEBHOOK, DeliveryStatus.SENT, d.webhook().getHost(), null);
                    summary.add(WEBHOOK + " SENT");
                } catch (IOException | RuntimeException e) {
                    String error = describe(e);
                    store.record(row.scheduleId(), row.fireTime(), WEBHOOK, DeliveryStatus.FAILED, d.webhook().getHost(), error);
                    failures.add(WEBHOOK + ": " + error);
                    LOG.warn("{}: webhook {} failed: {}", schedule.id(), d.webhook().getHost(), error);
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
