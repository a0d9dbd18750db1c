package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook;

class XlsxTableReaderTest {

    @TempDir
    Path dir;

    private Path save(Workbook workbook, String name) throws IOException {
        Path file = dir.resolve(name);
        try (workbook; OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }

    private static void cells(Row row, Object... values) {
        for (int i = 0; i < values.length; i++) {
            switch (values[i]) {
                case null -> { }
                case String text -> row.createCell(i).setCellValue(text);
                case Number number -> row.createCell(i).setCellValue(number.doubleValue());
                case Boolean flag -> row.createCell(i).setCellValue(flag);
                case LocalDate date -> row.createCell(i).setCellValue(date);
                default -> throw new IllegalArgumentException(values[i].toString());
            }
        }
    }

    private static CellStyle format(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    /** A title row above the header, as a report saved from Excel has: the refusal names the row that names the columns. */
    @Test
    void aRefusedHeaderNamesTheRowBelowThatNamesTheColumns() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("revenue");
        cells(sheet.createRow(0), "Revenue 2026");
        cells(sheet.createRow(2), "Invoice date", "Customer ID", "Amount");
        cells(sheet.createRow(3), LocalDate.of(2026, 1, 5), "C01", 100.0);
        try (TableReader reader = XlsxTableReader.open(save(workbook, "revenue.xlsx"))) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> ColumnMapping.defaults()
                    .withOverrides("date=Invoice date, account_id=Customer ID").resolve(reader, ColumnMapping.DATE, "account_id"));
            assertTrue(e.getMessage().endsWith("(row 3 names the columns: delete the rows above it, a title or notes)"), e.getMessage());
        }
    }

    /** Revenue on a first sheet, with a date format, a percentage and a formula; accounts on a second. */
    private Path book() throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet revenue = workbook.createSheet("Revenue");
        cells(revenue.createRow(0), "account_id", "date", "amount", "key", "name", "share", "double");
        CellStyle date = format(workbook, "dd.mm.yyyy");
        CellStyle percent = format(workbook, "0%");
        CellStyle money = format(workbook, "#,##0.00 €");
        for (int i = 1; i <= 3; i++) {
            Row row = revenue.createRow(i);
            cells(row, i, LocalDate.of(2024, i, 15), 1000 + i + 0.25, i % 2 == 0, "Account " + i, 0.15);
            row.getCell(1).setCellStyle(date);
            row.getCell(2).setCellStyle(money);
            row.getCell(5).setCellStyle(percent);
            row.createCell(6).setCellFormula("A" + (i + 1) + "*2");
        }
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        cells(workbook.createSheet("Accounts").createRow(0), "id", "segment");
        return save(workbook, "book.xlsx");
    }

    @Test
    void readsTheFirstSheetByValue() throws Exception {
        try (TableReader reader = XlsxTableReader.open(book())) {
            assertEquals("book.xlsx, sheet 'Revenue'", reader.source());
            assertEquals(List.of(new Column("account_id", ColumnType.INTEGER), new Column("date", ColumnType.DATE),
                    new Column("amount", ColumnType.DECIMAL), new Column("key", ColumnType.BOOLEAN),
                    new Column("name", ColumnType.STRING), new Column("share", ColumnType.DECIMAL),
                    new Column("double", ColumnType.INTEGER)), reader.columns());
            assertTrue(reader.next());
            assertEquals(2, reader.rowNumber());
            assertEquals(1L, reader.value(0));
            assertEquals(LocalDate.of(2024, 1, 15), reader.value(1));
            assertEquals(new BigDecimal("1001.25"), reader.value(2));
            assertEquals(false, reader.value(3));
            assertEquals("Account 1", reader.value(4));
            assertEquals(new BigDecimal("0.15"), reader.value(5));
            assertEquals(2L, reader.value(6));
            assertTrue(reader.next());
            assertTrue(reader.next());
            assertEquals(4, reader.rowNumber());
            assertFalse(reader.next());
        }
    }

    @Test
    void numbersKeepExcelsFifteenDigits() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Data");
        cells(sheet.createRow(0), "amount");
        cells(sheet.createRow(1), 0.1 + 0.2);
        cells(sheet.createRow(2), 123456789.123);
        Path file = save(workbook, "noise.xlsx");
        try (TableReader reader = XlsxTableReader.open(file)) {
            assertTrue(reader.next());
            assertEquals(new BigDecimal("0.3"), reader.value(0));
            assertTrue(reader.next());
            assertEquals(new BigDecimal("123456789.123"), reader.value(0));
        }
    }

    @Test
    void readsASheetByName() throws Exception {
        try (TableReader reader = XlsxTableReader.open(book(), "accounts", TableOptions.defaults())) {
            assertEquals("book.xlsx, sheet 'Accounts'", reader.source());
            assertEquals(List.of(new Column("id", ColumnType.STRING), new Column("segment", ColumnType.STRING)), reader.columns());
            assertFalse(reader.next());
        }
    }

    @Test
    void aMissingSheetNamesTheSheetsThereAre() throws IOException {
        Path book = book();
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> XlsxTableReader.open(book, "Umsatz", TableOptions.defaults()));
        assertEquals("book.xlsx has no sheet 'Umsatz'; its sheets are 'Revenue', 'Accounts'", e.getMessage());
    }

    @Test
    void aValueThatDoesNotFitItsColumnNamesFileSheetRowAndCell() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Revenue");
        cells(sheet.createRow(0), "date", "account_id", "amount");
        for (int i = 1; i < 6; i++) {
            cells(sheet.createRow(i), "2024-01-0" + i, i, i * 1.5);
        }
        cells(sheet.createRow(6), "2024-01-07", 7, "12,3x");
        Path file = save(workbook, "revenue.xlsx");
        TableOptions options = TableOptions.defaults().withDeclaredTypes(Map.of("amount", ColumnType.DECIMAL));
        try (TableReader reader = XlsxTableReader.open(file, null, options)) {
            assertEquals(ColumnType.DATE, reader.columns().get(0).type(), "ISO dates typed as text are dates too");
            for (int i = 1; i < 6; i++) {
                assertTrue(reader.next());
            }
            DataFormatException e = assertThrows(DataFormatException.class, reader::next);
            assertEquals("revenue.xlsx, sheet 'Revenue', row 7, column 'amount' (C7): expected a decimal number, found '12,3x'",
                    e.getMessage());
            assertEquals(7, e.line());
            assertEquals("amount", e.column());
        }
    }

    @Test
    void aDecimalCommaInATextCellIsToldToBeEnteredAsANumberNotAboutSeparators() throws Exception {
        // a workbook has no delimiter: the CSV hint about files separated by ';' would not fit
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Revenue");
        cells(sheet.createRow(0), "date", "account_id", "amount");
        cells(sheet.createRow(1), "2024-01-01", "A1", 2.5);
        cells(sheet.createRow(2), "2024-01-02", "A2", "1,5");
        Path file = save(workbook, "revenue.xlsx");
        TableOptions options = TableOptions.defaults().withDeclaredTypes(Map.of("amount", ColumnType.DECIMAL));
        try (TableReader reader = XlsxTableReader.open(file, null, options)) {
            assertTrue(reader.next());
            DataFormatException e = assertThrows(DataFormatException.class, reader::next);
            assertEquals("revenue.xlsx, sheet 'Revenue', row 3, column 'amount' (C3): expected a decimal number, found '1,5'"
                    + " (the cell holds text, not a number: enter it as a number in Excel)", e.getMessage());
        }
    }

    @Test
    void blankRowsAreSkippedAndMissingCellsAreNull() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Data");
        sheet.createRow(0).createCell(0).setCellValue(" ");
        cells(sheet.createRow(2), "id", null, "amount");
        cells(sheet.createRow(3), 1, null, 2.5);
        sheet.createRow(4);
        cells(sheet.createRow(6), null, "note", null);
        Path file = save(workbook, "gaps.xlsx");
        try (TableReader reader = XlsxTableReader.open(file)) {
            assertEquals(List.of(new Column("id", ColumnType.INTEGER), new Column("column_2", ColumnType.STRING),
                    new Column("amount", ColumnType.DECIMAL)), reader.columns());
            assertTrue(reader.next());
            assertEquals(4, reader.rowNumber());
            assertEquals(1L, reader.value(0));
            assertNull(reader.value(1));
            assertTrue(reader.next());
            assertEquals(7, reader.rowNumber());
            assertNull(reader.value(0));
            assertEquals("note", reader.value(1));
            assertNull(reader.value(2));
            assertFalse(reader.next());
        }
    }

    @Test
    void anErrorCellIsRefusedEvenInATextColumn() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Data");
        cells(sheet.createRow(0), "id", "name");
        cells(sheet.createRow(1), 1, "Acme");
        cells(sheet.createRow(2), 2);
        sheet.getRow(2).createCell(1).setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.NA.getCode());
        Path file = save(workbook, "errors.xlsx");
        try (TableReader reader = XlsxTableReader.open(file)) {
            assertTrue(reader.next());
            assertEquals("Acme", reader.value(1));
            DataFormatException e = assertThrows(DataFormatException.class, reader::next);
            assertEquals("errors.xlsx, sheet 'Data', row 3, column 'name' (B3): the cell shows the Excel error #N/A; "
                    + "correct its formula or clear the cell", e.getMessage());
        }
    }

    @Test
    void aValueRightOfTheHeaderIsReported() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Data");
        cells(sheet.createRow(0), "id", "amount");
        cells(sheet.createRow(1), 1, 2, null, "stray note");
        Path file = save(workbook, "stray.xlsx");
        try (TableReader reader = XlsxTableReader.open(file)) {
            DataFormatException e = assertThrows(DataFormatException.class, reader::next);
            assertEquals("stray.xlsx, sheet 'Data', row 2, cell D2: expected no value right of the header's last column B, "
                    + "found 'stray note'", e.getMessage());
        }
    }

    @Test
    void readsDatesOfA1904Workbook() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        CTWorkbook root = workbook.getCTWorkbook();
        (root.isSetWorkbookPr() ? root.getWorkbookPr() : root.addNewWorkbookPr()).setDate1904(true);
        assertTrue(workbook.isDate1904());
        Sheet sheet = workbook.createSheet("Data");
        cells(sheet.createRow(0), "date");
        cells(sheet.createRow(1), LocalDate.of(2024, 2, 29));
        sheet.getRow(1).getCell(0).setCellStyle(format(workbook, "yyyy-mm-dd"));
        Path file = save(workbook, "mac.xlsx");
        try (TableReader reader = XlsxTableReader.open(file)) {
            assertTrue(reader.next());
            assertEquals(LocalDate.of(2024, 2, 29), reader.value(0));
        }
    }

    @Test
    void aFileThatIsNoZipIsRefusedBeforePoiOpensIt() throws IOException {
        Path file = Files.writeString(dir.resolve("fake.xlsx"), "id,amount\n1,2\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> XlsxTableReader.open(file));
        assertEquals("fake.xlsx is not an Excel .xlsx workbook: an .xlsx file is a zip archive and this file is not one",
                e.getMessage());
    }

    @Test
    void anOldXlsWorkbookRenamedToXlsxIsToldToBeSavedAsXlsx() throws IOException {
        Path file = dir.resolve("old.xlsx");
        try (var workbook = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); var out = Files.newOutputStream(file)) {
            workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("id");
            workbook.write(out);
        }
        DataFormatException e = assertThrows(DataFormatException.class, () -> XlsxTableReader.open(file));
        assertEquals("old.xlsx is not an Excel .xlsx workbook: it is an old Excel 97-2003 (.xls) workbook; save it as .xlsx",
                e.getMessage());
    }

    @Test
    void aZipThatIsNoWorkbookIsReported() throws IOException {
        Path file = dir.resolve("archive.xlsx");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("not a workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        DataFormatException e = assertThrows(DataFormatException.class, () -> XlsxTableReader.open(file));
        assertTrue(e.getMessage().startsWith("archive.xlsx cannot be read as an Excel .xlsx workbook: "), e.getMessage());
    }

    @Test
    void aZipWithoutAWorkbookIsReported() throws IOException {
        // found by fuzzing: POI tells this with a runtime exception of its own
        Path file = dir.resolve("parts.xlsx");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("notes.xml"));
            zip.write("<notes/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        DataFormatException e = assertThrows(DataFormatException.class, () -> XlsxTableReader.open(file));
        assertTrue(e.getMessage().startsWith("parts.xlsx cannot be read as an Excel .xlsx workbook: "), e.getMessage());
    }

    @Test
    void anEmptySheetHasNoHeader() throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        workbook.createSheet("Empty");
        Path file = save(workbook, "empty.xlsx");
        DataFormatException e = assertThrows(DataFormatException.class, () -> XlsxTableReader.open(file));
        assertEquals("empty.xlsx, sheet 'Empty' is empty; its first row must name the columns", e.getMessage());
    }

    @Test
    void aMissingFileNamesItsFullPath() {
        Path file = dir.resolve("nowhere.xlsx");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> XlsxTableReader.open(file));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    }

    private Path largeBook(int rows) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        Sheet sheet = workbook.createSheet("Revenue");
        cells(sheet.createRow(0), "account_id", "amount", "note");
        for (int i = 1; i <= rows; i++) {
            cells(sheet.createRow(i), i % 1000, i + 0.5, "row " + i);
        }
        return save(workbook, "large.xlsx");
    }

    @Test
    void streamsALargeSheetAndCanStopEarly() throws Exception {
        int rows = 200_000;
        Path file = largeBook(rows);
        long count = 0;
        try (TableReader reader = XlsxTableReader.open(file)) {
            while (reader.next()) {
                count++;
            }
        }
        assertEquals(rows, count);
        TableReader early = XlsxTableReader.open(file);
        assertTrue(early.next());
        assertEquals(1L, early.value(0));
        early.close(); // releases the workbook with most of the sheet unread
        early.close(); // and closing again does no harm
    }

    /** A workbook written by POI with one part replaced, as another tool (or an attacker) could write it. */
    private Path withPart(String name, String part, String content) throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        cells(workbook.createSheet("Data").createRow(0), "id", "name");
        Path written = save(workbook, "written-" + name);
        Path file = dir.resolve(name);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(written));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().equals(part) ? content.getBytes(StandardCharsets.UTF_8) : in.readAllBytes());
            }
        }
        return file;
    }

    private static final String SHEET_START = "<?xml version=\"1.0\"?><worksheet "
            + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c></row>";

    @Test
    void aSheetThatDeclaresADtdIsRefusedWithoutReadingItsEntities() throws IOException {
        Path file = withPart("entities.xlsx", "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?>"
                + "<!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>"
                + SHEET_START.substring(SHEET_START.indexOf("<worksheet")).replace("<t>id</t>", "<t>&secret;</t>")
                + "</sheetData></worksheet>");
        DataFormatException e = assertThrows(DataFormatException.class, () -> XlsxTableReader.open(file));
        assertEquals("entities.xlsx, sheet 'Data': the sheet cannot be read: it declares a DTD, which Excel never writes",
                e.getMessage());
    }

    @Test
    void aDamagedSheetIsRefusedWhereItBreaksAfterTheRowsBefore() throws Exception {
        Path file = withPart("damaged.xlsx", "xl/worksheets/sheet1.xml", SHEET_START
                + "<row r=\"2\"><c r=\"A2\"><v>7</v></c></row><row r=\"3\"><c r=\"A3\"><v>8</c></row></sheetData></worksheet>");
        try (XlsxTableReader reader = XlsxTableReader.open(file, null, TableOptions.defaults().withInferenceRows(1))) {
            assertTrue(reader.next());
            assertEquals(2, reader.rowNumber());
            assertEquals(7L, reader.value(0));
            DataFormatException e = assertThrows(DataFormatException.class, reader::next);
            assertEquals("damaged.xlsx, sheet 'Data': the sheet cannot be read: "
                    + "The element type \"v\" must be terminated by the matching end-tag \"</v>\".", e.getMessage());
        }
    }

    /**
     * A workbook written by a reporting tool that gives each cell a cell format of its own, all alike: its styles part
     * unpacks to over 100 times its packed size (2,000 formats: 360 kB from 2 kB) and was refused as "a part of the
     * workbook unpacks to more than 100 times its packed size (a zip bomb?)"; Excel opens it, and so does kpikit.
     */
    @Test
    void aWorkbookWithACellFormatForEachCellIsRead() throws IOException, DataFormatException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("revenue");
        cells(sheet.createRow(0), "date", "account_id", "amount");
        for (int i = 1; i <= 1_000; i++) {
            Row row = sheet.createRow(i);
            cells(row, LocalDate.of(2026, 1, 1).plusDays(i % 300), "A" + i % 7, 100 + i + 0.5);
            row.getCell(0).setCellStyle(format(workbook, "dd/mm/yyyy"));
            row.getCell(2).setCellStyle(format(workbook, "#,##0.00"));
        }
        Path file = save(workbook, "exported.xlsx");
        BigDecimal total = BigDecimal.ZERO;
        int rows = 0;
        try (TableReader reader = XlsxTableReader.open(file)) {
            while (reader.next()) {
                total = total.add((BigDecimal) reader.value(2));
                rows++;
            }
        }
        assertEquals(1_000, rows);
        assertEquals(new BigDecimal("601000.0"), total); // 1,000 x 100.5 + (1 + ... + 1,000)
    }

    /**
     * Account numbers entered as numbers and shown with their leading zeros by the format 000 (Excel drops the zeros
     * of a number typed as 007): read as shown, "007", the id another table writes. They were read as 7, and every
     * account of such an accounts.xlsx was scored twice, once under 7 and once under the revenue table's 007.
     */
    @Test
    void aWholeNumberPaddedWithZerosByItsFormatIsReadAsShown() throws IOException, DataFormatException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("accounts");
        cells(sheet.createRow(0), "account_id", "name", "strategic_value");
        CellStyle padded = format(workbook, "000");
        CellStyle plain = format(workbook, "0");
        Object[][] rows = {{7, "Seven", 4}, {42, "Forty-two", 3}, {1234, "Wide", 5}};
        for (int i = 0; i < rows.length; i++) {
            Row row = sheet.createRow(i + 1);
            cells(row, rows[i]);
            row.getCell(0).setCellStyle(padded);
            row.getCell(2).setCellStyle(plain);
        }
        try (TableReader reader = XlsxTableReader.open(save(workbook, "accounts.xlsx"))) {
            assertEquals(List.of(new Column("account_id", ColumnType.STRING), new Column("name", ColumnType.STRING),
                    new Column("strategic_value", ColumnType.INTEGER)), reader.columns());
            List<Object> ids = new java.util.ArrayList<>();
            while (reader.next()) {
                ids.add(reader.value(0));
                assertTrue(reader.value(2) instanceof Long, "a number formatted 0 stays a number");
            }
            assertEquals(List.of("007", "042", "1234"), ids);
        }
    }

    @Test
    void aZipBombInTheSharedStringsIsRefused() throws IOException {
        Path file = withPart("bomb.xlsx", "xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst "
                + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>id</t></si>"
                + " ".repeat(20_000_000) + "</sst>"); // beyond the 16 MB a part may unpack to whatever its ratio
        DataFormatException e = assertThrows(DataFormatException.class, () -> XlsxTableReader.open(file));
        assertEquals("bomb.xlsx cannot be read as an Excel .xlsx workbook: a part of the workbook unpacks to more than 100 times"
                + " its packed size (a zip bomb?); kpikit does not unpack it", e.getMessage());
    }
}
