package dev.kpikit.runner.schedule;

import java.time.Instant;

/**
 * Where a delivery waits between two SMTP attempts. A runner hands the row back to the store and fires the next
 * attempt later (a Quartz trigger), so a worker thread never sleeps through a back-off; the {@code send} command,
 * which has nothing else to do, waits in its own thread.
 */
public interface NextAttempts {

    /** Waits for the next attempt in the delivering thread. */
    NextAttempts IN_THIS_THREAD = new NextAttempts() {
        @Override
        public boolean inThisThread() {
            return true;
        }

        @Override
        public void fireAt(DeliveryRecord row, int attempt, Instant due) {
            throw new UnsupportedOperationException("waits in this thread");
        }
    };

    default boolean inThisThread() {
        return false;
    }

    /** Fires attempt number {@code attempt} of the delivery {@code row} at {@code due}. */
    void fireAt(DeliveryRecord row, int attempt, Instant due) throws Exception;
}
