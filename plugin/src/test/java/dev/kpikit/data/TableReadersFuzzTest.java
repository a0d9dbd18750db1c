package dev.kpikit.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

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
