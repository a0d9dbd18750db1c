package dev.kpikit.runner.schedule;

import java.time.Instant;

/**
 * One fire of a schedule. {@code fireTime} is Quartz's scheduled fire time (the delivery's key,
 * kept when a crashed run is recovered); {@code nominalTime} is the cron slot the delivery
 * stands for (earlier than the fire time when it fires late after downtime); the as-of date
 * and period are computed from the nominal time.
 */
public record Fire(String scheduleId, Instant fireTime, Instant nominalTime, boolean late, boolean recovering) {
}
