package dev.kpikit.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kpikit serve} and {@code kpikit users}: the report server's own entry point (the launcher sends those verbs here). */
@Command(name = "kpikit", mixinStandardHelpOptions = true, subcommands = {ServeCommand.class, UsersCommand.class},
        description = "The kpikit report server.")
public final class ServerMain {

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServerMain()).execute(args));
    }
}
