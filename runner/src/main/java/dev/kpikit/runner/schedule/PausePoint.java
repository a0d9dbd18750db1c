package dev.kpikit.runner.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For the crash tests only: {@code -Dkpikit.test.pauseAt=claimed} (or {@code rendered}) stops every delivery of the
 * runner at that step, for good, so that a test can kill the runner in a known state. Without the property (always,
 * outside those tests) a pause point does nothing.
 */
final class PausePoint {

    static final String PROPERTY = "kpikit.test.pauseAt";
    private static final Logger LOG = LoggerFactory.getLogger(PausePoint.class);
    private static final String AT = System.getProperty(PROPERTY);

    private PausePoint() {
    }

    static void reached(String name, DeliveryRecord row) throws InterruptedException {
        if (name.equals(AT)) {
            LOG.warn("{} at {}: paused at '{}' ({}); kill me", row.scheduleId(), row.fireTime(), name, PROPERTY);
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
