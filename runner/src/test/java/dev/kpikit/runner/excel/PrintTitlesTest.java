package dev.kpikit.runner.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.runner.engine.RenderRequest;
import dev.kpikit.runner.engine.SharedEngine;

/**
 * Print titles: the rows frozen on screen are repeated at the top of each printed page, in the report XLSX the
 * engine writes (key-accounts, kpi-scorecard) and in a workbook made here with an awkward sheet name, a sheet
 * without frozen panes and a sheet that already has print titles. LibreOffice opens the result (when installed).
 */
class PrintTitlesTest {

    @TempDir
    static Path out;

    @BeforeAll
    static void render() throws Exception {
        SharedEngine.get().render(new RenderRequest(SharedEngine.template("key-accounts.rptdesign"),
                Map.of("dataFolder", SharedEngine.sampleData("startup").toString()),
                List.of(OutputFormat.XLSX), out, Locale.ENGLISH, "key-accounts"));
        SharedEngine.get().render(new RenderRequest(SharedEngine.template("kpi-scorecard.rptdesign"),
                Map.of("dataFolder", SharedEngine.sampleData("agency").toString(), "asOf", "2026-10-31"),
                List.of(OutputFormat.XLSX), out, Locale.ENGLISH, "kpi-scorecard"));
    }

    @Test
    void reportSheetsRepeatTheirFrozenRowsOnPaper() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(out.resolve("key-accounts.xlsx")))) {
            assertRepeatsFrozenRows(workbook.getSheet("Key accounts"), 3);
            XSSFSheet months = workbook.getSheet("Concentration by month");
            assertEquals(0, frozenRows(months), "a sheet without frozen rows");
            assertNull(months.getRepeatingRows(), "gets no print titles");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(out.resolve("kpi-scorecard.xlsx")))) {
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                XSSFSheet sheet = workbook.getSheetAt(i);
                assertTrue(frozenRows(sheet) > 0, sheet.getSheetName() + " has frozen rows");
                assertRepeatsFrozenRows(sheet, frozenRows(sheet));
            }
        }
        try (var left = Files.list(out)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().startsWith(".")).toList(),
                    "no .emitted or .partial file left");
        }
    }

    @Test
    void onlySheetsWithFrozenRowsGetPrintTitlesAndExistingOnesStay(@TempDir Path temp) throws Exception {
        Path made = temp.resolve("made.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet quoted = workbook.createSheet("Bob's & <accounts>");
            quoted.createRow(0).createCell(0).setCellValue("header");
            quoted.createFreezePane(1, 2);
            XSSFSheet plain = workbook.createSheet("No panes");
            plain.createRow(0).createCell(0).setCellValue(1);
            XSSFSheet own = workbook.createSheet("Own titles");
            own.createFreezePane(0, 4);
            own.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
            XSSFSheet columnsOnly = workbook.createSheet("Columns frozen");
            columnsOnly.createFreezePane(2, 0);
            try (OutputStream stream = Files.newOutputStream(made)) {
                workbook.write(stream);
            }
        }
        Path copied = temp.resolve("copied.xlsx");
        Map<String, Integer> added = PrintTitles.copyWithPrintTitles(made, copied);
        assertEquals(Map.of("Bob's & <accounts>", 2), added);
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(copied))) {
            assertEquals(rows(2), workbook.getSheet("Bob's & <accounts>").getRepeatingRows());
            assertEquals("'Bob''s & <accounts>'!$1:$2", workbook.getNames(PrintTitles.PRINT_TITLES).stream()
                    .filter(name -> name.getSheetIndex() == 0).findFirst().orElseThrow().getRefersToFormula());
            assertNull(workbook.getSheet("No panes").getRepeatingRows());
            assertEquals(rows(1), workbook.getSheet("Own titles").getRepeatingRows(), "kept, not doubled");
            assertEquals(1, workbook.getNames(PrintTitles.PRINT_TITLES).stream().filter(n -> n.getSheetIndex() == 2).count());
            assertNull(workbook.getSheet("Columns frozen").getRepeatingRows(), "no frozen rows, no titles");
            assertEquals("header", workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue(), "the cells are copied");
        }
    }

    @Test
    void libreOfficeOpensTheWorkbookAndKeepsThePrintTitles(@TempDir Path temp) throws Exception {
        Path soffice = LibreOfficeRecalcTest.soffice();
        Assumptions.assumeTrue(soffice != null || System.getenv("KPIKIT_CI") != null, "soffice is not installed");
        if (soffice == null) {
            fail("KPIKIT_CI is set but soffice is not installed");
        }
        Path outDir = temp.resolve("converted");
        Process process = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + temp.resolve("profile").toUri(),
                "--headless", "--norestore", "--nologo", "--convert-to", "xlsx", "--outdir", outDir.toString(),
                out.resolve("key-accounts.xlsx").toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("soffice.log").toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("soffice did not finish in 180 s");
        }
        Path converted = outDir.resolve("key-accounts.xlsx");
        assertTrue(Files.isRegularFile(converted), "soffice wrote nothing: " + Files.readString(temp.resolve("soffice.log")));
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(converted))) {
            assertEquals(rows(3), workbook.getSheet("Key accounts").getRepeatingRows(),
                    "LibreOffice read the print titles and wrote them back");
        }
    }

    /** Rows 1 to {@code n}, as POI gives repeating rows. */
    private static CellRangeAddress rows(int n) {
        return new CellRangeAddress(0, n - 1, -1, -1);
    }

    private static int frozenRows(XSSFSheet sheet) {
        PaneInformation pane = sheet.getPaneInformation();
        return pane != null && pane.isFreezePane() ? pane.getHorizontalSplitPosition() : 0;
    }

    private static void assertRepeatsFrozenRows(XSSFSheet sheet, int rows) {
        assertTrue(rows > 0, sheet.getSheetName() + " has frozen rows");
        assertEquals(rows, frozenRows(sheet), sheet.getSheetName());
        assertEquals(rows(rows), sheet.getRepeatingRows(), sheet.getSheetName());
    }
}
