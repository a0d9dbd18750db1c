package dev.kpikit.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
