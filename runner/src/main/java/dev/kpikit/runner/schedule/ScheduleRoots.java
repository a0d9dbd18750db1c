package dev.kpikit.runner.schedule;

import java.io.IOException;
import java.nio.file.Path;

import dev.kpikit.data.ConfinedFolder;
import dev.kpikit.data.OutsideFolderException;
import dev.kpikit.runner.engine.RenderRequest;

/**
 * The folders that a schedule (or a web request) may name report templates and data folders in:
 * whoever can write a schedules file can then render only the reports and read only the data the
 * operator put there, never /etc or another user's files. Default: the kpikit folder's own
 * report-templates/ and sample-data/. The secret files it may name are confined likewise ({@link SecretRoots}).
 */
public record ScheduleRoots(ConfinedFolder reports, ConfinedFolder data, SecretRoots secrets) {

    public static final String REPORTS_FOLDER = "report-templates";
    public static final String DATA_FOLDER = "sample-data";

    /** @throws java.nio.file.NoSuchFileException naming a root that is not a folder */
    public static ScheduleRoots of(Path reports, Path data) throws IOException {
        return of(reports, data, SecretRoots.DEFAULTS);
    }

    /** @throws java.nio.file.NoSuchFileException naming a root that is not a folder */
    public static ScheduleRoots of(Path reports, Path data, SecretRoots secrets) throws IOException {
        return new ScheduleRoots(ConfinedFolder.of(reports, "the reports root"), ConfinedFolder.of(data, "the data root"), secrets);
    }

    /** report-templates/ and sample-data/ of the kpikit folder. */
    public static ScheduleRoots defaults(Path home) throws IOException {
        return of(home.resolve(REPORTS_FOLDER), home.resolve(DATA_FOLDER));
    }

    /** The template, when it lies under the reports root. */
    public Path template(Path template, String givenBy) throws OutsideFolderException {
        return reports.require(template, givenBy);
    }

    /** The data folder, when it lies under the data root. */
    public Path dataFolder(Path folder, String givenBy) throws OutsideFolderException {
        return data.require(folder, givenBy);
    }

    /** Whether a report parameter names the data folder (and so must stay under the data root). */
    public static boolean namesDataFolder(String parameter) {
        return RenderRequest.DATA_FOLDER_PARAMETER.equals(parameter);
    }
}
