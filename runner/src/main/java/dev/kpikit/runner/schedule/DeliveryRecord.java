package dev.kpikit.runner.schedule;

import java.time.Instant;

/** One row of kpikit_delivery: what happened to one fire of one schedule. */
public record DeliveryRecord(String scheduleId, Instant fireTime, Instant nominalTime, DeliveryStatus status,
        String owner, Instant leaseUntil, Instant started, Instant finished, int attempts, int recoveries, boolean late,
        boolean dryRun, String messageId, String recipients, String files, String note, String error) {

    /** In progress, but its runner stopped renewing the lease: it died, and the delivery will be taken over. */
    public boolean stale(Instant now) {
        return !status.isFinal() && !waiting() && leaseUntil.isBefore(now);
    }

    /** Between two SMTP attempts: nobody works on it until {@code leaseUntil}, when its next attempt is due. */
    public boolean waiting() {
        return !status.isFinal() && DeliveryStore.WAITING.equals(owner);
    }
}
