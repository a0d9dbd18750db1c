package dev.kpikit.runner.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bundled scenarios: a scenario NAME is a report design report-templates/NAME.rptdesign with its sample data
 * folder sample-data/NAME.
 */
final class Scenarios {

    /** The scenarios of the article, in the order {@code kpikit demo} renders them. */
    static final List<String> DEMO = List.of("startup", "consultancy", "agency", "restaurant");
    /** The report of any data folder that {@code kpikit demo} renders after the scenarios, on the startup sample. */
    static final String REVIEW = "key-account-review";

    private Scenarios() {
    }

    static Path design(Path home, String name) {
        return home.resolve("report-templates").resolve(name + ".rptdesign");
    }

    static Path data(Path home, String name) {
        return home.resolve("sample-data").resolve(name);
    }

    /** Names with both a design and a sample data folder, sorted. */
    static List<String> available(Path home) {
        Path samples = home.resolve("sample-data");
        if (!Files.isDirectory(samples)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(samples)) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString())
                    .filter(name -> Files.isRegularFile(design(home, name))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
