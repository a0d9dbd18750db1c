package dev.kpikit.runner.cli;

import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kpikit}: the command line of the runner. The launcher script passes its verbs here. */
@Command(name = "kpikit", mixinStandardHelpOptions = true, version = "kpikit 0.1.0",
        description = "Key-account scoring and KPI reports on the BIRT engine.",
        subcommands = {RenderCommand.class, ScoreCommand.class, WorkbookCommand.class, DemoCommand.class, ScheduleCommand.class, SendCommand.class})
public final class KpikitCommand {

    /** The kpikit folder (report-templates/, sample-data/); the launcher sets it. */
    static Path home() {
        return Path.of(System.getProperty("kpikit.home", ".")).toAbsolutePath().normalize();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new KpikitCommand()).execute(args));
    }
}
