package dev.kpikit.runner.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.kpikit.data.DataFormatException;
import dev.kpikit.data.FolderScorecard;
import dev.kpikit.data.ScoringFolder;
import dev.kpikit.kpi.KpiCatalogException;
import dev.kpikit.runner.excel.ScoringWorkbook;
import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.ScoringModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kpikit workbook}: the live scoring workbook of a data folder (sheets Model, Accounts and,
 * when the folder has kpi-catalog.json and metrics.csv, KPIs). No BIRT engine is started.
 */
@Command(name = "workbook", mixinStandardHelpOptions = true,
        description = "Write an Excel workbook whose scores are live formulas over the model's weights (sheets Model, Accounts, KPIs).")
final class WorkbookCommand implements Callable<Integer> {

    static final String CATALOG = "kpi-catalog.json";
    static final String METRICS = "metrics.csv";

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder with accounts.csv and revenue.csv.")
    Path data;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Scoring model (JSON). Default: the folder's scoring-model.json, else the built-in model.")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "The workbook to write.")
    Path out;

    @Option(names = "--as-of", paramLabel = "DATE", description = "As-of date, yyyy-MM-dd. Default: the latest revenue date.")
    LocalDate asOf;

    @Option(names = "--period", defaultValue = "year", paramLabel = "LENGTH",
            description = "Period of revenue share and growth: month, quarter or year, to date (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(names = "--columns", paramLabel = "MAPPING",
            description = "Your column names for kpikit's fields, e.g. \"amount=Umsatz, date=Rechnungsdatum\".")
    String columns;

    @Option(names = "--locale", defaultValue = "en", paramLabel = "TAG", description = "Language of the KPI labels (default: ${DEFAULT-VALUE}).")
    String locale;

    PrintStream err = System.err;

    @Override
    public Integer call() {
        try {
            PeriodLength periodLength = PeriodLength.parse(period);
            if (!Files.isDirectory(data)) {
                err.println("kpikit workbook: no data folder at " + data.toAbsolutePath());
                return 1;
            }
            ScoringFolder folder = new ScoringFolder(data, ScoringFolder.defaultMapping().withOverrides(columns));
            ScoringModel scoringModel = folder.model(model == null ? null : model.toAbsolutePath().toString());
            LocalDate date = folder.asOfOrLatest(asOf);
            Portfolio portfolio = folder.portfolio(date, periodLength, scoringModel);
            List<FolderScorecard.Row> kpis = List.of();
            Path catalog = data.resolve(CATALOG);
            Path metrics = data.resolve(METRICS);
            if (Files.isRegularFile(catalog) && Files.isRegularFile(metrics)) {
                kpis = FolderScorecard.evaluate(catalog, metrics,
                        new FolderScorecard.Options(date, null, 0, Locale.forLanguageTag(locale)));
            }
            String scenario = data.toAbsolutePath().normalize().getFileName().toString();
            new ScoringWorkbook(scoringModel, portfolio, kpis, new ScoringWorkbook.Info(scenario, date)).write(out);
            err.printf("kpikit workbook: %s: %d accounts as of %s, model '%s'%s%n", out, portfolio.accounts().size(), date,
                    scoringModel.name(), kpis.isEmpty() ? "" : ", " + kpis.size() + " KPI rows");
            return 0;
        } catch (NoSuchFileException e) {
            err.println("kpikit workbook: " + e.getFile() + ": " + (e.getReason() == null ? "no such file" : e.getReason()));
        } catch (IOException | DataFormatException | KpiCatalogException | IllegalArgumentException e) {
            err.println("kpikit workbook: " + e.getMessage());
        }
        return 1;
    }
}
