package dev.kpikit.runner.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.runner.engine.PoiTempFiles;
import dev.kpikit.runner.engine.RenderRequest;
import dev.kpikit.runner.engine.SharedEngine;

/**
 * The XLSX of the report templates as finance opens it, read back with POI: one sheet per section with
 * the table's name, frozen header, auto filter, numbers and dates as such, totals as SUBTOTAL formulas,
 * no merged cells in data tables, fit to one page wide; an account named like a formula stays text;
 * the XLSX emitter's streaming temporary files do not outlive the render.
 */
public class ReportXlsxTest {

    @TempDir
    static Path out;

    @BeforeAll
    static void render() throws Exception {
        SharedEngine.get().render(new RenderRequest(SharedEngine.template("key-accounts.rptdesign"),
                Map.of("dataFolder", SharedEngine.sampleData("startup").toString()),
                List.of(OutputFormat.XLSX), out, Locale.ENGLISH, "key-accounts"));
    }

    @Test
    void keyAccountsIsFinanceGrade() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(out.resolve("key-accounts.xlsx")))) {
            assertEquals(2, workbook.getNumberOfSheets());
            assertEquals("Key accounts", workbook.getSheetName(0));
            assertEquals("Concentration by month", workbook.getSheetName(1));
            assertTrue(workbook.getForceFormulaRecalculation());

            XSSFSheet accounts = workbook.getSheetAt(0);
            PaneInformation pane = accounts.getPaneInformation();
            assertTrue(pane.isFreezePane());
            assertEquals(3, pane.getHorizontalSplitPosition(), "title, description and header rows frozen");
            assertEquals(2, pane.getVerticalSplitPosition(), "rank and account columns frozen");
            assertEquals("A3:O43", accounts.getCTWorksheet().getAutoFilter().getRef(), "header and 40 accounts");
            // the title and note above the table span its columns; nothing inside the table is merged
            accounts.getMergedRegions().forEach(merged -> assertTrue(merged.getLastRow() < 2, merged.formatAsString()));
            ScenarioXlsxTest.assertPrintedAtFullSize(accounts, "Key accounts");

            Row header = accounts.getRow(2);
            assertEquals("Revenue", header.getCell(2).getStringCellValue());
            Row first = accounts.getRow(3);
            assertEquals(CellType.NUMERIC, first.getCell(0).getCellType());
            assertEquals("Client A", first.getCell(1).getStringCellValue());
            assertEquals(CellType.NUMERIC, first.getCell(2).getCellType());
            assertTrue(first.getCell(2).getCellStyle().getDataFormatString().contains("#,##0"));
            assertTrue(first.getCell(3).getCellStyle().getDataFormatString().contains("0.0%"));

            Row total = accounts.getRow(43);
            assertEquals("Total", total.getCell(0).getStringCellValue());
            Cell sum = total.getCell(2);
            assertEquals(CellType.FORMULA, sum.getCellType());
            assertTrue(sum.getCellFormula().startsWith("SUBTOTAL(109,"), sum.getCellFormula());
            double rows = 0;
            for (int r = 3; r < 43; r++) {
                rows += accounts.getRow(r).getCell(2).getNumericCellValue();
            }
            assertEquals(rows, sum.getNumericCellValue(), 0.01, "BIRT's total as the cached value");
            var evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            evaluator.clearAllCachedResultValues();
            assertEquals(rows, evaluator.evaluate(sum).getNumberValue(), 0.01, "the formula sums the rows above");

            XSSFSheet months = workbook.getSheetAt(1);
            assertTrue(months.getCTWorksheet().isSetAutoFilter());
            int monthsHeader = Outputs.firstRowWithDate(months).getRowNum() - 1;
            months.getMergedRegions().forEach(merged -> assertTrue(merged.getLastRow() < monthsHeader, merged.formatAsString()));
            Row month = Outputs.firstRowWithDate(months);
            assertTrue(DateUtil.isCellDateFormatted(month.getCell(0)));
            assertEquals(CellType.NUMERIC, month.getCell(2).getCellType());
        }
    }

    @Test
    void anAccountNamedLikeAFormulaStaysText(@TempDir Path temp) throws Exception {
        Path data = Workbooks.copyFolder(SharedEngine.sampleData("startup"), temp.resolve("startup"));
        Path csv = data.resolve("accounts.csv");
        List<String> lines = Files.readAllLines(csv);
        lines.set(2, lines.get(2).replaceFirst("^C02,[^,]*,", "C02,\"=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\","));
        lines.set(3, lines.get(3).replaceFirst("^(C\\d+),[^,]*,", "$1,+1+2,"));
        Files.write(csv, lines);
        Path rendered = temp.resolve("out");
        SharedEngine.get().render(new RenderRequest(SharedEngine.template("key-accounts.rptdesign"),
                Map.of("dataFolder", data.toString()), List.of(OutputFormat.XLSX), rendered, Locale.ENGLISH, "evil"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(rendered.resolve("evil.xlsx")))) {
            Set<String> texts = new HashSet<>();
            for (Row row : workbook.getSheetAt(0)) {
                for (Cell cell : row) {
                    assertTrue(cell.getCellType() != CellType.FORMULA || cell.getCellFormula().startsWith("SUBTOTAL("),
                            () -> "unexpected formula " + cell.getCellFormula() + " at " + cell.getAddress());
                    if (cell.getCellType() == CellType.STRING) {
                        texts.add(cell.getStringCellValue());
                    }
                }
            }
            assertTrue(texts.contains("=HYPERLINK(\"http://example.com\",\"x\")"), texts.toString());
            assertTrue(texts.contains("+1+2"), texts.toString());
        }
    }

    @Test
    void streamingLeavesNoTemporaryFileBehind(@TempDir Path temp) throws Exception {
        Path templates = Workbooks.copyFolder(SharedEngine.home().resolve("report-templates"), temp.resolve("templates"));
        Workbooks.copyFolder(SharedEngine.home().resolve("report-templates/i18n"), templates.resolve("i18n"));
        Path design = templates.resolve("key-accounts.rptdesign");
        Files.writeString(design, streaming(Files.readString(design)));
        SharedEngine.get().render(new RenderRequest(design, Map.of("dataFolder", SharedEngine.sampleData("startup").toString()),
                List.of(OutputFormat.XLSX), temp.resolve("out"), Locale.ENGLISH, "streamed"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(temp.resolve("out/streamed.xlsx")))) {
            assertEquals("Client A", new DataFormatter().formatCellValue(workbook.getSheetAt(0).getRow(3).getCell(1)),
                    "the streamed workbook has the rows");
        }
        // POI's temporary files of this JVM go to kpikit's own folder (not the shared <tmp>/poifiles, where other
        // processes write too), and nothing is left in it after the render
        Path folder = PoiTempFiles.folder();
        assertEquals(Path.of(System.getProperty("java.io.tmpdir")).resolve("kpikit-poi-" + ProcessHandle.current().pid()), folder);
        java.io.File probe = org.apache.poi.util.TempFile.createTempFile("probe", ".tmp");
        assertEquals(folder.toFile(), probe.getParentFile());
        assertTrue(probe.delete());
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.toList(), "temporary files left behind");
        }
    }

    /** The design with ExcelEmitter.StreamingXlsx set on the report. */
    public static String streaming(String design) {
        String marker = "    <list-property name=\"userProperties\">\n";
        assertTrue(design.contains(marker));
        return design.replaceFirst(marker, marker + """
                        <structure>
                            <property name="name">ExcelEmitter.StreamingXlsx</property>
                            <property name="type">boolean</property>
                        </structure>
                """).replace("    <property name=\"ExcelEmitter.ForceRecalculation\">true</property>\n",
                "    <property name=\"ExcelEmitter.ForceRecalculation\">true</property>\n"
                        + "    <property name=\"ExcelEmitter.StreamingXlsx\">true</property>\n");
    }

    /** Regular files under the temp folder that POI, the emitter or kpikit write: poifiles/, kpikit-poi-*, kpikit-render-*. */
    public static Set<Path> tempFiles(Path tmp) throws IOException {
        Set<Path> files = new HashSet<>();
        try (Stream<Path> top = Files.list(tmp)) {
            for (Path entry : top.toList()) {
                String name = entry.getFileName().toString();
                if (name.equals("poifiles") || name.startsWith("kpikit-poi-") || name.startsWith("kpikit-render-")) {
                    try (Stream<Path> inside = Files.walk(entry)) {
                        inside.filter(Files::isRegularFile).forEach(files::add);
                    }
                } else if (name.startsWith("poi-") && Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        }
        return files;
    }
}
