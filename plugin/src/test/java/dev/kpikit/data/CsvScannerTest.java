package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CsvScanner} gives the values {@link CsvTableReader} gives, in the same order, whatever the parts the file is
 * cut into; what it does not read (or what is refused) it leaves to the reader by returning null.
 */
class CsvScannerTest {

    private static final Map<String, ColumnType> REVENUE_TYPES =
            Map.of("date", ColumnType.DATE, "account_id", ColumnType.STRING, "amount", ColumnType.DECIMAL);

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        return Files.write(dir.resolve("revenue.csv"), content.getBytes(StandardCharsets.UTF_8));
    }

    /** The rows as the reader reads them: date, account, amount (null for blank cells). */
    private static List<List<Object>> readerRows(Path file) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (TableReader reader = Tables.open(file, REVENUE_TYPES)) {
            while (reader.next()) {
                rows.add(java.util.Arrays.asList(reader.value(0), reader.value(1), reader.value(2)));
            }
        }
        return rows;
    }

    /** The rows as the scanner reads them in parts of {@code partBytes}, turned into the reader's values; null when it leaves the file. */
    private static List<List<Object>> scannedRows(Path file, long partBytes) throws Exception {
        try (TableReader reader = Tables.open(file, REVENUE_TYPES)) {
            CsvScanner scanner = ((CsvTableReader) reader).scanner();
            assertNotNull(scanner);
            List<List<List<Object>>> parts = scanner.withPartBytes(partBytes).scan(ArrayList::new, (part, row) -> {
                part.add(java.util.Arrays.asList(
                        row.isBlank(0) ? null : LocalDate.ofEpochDay(row.value(0)),
                        row.isBlank(1) ? null : row.text(1),
                        row.isBlank(2) ? null : BigDecimal.valueOf(row.value(2), row.scale(2))));
                return true;
            });
            return parts == null ? null : parts.stream().flatMap(List::stream).toList();
        }
    }

    @Test
    void readsWhatTheReaderReadsWhereverTheFileIsCut() throws Exception {
        // a byte order mark, CRLF and LF, a blank line, spaces around cells, quoted cells (one with a doubled quote),
        // text beyond ASCII, negative and many-decimal amounts, a blank amount, no line break after the last line
        Path file = write("\uFEFFdate,account_id,amount\r\n"
                + "2026-01-31,A1,1234.56\r\n"
                + "2026-02-01,A2,-0.5\n"
                + "\n"
                + "2026-02-28, A1 ,-12.000001\n"
                + "\"2026-03-01\",\"B \"\"7\"\"\",\"99\"\n"
                + "2026-03-02,Müller,.25\n"
                + "2026-03-03,A3,\n"
                + "2026-03-04,A4,123456789012.345678\n"
                + "   \n"
                + "2026-03-05,A1, 7 ");
        List<List<Object>> expected = readerRows(file);
        assertEquals(8, expected.size());
        assertScannedInAnyPartsAs(expected, file);
    }

    /** A row of empty cells (",,", as Excel writes a cleared row) is skipped by the scanner as by the reader. */
    @Test
    void skipsRowsOfEmptyCellsAsTheReaderDoes() throws Exception {
        Path file = write("date,account_id,amount\r\n"
                + "2026-01-31,A1,1234.56\r\n"
                + ",,\r\n"
                + " , ,\t\n"
                + "\"\",\" \",\n"
                + "2026-02-01,A2,-0.5\n"
                + ",,\n");
        List<List<Object>> expected = readerRows(file);
        assertEquals(2, expected.size());
        assertScannedInAnyPartsAs(expected, file);
    }

    /** Cells with no-break spaces around them are read by the scanner as the reader reads them. */
    @Test
    void readsCellsWithNoBreakSpacesAsTheReaderDoes() throws Exception {
        Path file = write("date,account_id,amount\n"
                + "2026-01-31,A1\u00a0,1234.56\u00a0\n"
                + "\u202f2026-02-01,\u00a0A2,\u2007-0.5\n"
                + "\u00a0,\u00a0,\u00a0\n"
                + "2026-02-02,A1,7\n");
        List<List<Object>> expected = readerRows(file);
        assertEquals(List.of(List.of(LocalDate.of(2026, 1, 31), "A1", new BigDecimal("1234.56")),
                List.of(LocalDate.of(2026, 2, 1), "A2", new BigDecimal("-0.5")),
                List.of(LocalDate.of(2026, 2, 2), "A1", new BigDecimal("7"))), expected);
        assertScannedInAnyPartsAs(expected, file);
    }

    /**
     * Excel's ="007", unquoted or quoted ("=""007"""), is read by the scanner (not left to the reader) as the reader
     * reads it: the text between the quotes, for the account, the date and the amount; ="" is an empty cell.
     */
    @Test
    void readsExcelsTextFormulaAsTheReaderDoes() throws Exception {
        Path file = write("date,account_id,amount\r\n"
                + "2026-01-05,=\"007\",120.00\r\n"
                + "2026-01-05,\"=\"\"007\"\"\",=\"120.00\"\n"
                + "=\"2026-01-06\",=\"M\u00fcller\",=\"-0.5\"\n"
                + "2026-01-07,=\" A1 \",=\"\"\n"
                + "=\"\",=\"\",=\"\"\n"
                + "2026-01-08,\"=\"\"A\"\"\"\"1\"\"\",=\"7\"");
        List<List<Object>> expected = readerRows(file);
        assertEquals(List.of(List.of(LocalDate.of(2026, 1, 5), "007", new BigDecimal("120.00")),
                List.of(LocalDate.of(2026, 1, 5), "007", new BigDecimal("120.00")),
                List.of(LocalDate.of(2026, 1, 6), "M\u00fcller", new BigDecimal("-0.5")),
                java.util.Arrays.asList(LocalDate.of(2026, 1, 7), "A1", null),
                List.of(LocalDate.of(2026, 1, 8), "A\"1", new BigDecimal("7"))), expected);
        assertScannedInAnyPartsAs(expected, file);
    }

    /**
     * A quote inside an unquoted cell that is not Excel's plain ="007" (a real formula, a doubled quote inside, spaces
     * before the =) is left to the reader, which reads it.
     */
    @Test
    void leavesToTheReaderOtherQuotesInsideACell() throws Exception {
        Map<String, String> readerReads = Map.of("=\"A\"&\"B\"", "=\"A\"&\"B\"", "=\"A\"\"1\"", "A\"1", " =\"007\"", "007",
                "A\"1", "A\"1");
        for (Map.Entry<String, String> cell : readerReads.entrySet()) {
            Path file = write("date,account_id,amount\n2026-01-05,A0,1\n2026-01-05," + cell.getKey() + ",5\n");
            assertNull(scannedRows(file, 1 << 20), cell.getKey());
            assertEquals(cell.getValue(), readerRows(file).get(1).get(1), cell.getKey());
        }
    }

    /** The file scanned in parts of 1, 7, 16, 40 bytes and 1 MB gives {@code expected}: a part's edge changes nothing. */
    private static void assertScannedInAnyPartsAs(List<List<Object>> expected, Path file) throws Exception {
        for (long partBytes : new long[] {1, 7, 16, 40, 1 << 20}) {
            assertEquals(expected, scannedRows(file, partBytes), "parts of " + partBytes + " bytes");
        }
    }

    @Test
    void givesThePartsInFileOrder() throws Exception {
        StringBuilder csv = new StringBuilder("date,account_id,amount\n");
        for (int i = 0; i < 200; i++) {
            csv.append("2026-01-").append(String.format("%02d", i % 28 + 1)).append(",A").append(i).append(',').append(i).append(".5\n");
        }
        Path file = write(csv.toString());
        List<List<Object>> scanned = scannedRows(file, 100);
        assertEquals(readerRows(file), scanned);
        assertEquals("A199", scanned.get(199).get(1));
    }

    @Test
    void leavesToTheReaderAQuotedLineBreak() throws Exception {
        Path file = write("date,account_id,amount\n2026-01-01,\"A\n1\",5\n2026-01-02,A2,6\n");
        assertNull(scannedRows(file, 1 << 20));
        assertNull(scannedRows(file, 10));
    }

    @Test
    void leavesToTheReaderALoneCarriageReturn() throws Exception {
        assertNull(scannedRows(write("date,account_id,amount\n2026-01-01,A1,5\r2026-01-02,A2,6\n"), 1 << 20));
    }

    @Test
    void leavesToTheReaderABadCellInALaterPart() throws Exception {
        Path file = write("date,account_id,amount\n2026-01-01,A1,5\n2026-01-02,A2,6\n2026-01-03,A3,7\n2026-01-04,A4,1e5\n");
        assertNull(scannedRows(file, 20));
    }

    @Test
    void leavesToTheReaderARowWithAnotherNumberOfCells() throws Exception {
        assertNull(scannedRows(write("date,account_id,amount\n2026-01-01,A1,5,6\n"), 1 << 20));
        assertNull(scannedRows(write("date,account_id,amount\n2026-01-01,A1\n"), 1 << 20));
    }

    @Test
    void leavesToTheReaderADayThatIsNotInTheCalendar() throws Exception {
        assertNull(scannedRows(write("date,account_id,amount\n2026-02-29,A1,5\n"), 1 << 20));
        // after the same day of a leap year, and a day kept for the rows before it
        assertNull(scannedRows(write("date,account_id,amount\n2024-02-29,A1,5\n2026-03-01,A1,5\n2026-03-01,A2,1\n"
                + "2026-02-29,A1,5\n"), 1 << 20));
    }

    @Test
    void leavesToTheReaderAnAmountBeyondALong() throws Exception {
        assertNull(scannedRows(write("date,account_id,amount\n2026-01-01,A1,12345678901234567890.5\n"), 1 << 20));
    }

    @Test
    void isNotMadeForAFileInUtf16() throws Exception {
        Path file = dir.resolve("revenue.csv");
        Files.write(file, "\uFEFFdate,account_id,amount\n2026-01-01,A1,5\n".getBytes(StandardCharsets.UTF_16LE));
        try (TableReader reader = Tables.open(file, REVENUE_TYPES)) {
            assertNull(((CsvTableReader) reader).scanner());
        }
    }

    @Test
    void readsADecimalCommaInASemicolonFile() throws Exception {
        Path file = write("date;account_id;amount\n2026-01-01;A1;5,25\n2026-01-02;A2;-0,5\n");
        List<List<Object>> scanned = scannedRows(file, 1 << 20);
        assertEquals(readerRows(file), scanned);
        assertEquals(new BigDecimal("5.25"), scanned.get(0).get(2));
    }

    @Test
    void aBadCellInTheSecondPartIsNamedWithItsLineByTheReader() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        StringBuilder csv = new StringBuilder("date,account_id,amount\n");
        for (int i = 0; i < 8000; i++) { // over 128 KB: two parts or more on a machine with two cores or more
            csv.append("2026-01-15,A").append(i % 700).append(",10.00\n");
        }
        csv.append("2026-01-16,A1,12.3x\n");
        Files.writeString(folder.resolve("revenue.csv"), csv);
        assertTrue(Files.size(folder.resolve("revenue.csv")) > 1 << 17);
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class,
                () -> new ScoringFolder(folder).ledger(LocalDate.of(2026, 1, 31), dev.kpikit.scoring.PeriodLength.MONTH));
        assertEquals("revenue.csv, line 8002, column 'amount' (3): expected a decimal number, found '12.3x'", e.getMessage());
    }

    @Test
    void leavesToTheReaderAPointBeforeThreeDigitsThatMayGroupThousands() throws Exception {
        assertNull(scannedRows(write("date;account_id;amount\n2026-01-01;A1;7\n2026-01-02;A2;1.234\n"), 1 << 20));
        assertNull(scannedRows(write("date;account_id;amount\n2026-01-01;A1;7\n2026-01-02;A2; 12.500 \n"), 1 << 20));
        Path shown = write("date;account_id;amount\n2026-01-01;A1;7.25\n2026-01-02;A2;1.234\n");
        assertEquals(readerRows(shown), scannedRows(shown, 1 << 20));
        assertEquals(new BigDecimal("1.234"), scannedRows(shown, 1 << 20).get(1).get(2));
    }

    @Test
    void aPointThatMayGroupThousandsInTheSecondPartIsRefusedByTheReader() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        StringBuilder csv = new StringBuilder("date;account_id;amount\n");
        for (int i = 0; i < 8000; i++) { // over 128 KB: two parts or more on a machine with two cores or more
            csv.append("2026-01-15;A").append(i % 700).append(";10\n");
        }
        csv.append("2026-01-16;A1;12.500\n");
        Files.writeString(folder.resolve("revenue.csv"), csv);
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class,
                () -> new ScoringFolder(folder).ledger(LocalDate.of(2026, 1, 31), dev.kpikit.scoring.PeriodLength.MONTH));
        assertTrue(e.getMessage().startsWith("revenue.csv, line 8002, column 'amount' (3): '12.500' could be 12.500 or 12500"),
                e.getMessage());
    }

    @Test
    void readsWhatTheReaderReadsAfterAnExcelSeparatorHint() throws Exception {
        for (String delimiter : List.of(";", ",", "\t", "|")) {
            for (String start : List.of("sep=" + delimiter + "\n", "\uFEFFsep=" + delimiter + "\r\n")) {
                StringBuilder csv = new StringBuilder(start).append(String.join(delimiter, "date", "account_id", "amount")).append('\n');
                for (int i = 0; i < 50; i++) {
                    csv.append(String.join(delimiter, "2026-01-" + String.format("%02d", i % 28 + 1), "A" + i, i + ".25")).append('\n');
                }
                Path file = write(csv.toString());
                List<List<Object>> expected = readerRows(file);
                assertEquals(50, expected.size());
                for (long partBytes : new long[] {1, 7, 40, 1 << 20}) {
                    // read by the scanner (not left to the reader) and the same rows: the hint is not taken for the header
                    assertEquals(expected, scannedRows(file, partBytes), start.strip() + ", parts of " + partBytes + " bytes");
                }
            }
        }
    }

    @Test
    void aBadCellLateInAFileWithASeparatorHintIsNamedWithTheFilesLine() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        StringBuilder csv = new StringBuilder("sep=;\ndate;account_id;amount\n");
        for (int i = 0; i < 8000; i++) { // over 128 KB: two parts or more on a machine with two cores or more
            csv.append("2026-01-15;A").append(i % 700).append(";10,50\n");
        }
        csv.append("2026-01-16;A1;12,3x\n");
        Files.writeString(folder.resolve("revenue.csv"), csv);
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class,
                () -> new ScoringFolder(folder).ledger(LocalDate.of(2026, 1, 31), dev.kpikit.scoring.PeriodLength.MONTH));
        assertTrue(e.getMessage().startsWith("revenue.csv, line 8003, column 'amount' (3): expected a decimal number, found '12,3x'"),
                e.getMessage());
    }
}
