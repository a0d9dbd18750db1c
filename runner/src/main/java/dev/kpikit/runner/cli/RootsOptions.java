package dev.kpikit.runner.cli;

import java.io.IOException;
import java.nio.file.Path;

import dev.kpikit.runner.schedule.ScheduleRoots;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * --reports DIR, --data DIR and --secrets-root DIR: where a schedule's templates, data folders and secret files must
 * lie (a picocli mixin).
 */
final class RootsOptions {

    @Option(names = "--reports", paramLabel = "DIR",
            description = "The folder schedules may name templates in, subfolders included (default: kpikit's report-templates).")
    Path reports;

    @Option(names = "--data", paramLabel = "DIR",
            description = "The folder schedules may name data folders in, subfolders included (default: kpikit's sample-data).")
    Path data;

    @Mixin
    SecretRootsOptions secrets = new SecretRootsOptions();

    /** @throws java.nio.file.NoSuchFileException naming a root that is not a folder */
    ScheduleRoots roots() throws IOException {
        Path home = KpikitCommand.home();
        return ScheduleRoots.of(reports != null ? reports : home.resolve(ScheduleRoots.REPORTS_FOLDER),
                data != null ? data : home.resolve(ScheduleRoots.DATA_FOLDER), secrets.secretRoots());
    }
}
