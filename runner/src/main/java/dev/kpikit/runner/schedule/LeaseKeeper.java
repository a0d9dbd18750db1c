package dev.kpikit.runner.schedule;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renews the leases of the deliveries this runner works on, so that nobody takes over a live one. */
public final class LeaseKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final DeliveryStore store;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    private record Held(DeliveryRecord claim, String owner) {
    }

    public LeaseKeeper(DeliveryStore store, Duration heartbeat) {
        this.store = store;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kpikit-lease-keeper");
            t.setDaemon(true);
            return t;
        });
        long every = heartbeat.toMillis();
        timer.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    public void hold(DeliveryRecord claim, String owner) {
        held.put(owner, new Held(claim, owner));
    }

    public void release(String owner) {
        held.remove(owner);
    }

    private void renewAll() {
        for (Held h : held.values()) {
            try {
                if (!store.renew(h.claim(), h.owner())) {
                    held.remove(h.owner());  // finished, or lost: the delivery checks before it sends
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warn("cannot renew the lease of {} at {}: {}", h.claim().scheduleId(), h.claim().fireTime(), e.getMessage());
            }
        }
    }

    /**
     * Stops renewing, letting a renewal in flight finish: an interrupt in the middle of its write would close the H2
     * store's file under every other user of the store (ClosedByInterruptException), which then fails until reopened.
     */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("a lease renewal did not finish within 10 s of shutdown; interrupting it");
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
