package dev.kpikit.runner.schedule;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sweep of stranded rows: a delivery left CLAIMED or RENDERED by a runner that is gone for good (or whose job
 * failed because the store was unreachable), or waiting for an attempt whose trigger was lost, would otherwise stay
 * so forever. Quartz's own recovery gets the first chance (one lease); after that, every lease, this runner takes
 * such a row over and finishes it as any take-over does: delivered, or FAILED with the reason (e.g. a schedule that
 * is no longer in the file). The history shows the take-over in the row's note.
 *
 * It also puts back a trigger Quartz set to ERROR: Quartz does that when it cannot read a trigger's job while it
 * acquires the trigger, and a store that drops its connections at that moment would otherwise end a schedule for good.
 */
final class StrandedRows implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StrandedRows.class);

    private final DeliveryStore store;
    private final DeliveryService service;
    private final Duration lease;
    private final Scheduler scheduler;
    private final ScheduledExecutorService timer;

    StrandedRows(DeliveryStore store, DeliveryService service, Duration lease, Scheduler scheduler) {
        this.scheduler = scheduler;
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
        resetTriggersInError();
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

    private void resetTriggersInError() {
        try {
            for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.anyTriggerGroup())) {
                if (scheduler.getTriggerState(key) == Trigger.TriggerState.ERROR) {
                    LOG.warn("{}: Quartz had set its trigger to ERROR (the store failed while it was read); put back",
                            key.getName());
                    scheduler.resetTriggerFromErrorState(key);
                }
            }
        } catch (SchedulerException e) {
            LOG.warn("sweep of triggers in error: {}", e.getMessage());
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
