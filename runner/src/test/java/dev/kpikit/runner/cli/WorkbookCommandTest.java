package dev.kpikit.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.engine.SharedEngine;
import picocli.CommandLine;

/** {@code kpikit workbook --data DIR --out FILE.xlsx}. */
class WorkbookCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int workbook(String... args) {
        WorkbookCommand command = new WorkbookCommand();
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(command).execute(args);
    }

    @Test
    void writesTheRestaurantWorkbook() throws Exception {
        Path out = temp.resolve("out/restaurant.xlsx");
        assertEquals(0, workbook("--data", SharedEngine.sampleData("restaurant").toString(), "--out", out.toString()),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("1458 accounts"), err.toString(StandardCharsets.UTF_8));
        try (XSSFWorkbook workbook = new XSSFWorkbook(out.toFile())) {
            assertEquals(3, workbook.getNumberOfSheets());
            assertEquals(1459, workbook.getSheet("Accounts").getPhysicalNumberOfRows());
        }
    }

    @Test
    void aMissingFolderIsOneLine() {
        assertEquals(1, workbook("--data", temp.resolve("nowhere").toString(), "--out", temp.resolve("x.xlsx").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("kpikit workbook: no data folder at "));
    }
}
