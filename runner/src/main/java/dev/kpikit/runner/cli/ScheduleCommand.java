package dev.kpikit.runner.cli;

import picocli.CommandLine.Command;

/** {@code kpikit schedule}: scheduled, mailed reports. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Scheduled report deliveries by mail: validate, run, list, history.",
        subcommands = {ScheduleValidateCommand.class, ScheduleRunCommand.class, ScheduleListCommand.class,
                ScheduleHistoryCommand.class})
final class ScheduleCommand {
}
