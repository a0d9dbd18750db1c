package dev.kpikit.server;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.kpikit.server.auth.Role;
import dev.kpikit.server.auth.UsersFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kpikit users add NAME --role ROLE} (password from stdin) and {@code kpikit users remove NAME}. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage the users of the report server.",
        subcommands = {UsersCommand.Add.class, UsersCommand.Remove.class})
final class UsersCommand {

    static final Path DEFAULT_FILE = Path.of("users.yaml");

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user, or set a user's role and password; the password is read from standard input.")
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, operator or admin.")
        String role;

        @Option(names = "--users", paramLabel = "FILE", description = "The users file (default: ${DEFAULT-VALUE}).")
        Path file = DEFAULT_FILE;

        @Override
        public Integer call() {
            try {
                Role parsed = Role.parse(role);
                String password = readPassword();
                UsersFile users = UsersFile.read(file);
                boolean existed = users.users().containsKey(name);
                users.put(name, parsed, password);
                System.out.println("kpikit users: " + (existed ? "updated " : "added ") + name + " (" + parsed.label() + ") in " + file);
                return 0;
            } catch (IllegalArgumentException | IOException e) {
                System.err.println("kpikit users add: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user.")
    static final class Remove implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--users", paramLabel = "FILE", description = "The users file (default: ${DEFAULT-VALUE}).")
        Path file = DEFAULT_FILE;

        @Override
        public Integer call() {
            try {
                if (!UsersFile.read(file).remove(name)) {
                    System.err.println("kpikit users remove: no user '" + name + "' in " + file);
                    return 1;
                }
                System.out.println("kpikit users: removed " + name + " from " + file);
                return 0;
            } catch (IOException e) {
                System.err.println("kpikit users remove: " + e.getMessage());
                return 1;
            }
        }
    }

    /** Console.isTerminal() from JDK 22 on (where System.console() is never null); before, a console is a terminal. */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** The first line of stdin; at a terminal, asked for without echo. */
    static String readPassword() throws IOException {
        Console console = System.console();
        if (console != null && isTerminal(console)) {
            char[] typed = console.readPassword("Password: ");
            return typed == null ? "" : new String(typed);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new IllegalArgumentException("no password on standard input (e.g. echo \"$PASSWORD\" | kpikit users add NAME --role viewer)");
        }
        return line;
    }
}
