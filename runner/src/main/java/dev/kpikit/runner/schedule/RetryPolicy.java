package dev.kpikit.runner.schedule;

import java.time.Duration;

/** How often and how patiently a transient SMTP failure is retried: attempt n waits initial x multiplier^(n-1), capped. */
public record RetryPolicy(int attempts, Duration initialDelay, double multiplier, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(10));

    /** The wait after failed attempt number {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
    }
}
