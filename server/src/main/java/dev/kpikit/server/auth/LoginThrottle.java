package dev.kpikit.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses logins for a user name after {@code limit} failures within {@code window}, and for a
 * client address after four times as many (several users may share an address behind a proxy),
 * until the oldest of them is older than the window: guessing a password takes days instead of minutes.
 */
public final class LoginThrottle {

    private static final int ADDRESS_FACTOR = 4;
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Zero when a login may be tried now, else how long to wait. */
    public Duration wait(String user, String address) {
        Duration byUser = waitFor("user:" + user, limit);
        Duration byAddress = waitFor("address:" + address, limit * ADDRESS_FACTOR);
        return byUser.compareTo(byAddress) >= 0 ? byUser : byAddress;
    }

    public void failed(String user, String address) {
        record("user:" + user, limit);
        record("address:" + address, limit * ADDRESS_FACTOR);
    }

    public void succeeded(String user) {
        failures.remove("user:" + user);
    }

    private Duration waitFor(String key, int limit) {
        Deque<Instant> list = failures.get(key);
        if (list == null) {
            return Duration.ZERO;
        }
        synchronized (list) {
            Instant now = clock.instant();
            while (!list.isEmpty() && list.peekFirst().plus(window).isBefore(now)) {
                list.pollFirst();
            }
            if (list.size() < limit) {
                return Duration.ZERO;
            }
            return Duration.between(now, list.peekFirst().plus(window));
        }
    }

    private void record(String key, int limit) {
        Deque<Instant> list = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (list) {
            list.addLast(clock.instant());
            while (list.size() > limit) {
                list.pollFirst();
            }
        }
    }
}
