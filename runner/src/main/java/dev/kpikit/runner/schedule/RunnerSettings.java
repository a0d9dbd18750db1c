package dev.kpikit.runner.schedule;

import java.time.Duration;

/**
 * How a runner works: worker threads (deliveries at the same time), the lease on a claimed
 * delivery and how often it is renewed, and the misfire threshold (a fire later than this
 * after downtime is "late": delivered once, with "late" in the log).
 */
public record RunnerSettings(int threads, Duration lease, Duration heartbeat, Duration misfireThreshold,
        Duration clusterCheckin) {

    public static final RunnerSettings DEFAULT = new RunnerSettings(2, Duration.ofSeconds(60), Duration.ofSeconds(15),
            Duration.ofSeconds(60), Duration.ofMillis(7_500));
}
