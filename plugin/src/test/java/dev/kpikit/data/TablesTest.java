package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesTest {

    @TempDir
    Path dir;

    @Test
    void choosesTheReaderByExtension() throws Exception {
        Path csv = Files.writeString(dir.resolve("a.CSV"), "id;amount\n1;2,5\n");
        Path json = Files.writeString(dir.resolve("a.json"), "[{\"id\": 1}]");
        Path xlsx = dir.resolve("a.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            workbook.createSheet("First").createRow(0).createCell(0).setCellValue("id");
            workbook.createSheet("Second").createRow(0).createCell(0).setCellValue("other");
            workbook.write(out);
        }
        try (TableReader reader = Tables.open(csv, Map.of("id", ColumnType.STRING))) {
            assertInstanceOf(CsvTableReader.class, reader);
            assertEquals(new Column("id", ColumnType.STRING), reader.columns().get(0));
            assertEquals(ColumnType.DECIMAL, reader.columns().get(1).type());
        }
        try (TableReader reader = Tables.open(json)) {
            assertInstanceOf(JsonTableReader.class, reader);
        }
        try (TableReader reader = Tables.open(xlsx)) {
            assertEquals("a.xlsx, sheet 'First'", reader.source());
        }
    }

    @Test
    void anUnknownExtensionIsReported() throws IOException {
        Path xls = Files.writeString(dir.resolve("old.xls"), "");
        DataFormatException e = assertThrows(DataFormatException.class, () -> Tables.open(xls));
        assertEquals("old.xls: kpikit reads tables from .csv, .tsv, .txt, .json and .xlsx files; save the table in one of these formats",
                e.getMessage());
    }

    @Test
    void aMissingFileNamesItsFullPath() {
        Path file = dir.resolve("gone.csv");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Tables.open(file));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    }

    @Test
    void requireColumnsListsEveryMissingColumn() throws Exception {
        try (TableReader reader = Tables.open(Files.writeString(dir.resolve("r.csv"), "date\n2024-01-01\n"))) {
            DataFormatException e = assertThrows(DataFormatException.class,
                    () -> Tables.requireColumns(reader, "amount", "account_id"));
            assertEquals("r.csv: missing columns 'amount', 'account_id'; found: date", e.getMessage());
        }
    }
}
