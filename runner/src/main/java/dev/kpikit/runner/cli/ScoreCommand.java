package dev.kpikit.runner.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.kpikit.data.DataFormatException;
import dev.kpikit.data.PortfolioTables;
import dev.kpikit.data.TableParts;
import dev.kpikit.runner.engine.AtomicFile;
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

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write to this file instead of standard output: whole or not at all (a previous file stays as it was on failure).")
    Path outFile;

    @Option(names = "--raw", description = "CSV for machines: text starting with = + - @ tab or CR is written as it is,"
            + " not with the leading ' that keeps a spreadsheet from running it as a formula.")
    boolean raw;

    @Option(names = "--fields", split = ",", paramLabel = "NAMES",
            description = "Write only these columns, in this order, by their header names, e.g. rank,account_id,score,tier"
                    + " (default: all; only what is written is worked out).")
    List<String> fields;

    /** Where the rows go; tests replace it. */
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        try {
            TableOutput output = TableOutput.parse(format);
            List<String> selected = selectedFields(); // before the scoring: a mistyped name costs no wait
            Locale language = Languages.of(locale, "score", err);
            if (outFile != null) {
                options.requireNotAnInput(outFile);
            }
            PortfolioOptions.Scored scored = options.score(warning -> err.println("kpikit score: warning: " + warning));
            if (outFile == null) {
                write(output, scored, selected, language, out);
                out.flush();
            } else {
                writeAtomically(output, scored, selected, language, outFile);
            }
            err.printf("kpikit score: %d accounts as of %s, %s to date, model '%s'%s%n", scored.portfolio().accounts().size(),
                    scored.asOf(), scored.period().name().toLowerCase(Locale.ROOT), scored.model().name(),
                    outFile == null ? "" : ", written to " + outFile);
            return 0;
        } catch (NoSuchFileException e) {
            err.println("kpikit score: " + e.getFile() + ": " + (e.getReason() == null ? "no such file" : e.getReason()));
        } catch (IOException | DataFormatException | IllegalArgumentException e) {
            // data and model messages name file, line, column (and field): print them as they are
            err.println("kpikit score: " + e.getMessage());
        }
        return 1;
    }

    /** The names of {@code --fields}, checked against the table's columns; null for all. */
    private List<String> selectedFields() {
        if (fields == null) {
            return null;
        }
        List<String> names = fields.stream().map(String::strip).toList();
        try {
            TableParts.indexes(PortfolioTables.ACCOUNT_COLUMNS, names);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--fields: " + e.getMessage(), e);
        }
        return names;
    }

    private void write(TableOutput output, PortfolioOptions.Scored scored, List<String> selected, Locale language, OutputStream to)
            throws IOException, DataFormatException {
        TableParts table = PortfolioTables.accounts(scored.portfolio(), language, TableOutput.ROWS_PER_PART);
        output.write(selected == null ? table : table.select(selected), to, raw);
    }

    /** Whole or not at all ({@link AtomicFile}): a failure leaves no file and the old one as it was. */
    private void writeAtomically(TableOutput output, PortfolioOptions.Scored scored, List<String> selected, Locale language,
            Path target) throws IOException, DataFormatException {
        AtomicFile.write(target, to -> write(output, scored, selected, language, to));
    }
}
