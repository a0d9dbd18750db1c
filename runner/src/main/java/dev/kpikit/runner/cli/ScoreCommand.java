package dev.kpikit.runner.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.kpikit.data.DataFormatException;
import dev.kpikit.data.PortfolioTables;
import dev.kpikit.data.TableReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kpikit score}: the scored accounts of a data folder with each factor's contribution,
 * so a model can be checked without a report. No BIRT engine is started.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score the accounts of a data folder (accounts.csv, revenue.csv) and print them with each factor's contribution.")
final class ScoreCommand implements Callable<Integer> {

    @Mixin
    PortfolioOptions options = new PortfolioOptions();

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--locale", defaultValue = "en", paramLabel = "TAG", description = "Language of the explanations (default: ${DEFAULT-VALUE}).")
    String locale;

    /** Where the rows go; tests replace it. */
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        try {
            TableOutput output = TableOutput.parse(format);
            PortfolioOptions.Scored scored = options.score();
            err.printf("kpikit score: %d accounts as of %s, %s to date, model '%s'%n", scored.portfolio().accounts().size(),
                    scored.asOf(), scored.period().name().toLowerCase(Locale.ROOT), scored.model().name());
            try (TableReader rows = PortfolioTables.accounts(scored.portfolio(), Locale.forLanguageTag(locale))) {
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
