package dev.kpikit.server.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in sessions, kept in this process's memory: a random 256-bit id in an HttpOnly,
 * SameSite=Strict cookie, a CSRF token per session, an idle timeout. Behind a load balancer
 * with several servers, sessions need sticky routing (scripts can use HTTP basic auth anywhere).
 */
public final class Sessions {

    public record Session(String id, String user, Role role, String csrf, Instant created) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Clock clock;

    public Sessions(Duration idle, Clock clock) {
        this.idle = idle;
        this.clock = clock;
    }

    public Session open(String user, Role role) {
        Session session = new Session(token(), user, role, token(), clock.instant());
        sessions.put(session.id(), session);
        lastSeen.put(session.id(), clock.instant());
        return session;
    }

    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        Instant seen = lastSeen.get(id);
        if (session == null || seen == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (seen.plus(idle).isBefore(now)) {
            close(id);
            return Optional.empty();
        }
        lastSeen.put(id, now);
        return Optional.of(session);
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
            lastSeen.remove(id);
        }
    }

    /** Ends every session of a user (removed from the users file, or a new password). */
    public void closeAll(String user) {
        sessions.values().removeIf(session -> {
            boolean match = session.user().equals(user);
            if (match) {
                lastSeen.remove(session.id());
            }
            return match;
        });
    }

    public int count() {
        return sessions.size();
    }

    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Constant-time comparison of a submitted token with the expected one. */
    public static boolean sameToken(String expected, String given) {
        return expected != null && given != null
                && java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
