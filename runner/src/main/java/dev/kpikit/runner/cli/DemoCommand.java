package dev.kpikit.runner.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.kpikit.runner.engine.KpikitEngine;
import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.runner.engine.RenderRequest;
import dev.kpikit.runner.engine.ReportFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kpikit demo}: the scenario reports (startup, consultancy, agency, restaurant) on their sample data, then the
 * key account review on the startup sample, to PDF and XLSX in English. Paths on stdout, progress on stderr.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Render the scenario reports and the key account review on the sample data to PDF and XLSX in out/, and each sample's scoring workbook.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path outDir;

    PrintStream out = System.out;
    PrintStream err = System.err;

    /** A report to render: its name, design and data folder. */
    record Job(String name, Path design, Path data) {
    }

    List<Job> jobs(Path home) {
        List<Job> jobs = new ArrayList<>();
        for (String scenario : Scenarios.DEMO) {
            jobs.add(new Job(scenario, Scenarios.design(home, scenario), Scenarios.data(home, scenario)));
        }
        jobs.add(new Job(Scenarios.REVIEW, Scenarios.design(home, Scenarios.REVIEW), Scenarios.data(home, "startup")));
        return jobs;
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        Path home = KpikitCommand.home();
        List<String> failed = new ArrayList<>();
        int rendered = 0;
        try (KpikitEngine engine = KpikitEngine.start()) {
            err.printf("kpikit demo: BIRT engine started in %d ms%n", engine.startMillis());
            for (Job job : jobs(home)) {
                if (!Files.isRegularFile(job.design())) {
                    err.printf("kpikit demo: skipping %s: %s does not exist yet%n", job.name(), home.relativize(job.design()));
                    continue;
                }
                long jobStarted = System.nanoTime();
                err.printf("kpikit demo: rendering %s on %s ...%n", job.name(), home.relativize(job.data()));
                try {
                    List<Path> written = engine.render(new RenderRequest(job.design(),
                            Map.of(RenderCommand.DATA_FOLDER_PARAMETER, job.data().toString()),
                            List.of(OutputFormat.PDF, OutputFormat.XLSX), outDir, Locale.ENGLISH, job.name()));
                    written.forEach(out::println);
                    rendered++;
                    err.printf("kpikit demo: %s rendered in %d ms%n", job.name(), millisSince(jobStarted));
                } catch (ReportFailedException e) {
                    failed.add(job.name());
                    err.println("kpikit demo: " + job.name() + " failed: " + e.getMessage());
                }
            }
        } catch (ReportFailedException e) {
            err.println("kpikit demo: the BIRT engine did not start: " + e.getMessage());
            return 1;
        }
        // the live scoring workbook of every scenario's sample folder
        for (String scenario : Scenarios.DEMO) {
            Path folder = Scenarios.data(home, scenario);
            if (!Files.isRegularFile(folder.resolve("accounts.csv"))) {
                continue;
            }
            Path workbook = outDir.resolve(folder.getFileName() + "-scoring.xlsx");
            int status = new picocli.CommandLine(new WorkbookCommand()).execute("--data", folder.toString(), "--out", workbook.toString());
            if (status == 0) {
                out.println(workbook);
            } else {
                failed.add(workbook.getFileName().toString());
            }
        }
        out.printf("kpikit demo: %d report(s) to PDF and XLSX in %d ms (engine start included)%n", rendered, millisSince(started));
        if (!failed.isEmpty()) {
            err.println("kpikit demo: FAILED: " + String.join(", ", failed));
            return 1;
        }
        return 0;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
