package dev.kpikit.runner.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.runner.engine.Outputs;
import dev.kpikit.runner.engine.RenderRequest;
import dev.kpikit.runner.engine.SharedEngine;

/**
 * The XLSX of the four scenario reports and the key-account review, rendered by the real engine from the sample
 * data and read back with POI: a sheet per section named after its table; on each data table a frozen header (and
 * the columns that name a row), an auto filter over header and details, the frozen rows repeated on paper, no
 * merged cells in it (a note above it spans its columns); every number a numeric cell with a number format whose value, formatted as BIRT formats it, is
 * in the PDF; each account's revenue share is what revenue.csv gives; every total is a SUBTOTAL(109, ...) formula
 * whose cached value and recalculated value are the sum of the details above (and, for the review, revenue.csv's
 * total); the report's ratios get no total. Every sheet prints at 100 % (PrintedXlsxTest prints them).
 */
class ScenarioXlsxTest {

    /**
     * A data table on a sheet: the header row's first cell, the frozen rows (up to and including the header) and
     * columns, the auto filter, and the columns (letters) that hold a total on the row after the details.
     */
    record Table(String sheet, String firstHeader, int frozenRows, int frozenColumns, String filter, List<String> totals) {
    }

    /** A report, its data folder, its sheets in order and its data tables. */
    record Report(String design, String data, List<String> sheets, List<Table> tables) {

        @Override
        public String toString() {
            return design;
        }
    }

    private static final List<String> SCENARIO_SHEETS = List.of("Headline KPIs", "Key accounts", "Revenue and KPI trends");

    static Stream<Report> reports() {
        return Stream.of(
                new Report("startup", "startup", SCENARIO_SHEETS, List.of(
                        new Table("Headline KPIs", "KPI", 5, 1, "A5:F10", List.of()),
                        new Table("Key accounts", "#", 3, 2, "A3:G13", List.of()))),
                new Report("agency", "agency", SCENARIO_SHEETS, List.of(
                        new Table("Headline KPIs", "KPI", 5, 1, "A5:F9", List.of()),
                        new Table("Key accounts", "#", 3, 2, "A3:G13", List.of()))),
                new Report("consultancy", "consultancy", SCENARIO_SHEETS, List.of(
                        new Table("Headline KPIs", "KPI", 5, 1, "A5:F11", List.of()),
                        new Table("Key accounts", "#", 3, 2, "A3:G13", List.of()))),
                new Report("restaurant", "restaurant", SCENARIO_SHEETS, List.of(
                        new Table("Headline KPIs", "KPI", 5, 1, "A5:F11", List.of()),
                        new Table("Key accounts", "#", 3, 2, "A3:G13", List.of()))),
                new Report("key-account-review", "startup", List.of("Key accounts", "Revenue concentration", "Revenue over time"), List.of(
                        new Table("Key accounts", "#", 5, 2, "A5:G15", List.of()),
                        new Table("Revenue concentration", "Period", 3, 1, "A3:G6", List.of("B")))));
    }

    @TempDir
    static Path out;

