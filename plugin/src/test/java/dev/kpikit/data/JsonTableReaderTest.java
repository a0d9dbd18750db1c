package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTableReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static DataFormatException readAll(Path file) {
        return readAll(file, TableOptions.defaults());
    }

    private static DataFormatException readAll(Path file, TableOptions options) {
        return assertThrows(DataFormatException.class, () -> {
            try (TableReader reader = JsonTableReader.open(file, options)) {
                while (reader.next()) {
                    // read to the problem
                }
            }
        });
    }

    @Test
    void readsAnArrayOfFlatObjectsWithTypedColumns() throws Exception {
        Path file = write("revenue.json", """
                [
                  {"account_id": 1, "date": "2024-01-31", "amount": 1234.50, "key": true, "name": "Acme"},
                  {"account_id": 2, "date": "2024-02-29", "amount": 1e3, "key": false, "name": null},
                  {"account_id": 3, "amount": -7}
                ]
                """);
        try (TableReader reader = JsonTableReader.open(file)) {
            assertEquals(List.of(new Column("account_id", ColumnType.INTEGER), new Column("date", ColumnType.DATE),
                    new Column("amount", ColumnType.DECIMAL), new Column("key", ColumnType.BOOLEAN),
                    new Column("name", ColumnType.STRING)), reader.columns());
            assertTrue(reader.next());
            assertEquals(1, reader.rowNumber());
            assertEquals(1L, reader.value(0));
            assertEquals(LocalDate.of(2024, 1, 31), reader.value(1));
            assertEquals(new BigDecimal("1234.50"), reader.value(2));
            assertEquals(true, reader.value(3));
            assertEquals("Acme", reader.value(4));
            assertTrue(reader.next());
            assertEquals(new BigDecimal("1000"), reader.value(2));
            assertNull(reader.value(4));
            assertTrue(reader.next());
            assertEquals(3, reader.rowNumber());
            assertNull(reader.value(1), "a missing field is null");
            assertEquals(new BigDecimal("-7"), reader.value(2));
            assertFalse(reader.next());
        }
    }

    @Test
    void declaredTypesOverrideInferenceAndCanAddAField() throws Exception {
        Path file = write("accounts.json", """
                [{"id": "0042", "since": "2024-01-01"}, {"id": "7", "since": "2024-01-02", "segment": "A"}]
                """);
        TableOptions options = TableOptions.defaults().withInferenceRows(1)
                .withDeclaredTypes(Map.of("since", ColumnType.STRING, "segment", ColumnType.STRING));
        try (TableReader reader = JsonTableReader.open(file, options)) {
            assertEquals(List.of(new Column("id", ColumnType.STRING), new Column("since", ColumnType.STRING),
                    new Column("segment", ColumnType.STRING)), reader.columns());
            assertTrue(reader.next());
            assertEquals("0042", reader.value(0));
            assertTrue(reader.next());
            assertEquals("A", reader.value(2));
        }
    }

    @Test
    void aValueThatDoesNotFitItsColumnNamesFileLineColumnAndField() throws IOException {
        Path file = write("revenue.json", """
                [
                  {"account_id": 1, "amount": 12.5},
                  {"account_id": 2, "amount": "12,3x"}
                ]
                """);
        DataFormatException e = readAll(file, TableOptions.defaults().withInferenceRows(1));
        assertEquals("revenue.json, line 3, column 31, field 'amount': expected a decimal number, found '12,3x'", e.getMessage());
        assertEquals(3, e.line());
        assertEquals("amount", e.column());
    }

    @Test
    void aDecimalCommaInAStringIsToldHowJsonWritesNumbers() throws IOException {
        DataFormatException e = readAll(write("revenue.json", "[{\"amount\": 2.5},\n{\"amount\": \"12,5\"}]"),
                TableOptions.defaults().withDeclaredTypes(Map.of("amount", ColumnType.DECIMAL)));
        assertEquals("revenue.json, line 2, column 12, field 'amount': expected a decimal number, found '12,5'"
                + " (a JSON number has a decimal point and no quotes: write 12.5)", e.getMessage());
    }

    @Test
    void aFieldOutsideTheSampledColumnsIsReported() throws IOException {
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < 150; i++) {
            json.append("{\"id\": ").append(i).append("},\n");
        }
        json.append("{\"id\": 150, \"extra\": 1}\n]");
        DataFormatException e = readAll(write("late.json", json.toString()));
        assertEquals("late.json, line 152, column 22, field 'extra': the field is in none of the first objects, "
                + "which set the columns (id); declare its type to read it", e.getMessage());
    }

    @Test
    void nestedValuesAreRejected() throws IOException {
        DataFormatException e = readAll(write("nested.json", "[{\"id\": 1, \"address\": {\"city\": \"Ulm\"}}]"));
        assertEquals("nested.json, line 1, column 23, field 'address': expected text, a number, true, false or null, found an object",
                e.getMessage());
    }

    @Test
    void aFileThatIsNotAnArrayIsRejected() throws IOException {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> JsonTableReader.open(write("object.json", "{\"rows\": []}")));
        assertEquals("object.json, line 1, column 1: expected a JSON array of objects, found an object", e.getMessage());
        e = assertThrows(DataFormatException.class, () -> JsonTableReader.open(write("scalars.json", "[1, 2]")));
        assertEquals("scalars.json, line 1, column 2: expected an object for row 1, found a number", e.getMessage());
    }

    @Test
    void bytesJacksonTakesForUtf32AreRefusedAsNotUtf8() throws IOException {
        // found by fuzzing: Jackson guesses UTF-32 from zero bytes first and fails with an I/O error
        Path file = Files.write(dir.resolve("ucs4.json"), new byte[] {0, 5, 0, 0, '"'});
        DataFormatException e = assertThrows(DataFormatException.class, () -> JsonTableReader.open(file));
        assertEquals("ucs4.json: the file is not UTF-8 text; save it as UTF-8", e.getMessage());
    }

    @Test
    void invalidJsonNamesItsLocation() throws IOException {
        DataFormatException e = readAll(write("broken.json", "[\n{\"id\": 1},\n{\"id\": 2,,}\n]"));
        assertEquals("broken.json, line 3, column 10: expected a field name in double quotes, found ','", e.getMessage());
        e = readAll(write("twice.json", "[{\"id\": 1, \"id\": 2}]"));
        assertTrue(e.getMessage().startsWith("twice.json, line 1, column "), e.getMessage());
        assertTrue(e.getMessage().endsWith("field 'id' appears twice in one object"), e.getMessage());
    }

    @Test
    void aSecondArrayAfterTheFirstIsRefusedWhereItStarts() throws IOException {
        // two exports pasted into one file: the second array's rows must not be left out unseen
        DataFormatException e = readAll(write("revenue.json", """
                [{"date": "2026-01-15", "account_id": "A1", "amount": 10}]
                [{"date": "2026-01-16", "account_id": "B2", "amount": 99}]
                """));
        assertEquals("revenue.json, line 2, column 1: content after the JSON array, which must be the only value in the file;"
                + " found an array (put all the rows in one array)", e.getMessage());
        assertEquals(2, e.line());
    }

    @Test
    void textAfterTheArrayIsRefusedAfterTheRowsTheSampleDidNotReach() throws IOException {
        DataFormatException e = readAll(write("revenue.json", "[{\"id\": 1},\n{\"id\": 2}]  garbage\n"),
                TableOptions.defaults().withInferenceRows(1));
        assertEquals("revenue.json, line 2, column 13: content after the JSON array, which must be the only value in the file;"
                + " found text that is not JSON", e.getMessage());
        e = readAll(write("later.json", "[{\"id\": 1}]\r\n\n  junk"));
        assertTrue(e.getMessage().startsWith("later.json, line 3, column 3: content after the JSON array"), e.getMessage());
    }

    @Test
    void spacesAfterTheArrayAreFine() throws Exception {
        try (TableReader reader = JsonTableReader.open(write("spaced.json", "[{\"id\": 1}]\n\n  \t\n"))) {
            assertTrue(reader.next());
            assertFalse(reader.next());
            assertFalse(reader.next(), "asking again after the end stays at the end");
        }
    }

    @Test
    void anEmptyArrayHasNoColumnsAndNoRows() throws Exception {
        try (TableReader reader = JsonTableReader.open(write("empty.json", "[]"))) {
            assertEquals(List.of(), reader.columns());
            assertFalse(reader.next());
        }
    }

    @Test
    void aMissingFileNamesItsFullPath() {
        Path file = dir.resolve("nowhere.json");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> JsonTableReader.open(file));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    }

    @Test
    void streamsALargeFile() throws Exception {
        Path file = dir.resolve("large.json");
        int rows = 300_000;
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("[\n");
            for (int i = 0; i < rows; i++) {
                out.write((i == 0 ? "" : ",\n") + "{\"account_id\": " + i + ", \"amount\": " + i + ".5, \"note\": \"row " + i + "\"}");
            }
            out.write("\n]\n");
        }
        long count = 0;
        try (TableReader reader = JsonTableReader.open(file)) {
            while (reader.next()) {
                count++;
            }
        }
        assertEquals(rows, count);
    }
}
