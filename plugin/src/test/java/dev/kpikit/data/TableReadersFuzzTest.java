package dev.kpikit.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.RevenueLedger;
import dev.kpikit.scoring.ScoringModel;

/**
 * Fuzz targets of the table readers: any bytes give rows or a {@link DataFormatException},
 * never another exception, a StackOverflowError or an OutOfMemoryError. {@code ./kpikit test}
 * replays the inputs under {@code TableReadersFuzzTestInputs/<target>/} (seeds and the crashers
 * fuzzing found); {@code ./kpikit fuzz csv} fuzzes one target for longer.
 */
class TableReadersFuzzTest {

    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("kpikit-fuzz-tables");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void csv(byte[] input) throws IOException {
        readAll(Files.write(DIR.resolve("revenue.csv"), input));
    }

    @FuzzTest(maxDuration = "10m")
    void json(byte[] input) throws IOException {
        readAll(Files.write(DIR.resolve("revenue.json"), input));
    }

    @FuzzTest(maxDuration = "10m")
    void xlsx(byte[] input) throws IOException {
        readAll(Files.write(DIR.resolve("revenue.xlsx"), input));
    }

    /**
     * The CSV scanner agrees with the reader on any bytes: where the reader refuses the file, the scanner leaves it to
     * the reader (null); where the reader reads it, the scanner leaves it or gives the same values in the same order,
     * whatever the parts it is cut into.
     */
    @FuzzTest(maxDuration = "10m")
    void csvScanner(byte[] input) throws IOException {
        Path file = Files.write(DIR.resolve("scanned.csv"), input);
        List<List<Object>> read = new ArrayList<>();
        boolean refused = false;
        try (TableReader reader = Tables.open(file)) {
            while (reader.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < reader.columns().size(); i++) {
                    row.add(reader.value(i));
                }
                read.add(row);
            }
        } catch (DataFormatException e) {
            refused = true;
        }
        for (long partBytes : new long[] {5, 1 << 20}) {
            List<List<Object>> scanned;
            try (TableReader reader = Tables.open(file)) {
                CsvScanner scanner = ((CsvTableReader) reader).scanner();
                if (scanner == null) {
                    continue;
                }
                List<Column> columns = reader.columns();
                List<List<List<Object>>> parts = scanner.withPartBytes(partBytes).scan(ArrayList::new, (part, row) -> {
                    List<Object> values = new ArrayList<>();
                    for (int i = 0; i < columns.size(); i++) {
                        values.add(row.isBlank(i) ? null : switch (columns.get(i).type()) {
                            case STRING -> row.text(i);
                            case DECIMAL -> BigDecimal.valueOf(row.value(i), row.scale(i));
                            case INTEGER -> row.value(i);
                            case DATE -> LocalDate.ofEpochDay(row.value(i));
                            case BOOLEAN -> row.value(i) == 1;
                        });
                    }
                    part.add(values);
                    return true;
                });
                scanned = parts == null ? null : parts.stream().flatMap(List::stream).toList();
            } catch (DataFormatException e) {
                continue; // refused when opened: the reader's refusal, nothing scanned
            }
            if (scanned != null && (refused || !scanned.equals(read))) {
                throw new AssertionError("parts of " + partBytes + " bytes: the scanner read " + scanned + " where the reader "
                        + (refused ? "refused the file" : "read " + read));
            }
        }
    }

    /**
     * The account table read by the scanner scores as the table read row by row, whatever the parts it is cut into:
     * where the reader refuses it (or warns about it), the scan leaves it to the reader (null).
     */
    @FuzzTest(maxDuration = "10m")
    void accountTableScan(byte[] input) throws IOException {
        Path folder = Files.createDirectories(DIR.resolve("account-table"));
        Files.write(folder.resolve("accounts.csv"), input);
        Files.writeString(folder.resolve("revenue.csv"),
                "date,account_id,amount\n2026-01-05,A1,300\n2026-02-05,A2,100.5\n2025-06-01,B,80\n");
        ScoringFolder scoring = new ScoringFolder(folder);
        ScoringModel model = ScoringModel.defaultModel();
        RevenueLedger ledger;
        try {
            ledger = scoring.ledger(LocalDate.of(2026, 10, 31), PeriodLength.YEAR);
        } catch (DataFormatException e) {
            throw new AssertionError("the fixed revenue table is refused", e);
        }
        List<Object> read;
        try {
            Portfolio.Builder accounts = Portfolio.builder(ledger);
            scoring.readProfiles(model, warning -> { }, accounts::has, accounts::add);
            Portfolio portfolio = accounts.analyse(model);
            read = List.of(portfolio.accounts(), portfolio.unknownAccountIds());
        } catch (DataFormatException e) {
            read = null;
        }
        for (long partBytes : new long[] {5, 1 << 20}) {
            Portfolio.Builder scanned;
            try {
                scanned = scoring.scanProfiles(ledger, model, partBytes, warning -> { });
            } catch (DataFormatException e) {
                continue; // refused when opened: the reader's refusal, nothing scanned
            }
            if (scanned == null) {
                continue;
            }
            Portfolio portfolio = scanned.analyse(model);
            List<Object> scores = List.of(portfolio.accounts(), portfolio.unknownAccountIds());
            if (!scores.equals(read)) {
                throw new AssertionError("parts of " + partBytes + " bytes: the scan scored " + scores + " where the reader "
                        + (read == null ? "refused the table" : "scored " + read));
            }
        }
    }

    /** Opens the file as kpikit does by its extension and reads every value of every row. */
    private static void readAll(Path file) throws IOException {
        try (TableReader reader = Tables.open(file)) {
            while (reader.next()) {
                for (int i = 0; i < reader.columns().size(); i++) {
                    reader.value(i);
                }
            }
        } catch (DataFormatException refused) {
            // the documented refusal: what is wrong and where
        }
    }
}
