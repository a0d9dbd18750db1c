package dev.kpikit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.server.auth.Role;
import dev.kpikit.server.auth.UsersFile;
import picocli.CommandLine;

/** {@code kpikit users add/remove}: the password from stdin, kept only as a bcrypt hash; bad input refused with exit 1. */
class UsersCommandTest {

    @TempDir
    Path folder;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new ServerMain()).execute(args);
            return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void addKeepsOnlyABcryptHashAndTheRole() throws Exception {
        Path users = folder.resolve("users.yaml");
        Run add = run("s3cret-password\n", "users", "add", "alice", "--role", "operator", "--users", users.toString());
        assertEquals(0, add.exit(), add.err());
        String file = Files.readString(users);
        assertFalse(file.contains("s3cret-password"), file);
        assertTrue(file.contains("role: operator") && file.contains("password: $2a$12$"), file);
        assertTrue(UsersFile.read(users).authenticate("alice", "s3cret-password").map(u -> u.role() == Role.OPERATOR).orElse(false));
        assertTrue(UsersFile.read(users).authenticate("alice", "s3cret-passwort").isEmpty());
    }

    @Test
    void removeDeletesTheUserAndAnUnknownOneIsRefused() throws Exception {
        Path users = folder.resolve("users.yaml");
        run("s3cret-password\n", "users", "add", "bob", "--role", "viewer", "--users", users.toString());
        assertEquals(0, run("", "users", "remove", "bob", "--users", users.toString()).exit());
        assertTrue(UsersFile.read(users).users().isEmpty());
        Run again = run("", "users", "remove", "bob", "--users", users.toString());
        assertEquals(1, again.exit());
        assertEquals("kpikit users remove: no user 'bob' in " + users + System.lineSeparator(), again.err());
    }

    @Test
    void anUnknownRoleAShortPasswordAndNoPasswordAreRefused() throws Exception {
        Path users = folder.resolve("users.yaml");
        Run role = run("s3cret-password\n", "users", "add", "carl", "--role", "root", "--users", users.toString());
        assertEquals(1, role.exit());
        assertTrue(role.err().contains("role must be viewer, operator or admin, found 'root'"), role.err());
        Run shortPassword = run("short\n", "users", "add", "carl", "--role", "viewer", "--users", users.toString());
        assertEquals(1, shortPassword.exit());
        assertTrue(shortPassword.err().contains("at least 8 characters"), shortPassword.err());
        Run none = run("", "users", "add", "carl", "--role", "viewer", "--users", users.toString());
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("no password on standard input"), none.err());
        assertFalse(Files.exists(users), "nothing written for a refused user");
    }

    /** A users file without users (empty, `users:` alone, a list of names) started a server nobody could log in to. */
    @Test
    void serveRefusesAUsersFileWithoutUsersInsteadOfStartingAServerNobodyCanLogInTo() throws Exception {
        String home = Path.of(System.getProperty("kpikit.home", "..")).toAbsolutePath().normalize().toString();
        for (String text : List.of("", "users:\n", "# nobody yet\n")) {
            Path users = Files.writeString(folder.resolve("users.yaml"), text);
            Run run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> run("",
                    "serve", "--port", "0", "--users", users.toString(), "--reports", home + "/report-templates",
                    "--data", home + "/sample-data", "--store", "jdbc:h2:file:" + folder.resolve("store")));
            assertEquals(1, run.exit(), text);
            assertEquals("kpikit serve: no users in " + users.toAbsolutePath() + "; add a user first: kpikit users add NAME"
                    + " --role admin --users " + users + "\n", run.err(), text);
        }
        Path list = Files.writeString(folder.resolve("users.yaml"), "- alice\n- bob\n");
        Run run = run("", "serve", "--port", "0", "--users", list.toString(), "--reports", home + "/report-templates",
                "--data", home + "/sample-data");
        assertEquals("kpikit serve: " + list + ": not a users file: expected 'users:' with NAME: {role, password} entries,"
                + " found a list\n", run.err());
    }

    @Test
    void aUserNamedTwiceInTheUsersFileIsRefusedNotTheLastOneTaken() throws Exception {
        Path users = folder.resolve("users.yaml");
        UsersFile.read(users).put("alice", Role.ADMIN, "correct horse battery");
        String hash = UsersFile.read(users).users().get("alice").passwordHash();
        Files.writeString(users, Files.readString(users) + "  alice:\n    role: viewer\n    password: " + hash + "\n");
        IOException e = assertThrows(IOException.class, () -> UsersFile.read(users));
        assertEquals(users + ", line 5: not a users file (field 'alice' appears twice in one object)", e.getMessage());
    }

    @Test
    void aUsersFileWithAClearTextPasswordIsRefusedNamingTheField() throws Exception {
        Path users = folder.resolve("users.yaml");
        Files.writeString(users, "users:\n  dave:\n    role: admin\n    password: hunter2\n");
        try {
            UsersFile.read(users);
            throw new AssertionError("read a clear-text password");
        } catch (java.io.IOException e) {
            assertEquals(users + ", users.dave.password: expected a bcrypt hash written by 'kpikit users add'", e.getMessage());
        }
    }

    @Test
    void aUsersFileThatIsNotUtf8TextIsSaidSoWithoutJavasWords() throws Exception {
        Path users = folder.resolve("users.yaml");
        Files.write(users, "users:\n  ren\u00e9:\n    role: admin\n".getBytes(StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> UsersFile.read(users));
        assertEquals(users + ": not a users file (the file is not UTF-8 text; save it as UTF-8)", e.getMessage());
    }
}