    @ParameterizedTest
    @MethodSource("reports")
    void theWorkbookFollowsTheExcelConventions(Report report) throws Exception {
        Path data = SharedEngine.sampleData(report.data());
        Path dir = out.resolve(report.design());
        SharedEngine.get().render(new RenderRequest(SharedEngine.template(report.design() + ".rptdesign"),
                Map.of("dataFolder", data.toString()), List.of(OutputFormat.PDF, OutputFormat.XLSX), dir, Locale.ENGLISH,
                report.design()));
        String pdf = Outputs.pdfText(dir.resolve(report.design() + ".pdf")).replaceAll("\\s+", " ");
        Map<String, Double> shares = yearShares(data, "2026");

        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(dir.resolve(report.design() + ".xlsx")))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertEquals(report.sheets(), sheets, "one sheet per section, named after its table");
            assertTrue(workbook.getForceFormulaRecalculation(), "Excel recalculates on opening");
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            evaluator.clearAllCachedResultValues();
            int totals = 0;
            for (int index = 0; index < workbook.getNumberOfSheets(); index++) {
                XSSFSheet sheet = workbook.getSheetAt(index);
                String where = report.design() + " '" + sheet.getSheetName() + "'";
                assertPrintedAtFullSize(sheet, where);
                Table table = report.tables().stream().filter(t -> t.sheet().equals(sheet.getSheetName())).findFirst().orElse(null);
                for (CellRangeAddress merged : sheet.getMergedRegions()) {
                    // a title or note above the table spans its columns; nothing is merged inside a data table
                    assertTrue(table == null || merged.getLastRow() < CellRangeAddress.valueOf(table.filter()).getFirstRow(),
                            where + ": merged " + merged.formatAsString() + " outside the notes above the table");
                }
                if (table == null) {
                    assertNull(sheet.getPaneInformation(), where + ": nothing frozen without a data table");
                    assertFalse(sheet.getCTWorksheet().isSetAutoFilter(), where);
                    assertNull(sheet.getRepeatingRows(), where + ": no print titles");
                    continue;
                }
                assertFrozenFilteredAndTitled(sheet, table, where);
                CellRangeAddress range = CellRangeAddress.valueOf(table.filter());
                int numbers = 0;
                for (int r = range.getFirstRow() + 1; r <= range.getLastRow(); r++) {
                    for (Cell cell : sheet.getRow(r)) {
                        if (cell.getCellType() == CellType.NUMERIC) {
                            assertShownAsInThePdf(cell, pdf, where);
                            numbers++;
                        }
                    }
                }
                assertTrue(numbers >= 2 * (range.getLastRow() - range.getFirstRow()), where + ": " + numbers + " numbers");
                if (table.firstHeader().equals("#")) {
                    assertSharesAreTheData(sheet, range, shares, where);
                }
                totals += assertTotals(sheet, table, range, evaluator, where);
            }
            assertEquals(report.tables().stream().mapToInt(t -> t.totals().size()).sum(), totals, "totals where they make sense only");
            if (report.design().equals("key-account-review")) {
                Row total = workbook.getSheet("Revenue concentration").getRow(6);
                assertEquals("Total", total.getCell(0).getStringCellValue());
                assertEquals(totalRevenue(data).doubleValue(), evaluator.evaluate(total.getCell(1)).getNumberValue(), 0.005,
                        "the total over the periods is revenue.csv's total");
            }
        }
    }

    /**
     * Fit to one page wide and (as good as) any number of pages tall: Excel and LibreOffice ignore the fit sizes
     * unless the sheet's fit-to-page flag is set, and a fit height of 1 (the default) would squeeze every row onto one
     * page; the emitter cannot write 0 (automatic), so the templates ask for 32766 pages tall.
     */
    static void assertPrintedAtFullSize(XSSFSheet sheet, String where) {
        assertFalse(sheet.getFitToPage(), where + ": not squeezed onto one page wide");
        assertEquals(100, sheet.getPrintSetup().getScale(), where + ": printed at 100 %");
    }

    private static void assertFrozenFilteredAndTitled(XSSFSheet sheet, Table table, String where) {
        PaneInformation pane = sheet.getPaneInformation();
        assertTrue(pane != null && pane.isFreezePane(), where + ": frozen panes");
        assertEquals(table.frozenRows(), pane.getHorizontalSplitPosition(), where + ": frozen rows");
        assertEquals(table.frozenColumns(), pane.getVerticalSplitPosition(), where + ": frozen columns");
        assertEquals(table.firstHeader(), sheet.getRow(table.frozenRows() - 1).getCell(0).getStringCellValue(),
                where + ": the last frozen row is the table's header");
        assertEquals(table.filter(), sheet.getCTWorksheet().getAutoFilter().getRef(), where + ": auto filter on header and details");
        assertEquals(new CellRangeAddress(0, table.frozenRows() - 1, -1, -1), sheet.getRepeatingRows(),
                where + ": the frozen rows are repeated on every printed page");
    }

    /** A number cell has a number format, and its value formatted as BIRT formats it (half-even) is in the PDF. */
    private static void assertShownAsInThePdf(Cell cell, String pdf, String where) {
        String format = cell.getCellStyle().getDataFormatString().replace("\"\"", "");
        assertNotEquals("General", format, where + " " + cell.getAddress() + ": a number format");
        // BIRT formats the decimal value (54.55, not the double just under it) and rounds half-even
        String shown = new DecimalFormat(format, DecimalFormatSymbols.getInstance(Locale.ENGLISH))
                .format(BigDecimal.valueOf(cell.getNumericCellValue()));
        assertTrue(pdf.contains(" " + shown + " "), where + " " + cell.getAddress() + ": " + shown + " (" + format + ") not in the PDF");
    }

    /** The Share column holds each account's share of 2026 revenue from revenue.csv, with a percent format. */
    private static void assertSharesAreTheData(XSSFSheet sheet, CellRangeAddress range, Map<String, Double> shares, String where) {
        Row header = sheet.getRow(range.getFirstRow());
        assertEquals("Share", header.getCell(2).getStringCellValue(), where);
        for (int r = range.getFirstRow() + 1; r <= range.getLastRow(); r++) {
            Row row = sheet.getRow(r);
            String name = row.getCell(1).getStringCellValue();
            Cell share = row.getCell(2);
            assertEquals(shares.get(name), share.getNumericCellValue(), 1e-9, where + ": share of " + name);
            assertEquals("0.0%", share.getCellStyle().getDataFormatString().replace("\"\"", ""), where);
            assertEquals(r - range.getFirstRow(), row.getCell(0).getNumericCellValue(), where + ": rank is a number");
        }
    }

    /**
     * Each total column: on the row after the details, a SUBTOTAL(109, ...) formula whose cached value (BIRT's) and
     * recalculated value are the sum of the details above. No other cell of the sheet is a formula.
     */
    private static int assertTotals(XSSFSheet sheet, Table table, CellRangeAddress range, FormulaEvaluator evaluator, String where) {
        int found = 0;
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() != CellType.FORMULA) {
                    continue;
                }
                String column = CellReference.convertNumToColString(cell.getColumnIndex());
                assertTrue(table.totals().contains(column) && row.getRowNum() == range.getLastRow() + 1,
                        where + ": unexpected formula at " + cell.getAddress());
                assertTrue(cell.getCellFormula().startsWith("SUBTOTAL(109,"), where + ": " + cell.getCellFormula());
                double sum = 0;
                for (int r = range.getFirstRow() + 1; r <= range.getLastRow(); r++) {
                    sum += sheet.getRow(r).getCell(cell.getColumnIndex()).getNumericCellValue();
                }
                assertEquals(sum, cell.getNumericCellValue(), 0.005, where + ": BIRT's total is the cached value");
                assertEquals(sum, evaluator.evaluate(cell).getNumberValue(), 0.005, where + ": the formula sums the details");
                assertEquals(CellType.STRING, row.getCell(0).getCellType(), where + ": the total row is labelled");
                found++;
            }
        }
        return found;
    }

    /** Account name to its share of the year's revenue in revenue.csv (names from accounts.csv). */
    static Map<String, Double> yearShares(Path data, String year) throws Exception {
        Map<String, String> names = new HashMap<>();
        for (CSVRecord account : csv(data.resolve("accounts.csv"))) {
            names.put(account.get("account_id"), account.get("name"));
        }
        Map<String, BigDecimal> revenue = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (CSVRecord line : csv(data.resolve("revenue.csv"))) {
            if (line.get("date").startsWith(year)) {
                BigDecimal amount = new BigDecimal(line.get("amount"));
                revenue.merge(names.get(line.get("account_id")), amount, BigDecimal::add);
                total = total.add(amount);
            }
        }
        Map<String, Double> shares = new HashMap<>();
        for (var entry : revenue.entrySet()) {
            shares.put(entry.getKey(), entry.getValue().divide(total, MathContext.DECIMAL128).doubleValue());
        }
        return shares;
    }

    static BigDecimal totalRevenue(Path data) throws Exception {
        return csv(data.resolve("revenue.csv")).stream().map(line -> new BigDecimal(line.get("amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
