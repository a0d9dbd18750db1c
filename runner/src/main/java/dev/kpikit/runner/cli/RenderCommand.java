package dev.kpikit.runner.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.kpikit.data.CsvReading;
import dev.kpikit.data.Tables;
import dev.kpikit.runner.engine.KpikitEngine;
import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.runner.engine.RenderRequest;
import dev.kpikit.runner.engine.ReportFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kpikit render}: any .rptdesign, with the kpikit plugin loaded, to PDF, XLSX or HTML. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a report design and print the files written.")
final class RenderCommand implements Callable<Integer> {

    /** The report parameter that names the data folder in kpikit's templates. */
    static final String DATA_FOLDER_PARAMETER = RenderRequest.DATA_FOLDER_PARAMETER;

    @Option(names = "--template", paramLabel = "FILE", description = "The .rptdesign to render.")
    Path template;

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "Instead of --template: report-templates/NAME.rptdesign, with --data defaulting to sample-data/NAME"
                    + " (startup, consultancy, agency, restaurant).")
    String scenario;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder, passed as the report parameter 'dataFolder'.")
    Path data;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A report parameter (repeatable).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--format", split = ",", defaultValue = "pdf", paramLabel = "FORMAT",
            description = "pdf, xlsx, html; comma separated (default: ${DEFAULT-VALUE}).")
    List<String> formats = new ArrayList<>();

    @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--locale", defaultValue = "en", paramLabel = "TAG", description = "Report locale, e.g. en, fr, nb (default: ${DEFAULT-VALUE}).")
    String locale;

    @Mixin
    CsvReadingOptions csv = new CsvReadingOptions();

    PrintStream stdout = System.out;
    PrintStream err = System.err;

    /** The engine to render with; null starts one for this command. Tests lend theirs: BIRT's platform is global. */
    KpikitEngine engine;

    @Override
    public Integer call() {
        if ((template == null) == (scenario == null)) {
            err.println("kpikit render: give either --template FILE or --scenario NAME");
            return 2;
        }
        String dataParameter = parameters.get(DATA_FOLDER_PARAMETER);
        if (data != null && dataParameter != null) {
            err.println("kpikit render: the data folder is given twice, by --data and by --param " + DATA_FOLDER_PARAMETER
                    + "; give it once");
            return 2;
        }
        if (scenario != null) {
            Path home = KpikitCommand.home();
            List<String> known = Scenarios.available(home);
            if (!known.contains(scenario)) {
                err.println("kpikit render: unknown scenario '" + scenario + "'; the scenarios are: "
                        + (known.isEmpty() ? "(none found under " + home.resolve("sample-data") + ")" : String.join(", ", known)));
                return 2;
            }
            template = Scenarios.design(home, scenario);
            if (data == null && dataParameter == null) { // a dataFolder given as a parameter is read, not the sample's
                data = Scenarios.data(home, scenario);
            }
        }
        if (!Files.isRegularFile(template)) {
            err.println("kpikit render: no report design at " + template.toAbsolutePath());
            return 2;
        }
        Map<String, String> all = new LinkedHashMap<>(parameters);
        if (data != null) {
            all.put(DATA_FOLDER_PARAMETER, data.toAbsolutePath().normalize().toString());
        }
        KpikitEngine own = null;
        try {
            CsvReading reading = csv.reading(); // a wrong one said before BIRT starts
            KpikitEngine renderer = engine == null ? (own = KpikitEngine.start()) : engine;
            RenderRequest request = new RenderRequest(template, all, formats.stream().map(OutputFormat::parse).toList(),
                    out, Languages.of(locale, "render", err), RenderRequest.baseNameOf(template), reading);
            requireNoTableReplaced(request);
            renderer.render(request, KpikitEngine.DocumentReader.NONE, warning -> err.println("kpikit render: warning: " + warning))
                    .forEach(file -> stdout.println(file));
            return 0;
        } catch (ReportFailedException | IllegalArgumentException | IOException e) {
            err.println("kpikit render: " + e.getMessage());
            return 1;
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }

    /**
     * Refuses an output that would replace a table of the data folder: which of its files a design reads is not known
     * before it runs, and an XLSX output named as a table there ({@code --template accounts.rptdesign --out DATA})
     * would put the report over the data.
     */
    private void requireNoTableReplaced(RenderRequest request) throws IOException {
        String dataParameter = parameters.get(DATA_FOLDER_PARAMETER);
        // a relative dataFolder parameter is read from the design's folder, as the data source resolves it
        Path data = this.data != null ? this.data
                : dataParameter != null ? template.toAbsolutePath().getParent().resolve(dataParameter) : null;
        if (data == null || !Files.isDirectory(data)) {
            return;
        }
        Path folder = data.toRealPath();
        for (OutputFormat format : request.formats()) {
            Path target = out.resolve(request.baseName() + "." + format.extension());
            if (Files.isRegularFile(target) && Tables.isTableFile(target) && target.toRealPath().startsWith(folder)) {
                throw new IllegalArgumentException("cannot write to " + target + ": it is a table of the data folder "
                        + data + ", which the report reads; choose another --out");
            }
        }
    }
}
