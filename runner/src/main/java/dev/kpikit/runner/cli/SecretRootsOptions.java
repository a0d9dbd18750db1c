package dev.kpikit.runner.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.kpikit.runner.schedule.SecretRoots;
import picocli.CommandLine.Option;

/** --secrets-root DIR: more folders a schedules file may name secret files in (a picocli mixin, also of serve). */
public final class SecretRootsOptions {

    @Option(names = "--secrets-root", paramLabel = "DIR",
            description = "A folder the schedules file may name password and webhook files in, besides its own folder and /run/secrets (repeatable).")
    List<Path> added = new ArrayList<>();

    /** @throws java.nio.file.NoSuchFileException naming a root that is not a folder */
    public SecretRoots secretRoots() throws IOException {
        return SecretRoots.of(added);
    }
}
