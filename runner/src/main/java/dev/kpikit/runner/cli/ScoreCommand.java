package dev.kpikit.runner.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.kpikit.data.DataFormatException;
import dev.kpikit.data.PortfolioTables;
import dev.kpikit.data.ScoringFolder;
import dev.kpikit.data.TableReader;
import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.ScoringModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kpikit score}: the scored accounts of a data folder with each factor's contribution,
 * so a model can be checked without a report. No BIRT engine is started.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score the accounts of a data folder (accounts.csv, revenue.csv) and print them with each factor's contribution.")
final class ScoreCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder with accounts.csv and revenue.csv.")
    Path data;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Scoring model (JSON). Default: the folder's scoring-model.json, else the built-in model.")
    Path model;

    @Option(names = "--as-of", paramLabel = "DATE", description = "As-of date, yyyy-MM-dd. Default: the latest revenue date.")
    LocalDate asOf;

    @Option(names = "--period", defaultValue = "year", paramLabel = "LENGTH",
            description = "Period of revenue share and growth: month, quarter or year, to date (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--columns", paramLabel = "MAPPING",
            description = "Your column names for kpikit's fields, e.g. \"amount=Umsatz, date=Rechnungsdatum\".")
    String columns;

    @Option(names = "--locale", defaultValue = "en", paramLabel = "TAG", description = "Language of the explanations (default: ${DEFAULT-VALUE}).")
    String locale;

    /** Where the rows go; tests replace it. */
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        try {
            TableOutput output = TableOutput.parse(format);
            PeriodLength periodLength = PeriodLength.parse(period);
            if (!Files.isDirectory(data)) {
                err.println("kpikit score: no data folder at " + data.toAbsolutePath());
                return 1;
            }
            ScoringFolder folder = new ScoringFolder(data, ScoringFolder.defaultMapping().withOverrides(columns));
            ScoringModel scoringModel = folder.model(model == null ? null : model.toAbsolutePath().toString());
            LocalDate date = folder.asOfOrLatest(asOf);
            Portfolio portfolio = folder.portfolio(date, periodLength, scoringModel);
            err.printf("kpikit score: %d accounts as of %s, %s to date, model '%s'%n",
                    portfolio.accounts().size(), date, periodLength.name().toLowerCase(Locale.ROOT), scoringModel.name());
            try (TableReader rows = PortfolioTables.accounts(portfolio, Locale.forLanguageTag(locale))) {
                output.write(rows, out);
            }
            out.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("kpikit score: " + e.getFile() + ": " + (e.getReason() == null ? "no such file" : e.getReason()));
        } catch (IOException | DataFormatException | IllegalArgumentException e) {
            // data and model messages name file, line, column (and field): print them as they are
            err.println("kpikit score: " + e.getMessage());
        }
        return 1;
    }
}
