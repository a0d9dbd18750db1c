package dev.kpikit.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.kpikit.data.DataFormatException;
import dev.kpikit.data.CsvReading;
import dev.kpikit.data.IsoDates;
import dev.kpikit.data.ScoringFolder;
import dev.kpikit.runner.engine.AtomicFile;
import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.ScoringModel;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the commands that score a data folder without a report (score, workbook), declared once. */
final class PortfolioOptions {

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder with accounts.csv and revenue.csv.")
    Path data;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Scoring model (JSON). Default: the folder's scoring-model.json, else the built-in model.")
    Path model;

    /** Text, read by {@link IsoDates} as render's asOf parameter is: picocli's own conversion prints a Java exception and the usage. */
    @Option(names = "--as-of", paramLabel = "DATE", description = "As-of date, yyyy-MM-dd. Default: the latest revenue date.")
    String asOf;

    @Option(names = "--period", defaultValue = "year", paramLabel = "LENGTH",
            description = "Period of revenue share and growth: month, quarter or year, to date (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(names = "--columns", paramLabel = "MAPPING",
            description = "Your column names for kpikit's fields, e.g. \"amount=Umsatz, date=Rechnungsdatum\".")
    String columns;

    @Mixin
    CsvReadingOptions csv = new CsvReadingOptions();

    /** How the folder's CSV tables are read: their character set and decimal separator. */
    CsvReading reading() {
        return csv.reading();
    }

    /**
     * Refuses an output that is one of the files scoring reads (the folder's tables, the model) or one of
     * {@code others} (files of the folder that the command reads besides).
     */
    void requireNotAnInput(Path out, String... others) throws IOException {
        List<Path> inputs = new ArrayList<>(folder().inputs(model));
        for (String other : others) {
            inputs.add(data.resolve(other));
        }
        AtomicFile.requireNotAnInput(out, inputs);
    }

    private ScoringFolder folder() {
        return new ScoringFolder(data, ScoringFolder.defaultMapping().withOverrides(columns)).withReading(reading());
    }

    /** The folder's accounts scored by the model as of the date, and what they were scored with. */
    record Scored(ScoringModel model, LocalDate asOf, PeriodLength period, Portfolio portfolio) {
    }

    /**
     * Scores the folder; what is scored but deserves a word (judgements clamped as the model allows, revenue of
     * ids the account table lacks) goes to {@code warnings}, one sentence each.
     */
    Scored score(Consumer<String> warnings) throws IOException, DataFormatException {
        PeriodLength periodLength = PeriodLength.parse(period);
        LocalDate given = asOf == null ? null : IsoDates.parse(asOf, "--as-of");
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("no data folder at " + data.toAbsolutePath());
        }
        ScoringFolder folder = folder();
        // the command line is the user's own: --model may name a file anywhere (report parameters may not)
        ScoringModel scoringModel = folder.model(model);
        LocalDate date = folder.asOfOrLatest(given);
        return new Scored(scoringModel, date, periodLength, folder.portfolio(date, periodLength, scoringModel, warnings));
    }
}
