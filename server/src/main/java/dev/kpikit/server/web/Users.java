package dev.kpikit.server.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kpikit.server.auth.UsersFile;
import dev.kpikit.server.auth.UsersFile.User;

/**
 * The users file as the running server sees it: read again when {@code kpikit users add/remove}
 * changed it, and a short memory of good basic-auth credentials so a script's requests do not
 * each pay for a bcrypt comparison.
 */
final class Users {

    private static final Logger LOG = LoggerFactory.getLogger(Users.class);
    private static final Duration REMEMBER = Duration.ofMinutes(5);

    private final Path file;
    private volatile UsersFile users;
    private volatile FileTime readAt;
    private final Map<String, Remembered> basic = new ConcurrentHashMap<>();

    private record Remembered(User user, Instant until) {
    }

    Users(Path file) throws IOException {
        this.file = file;
        reload();
    }

    private synchronized void reload() throws IOException {
        FileTime modified = Files.exists(file) ? Files.getLastModifiedTime(file) : FileTime.fromMillis(0);
        if (users == null || !modified.equals(readAt)) {
            users = UsersFile.read(file);
            readAt = modified;
            basic.clear();
        }
    }

    private UsersFile current() {
        try {
            reload();
        } catch (IOException e) {
            LOG.warn("users file not read again, keeping the last good one: {}", e.getMessage());
        }
        return users;
    }

    Optional<User> authenticate(String name, String password) {
        return current().authenticate(name, password);
    }

    /** Like authenticate, remembering a success for a few minutes (keyed by a hash of name and password). */
    Optional<User> authenticateBasic(String name, String password) {
        UsersFile now = current();
        String key = digest(name + "\u0000" + password);
        Remembered remembered = basic.get(key);
        if (remembered != null && remembered.until().isAfter(Instant.now())) {
            return Optional.ofNullable(now.users().get(name));
        }
        Optional<User> user = now.authenticate(name, password);
        user.ifPresent(u -> basic.put(key, new Remembered(u, Instant.now().plus(REMEMBER))));
        return user;
    }

    /** The user as the file has it now (role changed, removed). */
    Optional<User> find(String name) {
        return Optional.ofNullable(current().users().get(name));
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
