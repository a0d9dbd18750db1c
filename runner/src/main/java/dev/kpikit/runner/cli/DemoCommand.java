package dev.kpikit.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.kpikit.runner.engine.KpikitEngine;
import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.runner.engine.RenderRequest;
import dev.kpikit.runner.engine.ReportFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kpikit demo}: renders every bundled report on its bundled sample data. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Render the bundled reports on the sample data to PDF and XLSX in out/, and each sample's scoring workbook.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        List<Path> designs;
        try (Stream<Path> files = Files.list(KpikitCommand.home().resolve("report-templates"))) {
            designs = files.filter(f -> f.toString().endsWith(".rptdesign")).sorted().toList();
        }
        int failures = 0;
        try (KpikitEngine engine = KpikitEngine.start()) {
            System.out.printf("BIRT engine started in %d ms%n", engine.startMillis());
            for (Path design : designs) {
                long started = System.nanoTime();
                try {
                    List<Path> written = engine.render(new RenderRequest(design, Map.of(),
                            List.of(OutputFormat.PDF, OutputFormat.XLSX), out, Locale.ENGLISH, RenderRequest.baseNameOf(design)));
                    written.forEach(file -> System.out.println(file));
                    System.out.printf("  %s rendered in %d ms%n", design.getFileName(), (System.nanoTime() - started) / 1_000_000);
                } catch (ReportFailedException e) {
                    failures++;
                    System.err.println("kpikit demo: " + e.getMessage());
                }
            }
        } catch (ReportFailedException e) {
            System.err.println("kpikit demo: " + e.getMessage());
            return 1;
        }
        // the live scoring workbook of every sample folder
        List<Path> folders;
        try (Stream<Path> dirs = Files.list(KpikitCommand.home().resolve("sample-data"))) {
            folders = dirs.filter(dir -> Files.isRegularFile(dir.resolve("accounts.csv"))).sorted().toList();
        }
        for (Path folder : folders) {
            Path workbook = out.resolve(folder.getFileName() + "-scoring.xlsx");
            int status = new picocli.CommandLine(new WorkbookCommand()).execute("--data", folder.toString(), "--out", workbook.toString());
            if (status == 0) {
                System.out.println(workbook);
            } else {
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
