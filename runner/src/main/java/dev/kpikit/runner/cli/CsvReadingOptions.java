package dev.kpikit.runner.cli;

import dev.kpikit.data.CsvReading;
import picocli.CommandLine.Option;

/** {@code --encoding} and {@code --decimal-separator}: how a data folder's CSV tables are read, for every command that reads one. */
final class CsvReadingOptions {

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "Character set of the data folder's CSV tables, e.g. windows-1252 (default: UTF-8, with or without"
                    + " byte order mark; in a report, a data source's own 'encoding' property wins).")
    String encoding;

    @Option(names = "--decimal-separator", paramLabel = "SEP",
            description = "Decimal separator of the data folder's CSV tables: point or comma (default: from each file; a file"
                    + " separated by ';' or tabs may leave 12.500 open, and is then refused until this says; in a report, a data"
                    + " source's own 'decimalSeparator' property wins).")
    String decimalSeparator;

    /** The reading the options say; a wrong value is refused naming the option (before any work starts). */
    CsvReading reading() {
        return new CsvReading(CsvReading.encoding(encoding, "--encoding"),
                CsvReading.decimalSeparator(decimalSeparator, "--decimal-separator"));
    }
}
