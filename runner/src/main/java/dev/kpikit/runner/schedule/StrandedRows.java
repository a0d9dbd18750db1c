package dev.kpikit.runner.schedule;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sweep of stranded rows: a delivery left CLAIMED or RENDERED by a runner that is gone for good (or whose job
 * failed because the store was unreachable), or waiting for an attempt whose trigger was lost, would otherwise stay
 * so forever. Quartz's own recovery gets the first chance (one lease); after that, every lease, this runner takes
 * such a row over and finishes it as any take-over does: delivered, or FAILED with the reason (e.g. a schedule that
 * is no longer in the file). The history shows the take-over in the row's note.
 */
final class StrandedRows implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StrandedRows.class);

    private final DeliveryStore store;
    private final DeliveryService service;
    private final Duration lease;
    private final ScheduledExecutorService timer;

    StrandedRows(DeliveryStore store, DeliveryService service, Duration lease) {
        this.store = store;
        this.service = service;
        this.lease = lease;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kpikit-sweep");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1000, lease.toMillis());
        timer.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            for (DeliveryRecord row : store.stranded(Clock.systemUTC().instant().minus(lease))) {
                if (timer.isShutdown()) {
                    return;
                }
                LOG.warn("{} at {}: stranded {} since {} ({}); taking it over", row.scheduleId(), row.fireTime(),
                        row.status(), row.leaseUntil(), row.waiting() ? "its next attempt was not fired"
                                : DeliveryStore.runnerOf(row.owner()) + " stopped renewing its lease");
                service.deliver(new Fire(row.scheduleId(), row.fireTime(), row.nominalTime(), false, false));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("sweep of stranded deliveries: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops sweeping; a delivery the sweep is doing finishes first (as the scheduler's own do). */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(2, TimeUnit.MINUTES)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
