package dev.kpikit.runner.cli;

import java.io.IOException;
import java.nio.file.Path;

import dev.kpikit.runner.schedule.ScheduleFileReader;
import dev.kpikit.runner.schedule.ScheduleValidationException;
import dev.kpikit.runner.schedule.SecretRoots;
import dev.kpikit.runner.schedule.StoreSettings;

/** Which job store a command uses: --store, else the schedules file's store section, else KPIKIT_STORE_URL, else ~/.kpikit. */
final class StoreOptions {

    private StoreOptions() {
    }

    static StoreSettings resolve(String url, Path schedulesFile, SecretRoots secretRoots) throws IOException, ScheduleValidationException {
        if (url != null) {
            return fromUrl(url);
        }
        if (schedulesFile != null) {
            var fromFile = ScheduleFileReader.readSettings(schedulesFile, secretRoots).store();
            if (fromFile.isPresent()) {
                return fromFile.get();
            }
        }
        return StoreSettings.fromEnvironment();
    }

    /** A URL given on the command line: user and password from KPIKIT_STORE_USER / KPIKIT_STORE_PASSWORD. */
    static StoreSettings fromUrl(String url) {
        boolean postgres = url.startsWith("jdbc:postgresql:");
        return new StoreSettings(url, System.getenv().getOrDefault("KPIKIT_STORE_USER", postgres ? null : "sa"),
                () -> System.getenv().getOrDefault("KPIKIT_STORE_PASSWORD", postgres ? null : ""), postgres);
    }
}
