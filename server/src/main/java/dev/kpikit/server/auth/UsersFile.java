package dev.kpikit.server.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import dev.kpikit.kpi.JsonProblems;

/**
 * The users of a server, in a YAML file: {@code users: {NAME: {role: viewer, password: <bcrypt hash>}}}.
 * Passwords are kept only as bcrypt hashes (cost 12, salted); the file is rewritten under a
 * temporary name and moved into place, so a failed write never leaves half a file.
 */
public final class UsersFile {

    /** Letters, digits, '.', '_', '-', '@': a name that needs no quoting in the file or a log line. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    /** A user named twice (an admin entry, and a viewer one below it) is refused: the last one silently won. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(12);
    /** Compared against when the user does not exist, so an unknown name takes as long as a wrong password. */
    private static final String DUMMY_HASH = BCRYPT.encode("kpikit-no-such-user");

    public record User(String name, Role role, String passwordHash) {
    }

    private final Path file;
    private final Map<String, User> users;

    private UsersFile(Path file, Map<String, User> users) {
        this.file = file;
        this.users = users;
    }

    /** Reads the file; a missing file is an empty list of users. */
    public static UsersFile read(Path file) throws IOException {
        Map<String, User> users = new TreeMap<>();
        if (!Files.exists(file)) {
            return new UsersFile(file, users);
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            if (JsonProblems.notUtf8(e)) {
                throw new IOException(file + ": not a users file (the file is not UTF-8 text; save it as UTF-8)");
            }
            throw new IOException(file + ", line " + e.getLocation().getLineNr() + ": not a users file ("
                    + JsonProblems.reason(e) + ")");
        }
        if (root != null && !root.isObject() && !root.isNull() && !root.isMissingNode()) { // a list of names, a word
            throw new IOException(file + ": not a users file: expected 'users:' with NAME: {role, password} entries, found "
                    + (root.isArray() ? "a list" : "'" + JsonProblems.cut(root.asText()) + "'"));
        }
        JsonNode list = root == null ? null : root.get("users");
        if (list == null || list.isNull()) {
            return new UsersFile(file, users);
        }
        if (!list.isObject()) {
            throw new IOException(file + ": 'users' must be a map of NAME: {role, password}");
        }
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) list::fields) {
            String name = entry.getKey();
            JsonNode user = entry.getValue();
            String where = file + ", users." + name;
            if (!NAME.matcher(name).matches()) {
                throw new IOException(where + ": a name is letters, digits, '.', '_', '-' or '@'");
            }
            Role role;
            try {
                role = Role.parse(user.path("role").asText(null));
            } catch (IllegalArgumentException e) {
                throw new IOException(where + ".role: " + e.getMessage());
            }
            String hash = user.path("password").asText("");
            if (!hash.startsWith("$2")) {
                throw new IOException(where + ".password: expected a bcrypt hash written by 'kpikit users add'");
            }
            users.put(name, new User(name, role, hash));
        }
        return new UsersFile(file, users);
    }

    public Path file() {
        return file;
    }

    public Map<String, User> users() {
        return Map.copyOf(users);
    }

    /** Adds the user or replaces its role and password. */
    public void put(String name, Role role, String password) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1 to 64 letters, digits, '.', '_', '-' or '@', found '" + name + "'");
        }
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("the password must have at least 8 characters");
        }
        users.put(name, new User(name, role, BCRYPT.encode(password)));
        write();
    }

    public boolean remove(String name) throws IOException {
        if (users.remove(name) == null) {
            return false;
        }
        write();
        return true;
    }

    /** The user when name and password match; the same work either way (no timing hint that a name exists). */
    public Optional<User> authenticate(String name, String password) {
        User user = name == null ? null : users.get(name);
        boolean matches = BCRYPT.matches(password == null ? "" : password, user == null ? DUMMY_HASH : user.passwordHash());
        return user != null && matches ? Optional.of(user) : Optional.empty();
    }

    private void write() throws IOException {
        ObjectNode root = YAML.createObjectNode();
        ObjectNode list = root.putObject("users");
        users.values().forEach(user -> list.putObject(user.name()).put("role", user.role().label())
                .put("password", user.passwordHash()));
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // owner-only (createTempFile's 600) on purpose, unlike reports (AtomicFile): it holds the password hashes
        Path partial = Files.createTempFile(parent, "." + file.getFileName(), ".partial");
        try {
            YAML.writeValue(partial.toFile(), root);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
