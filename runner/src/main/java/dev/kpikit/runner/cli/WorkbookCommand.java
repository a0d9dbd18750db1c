package dev.kpikit.runner.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.poi.ss.SpreadsheetVersion;

import dev.kpikit.birt.oda.TextLimit;
import dev.kpikit.data.DataFormatException;
import dev.kpikit.data.FolderScorecard;
import dev.kpikit.kpi.KpiCatalogException;
import dev.kpikit.runner.excel.ScoringWorkbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kpikit workbook}: the live scoring workbook of a data folder (sheets Model, Accounts and,
 * when the folder has kpi-catalog.json and metrics.csv, KPIs). No BIRT engine is started.
 */
@Command(name = "workbook", mixinStandardHelpOptions = true,
        description = "Write an Excel workbook whose scores are live formulas over the model's weights (sheets Model, Accounts, KPIs).")
final class WorkbookCommand implements Callable<Integer> {

    static final String CATALOG = "kpi-catalog.json";

    @Mixin
    PortfolioOptions options = new PortfolioOptions();

    @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "The workbook to write.")
    Path out;

    @Option(names = "--locale", defaultValue = "en", paramLabel = "TAG", description = "Language of the workbook's texts: sheet names, headings, notes, KPI labels and statuses (default: ${DEFAULT-VALUE}).")
    String locale;

    PrintStream err = System.err;

    @Override
    public Integer call() {
        try {
            Locale language = Languages.of(locale, "workbook", err);
            Path catalog = options.data.resolve(CATALOG);
            Path metrics = FolderScorecard.metricsTable(options.data);
            options.requireNotAnInput(out, CATALOG, metrics.getFileName().toString());
            PortfolioOptions.Scored scored = options.score(warning -> err.println("kpikit workbook: warning: " + warning));
            List<FolderScorecard.Row> kpis = List.of();
            if (Files.isRegularFile(catalog) && !Files.isRegularFile(metrics)) {
                err.println("kpikit workbook: warning: " + CATALOG + " without a metric table (" + FolderScorecard.METRICS_TABLE + ".csv, .xlsx, .json"
                        + " or .jdbc): the workbook has no KPIs sheet");
            }
            if (Files.isRegularFile(catalog) && Files.isRegularFile(metrics)) {
                kpis = FolderScorecard.evaluate(catalog, metrics,
                        new FolderScorecard.Options(scored.asOf(), null, 0, language, options.reading()));
            }
            String scenario = options.data.toAbsolutePath().normalize().getFileName().toString();
            ScoringWorkbook workbook = new ScoringWorkbook(scored.model(), scored.portfolio(), kpis, new ScoringWorkbook.Info(scenario, scored.asOf(), language));
            workbook.write(out);
            List<String> cut = workbook.cutTexts();
            if (!cut.isEmpty()) {
                err.println("kpikit workbook: warning: " // as render says it of a report's XLSX
                        + TextLimit.cutWarning(out.getFileName().toString(), SpreadsheetVersion.EXCEL2007.getMaxTextLength(), cut));
            }
            err.printf("kpikit workbook: %s: %d accounts as of %s, model '%s'%s%n", out, scored.portfolio().accounts().size(),
                    scored.asOf(), scored.model().name(), kpis.isEmpty() ? "" : ", " + kpis.size() + " KPI rows");
            return 0;
        } catch (NoSuchFileException e) {
            err.println("kpikit workbook: " + e.getFile() + ": " + (e.getReason() == null ? "no such file" : e.getReason()));
        } catch (IOException | DataFormatException | KpiCatalogException | IllegalArgumentException e) {
            err.println("kpikit workbook: " + e.getMessage());
        }
        return 1;
    }
}
