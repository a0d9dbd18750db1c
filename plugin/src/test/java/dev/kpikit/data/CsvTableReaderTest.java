package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class CsvTableReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static CsvTableReader open(Path file) throws IOException, DataFormatException {
        return CsvTableReader.open(file, CsvOptions.defaults());
    }

    /** All rows, each as a list of values. */
    private static List<List<Object>> rows(TableReader reader) throws DataFormatException {
        List<List<Object>> rows = new ArrayList<>();
        while (reader.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < reader.columns().size(); i++) {
                row.add(reader.value(i));
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void infersTypesAndReadsTypedValues() throws Exception {
        Path file = write("accounts.csv", """
                account_id,since,revenue,key_account,name
                1,2024-01-31,1234.56,true,Acme
                2,2023-12-01,-7,FALSE,"Bolt, Inc."
                """);
        try (TableReader reader = open(file)) {
            assertEquals(List.of(new Column("account_id", ColumnType.INTEGER), new Column("since", ColumnType.DATE),
                    new Column("revenue", ColumnType.DECIMAL), new Column("key_account", ColumnType.BOOLEAN),
                    new Column("name", ColumnType.STRING)), reader.columns());
            assertEquals(List.of(
                    List.of(1L, LocalDate.of(2024, 1, 31), new BigDecimal("1234.56"), true, "Acme"),
                    List.of(2L, LocalDate.of(2023, 12, 1), new BigDecimal("-7"), false, "Bolt, Inc.")), rows(reader));
            assertEquals("accounts.csv", reader.source());
        }
    }

    @Test
    void stripsTheByteOrderMark() throws Exception {
        Path file = dir.resolve("bom.csv");
        Files.write(file, "\uFEFFaccount_id,amount\n1,2\n".getBytes(StandardCharsets.UTF_8));
        try (TableReader reader = open(file)) {
            assertEquals("account_id", reader.columns().get(0).name());
            assertEquals(List.of(List.of(1L, 2L)), rows(reader));
        }
    }

    @Test
    void readsExcelUnicodeTextUtf16WithItsByteOrderMark() throws Exception {
        // Excel's "Unicode text": UTF-16LE with a byte order mark, tab separated, the locale's decimal comma
        Path file = dir.resolve("revenue.txt");
        Files.write(file, "\uFEFFdate\taccount_id\tamount\n2026-01-05\tMüller\t1234,56\n".getBytes(StandardCharsets.UTF_16LE));
        try (TableReader reader = open(file)) {
            assertEquals(List.of("date", "account_id", "amount"), reader.columns().stream().map(Column::name).toList());
            assertEquals(List.of(List.of(LocalDate.of(2026, 1, 5), "Müller", new BigDecimal("1234.56"))), rows(reader));
        }
        Path bigEndian = dir.resolve("be.csv");
        Files.write(bigEndian, "\uFEFFaccount_id,amount\nA1,7.5\n".getBytes(StandardCharsets.UTF_16BE));
        try (TableReader reader = open(bigEndian)) {
            assertEquals(List.of(List.of("A1", new BigDecimal("7.5"))), rows(reader));
        }
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRefusedAsNotUtf8SayingWhatItLooksLike() throws IOException {
        // it decodes as UTF-8 without an error: the zero bytes then made "date" unlike 'date' in the message
        Path file = dir.resolve("revenue.csv");
        Files.write(file, "date,account_id,amount\n2025-03-10,A1,100.00\n".getBytes(StandardCharsets.UTF_16LE));
        DataFormatException e = assertThrows(DataFormatException.class, () -> open(file));
        assertEquals("revenue.csv: the file is not UTF-8 text: it looks like UTF-16LE without a byte order mark"
                + " (a zero byte beside each letter); save it as CSV UTF-8 (in Excel: Save As, \"CSV UTF-8\"),"
                + " or set the encoding it is saved in, UTF-16LE (the data source's 'encoding' property,"
                + " the command line's --encoding, a schedule's 'encoding')", e.getMessage());
        Files.write(file, "account_id;amount\nM\u00fcller;7,5\n".getBytes(StandardCharsets.UTF_16BE));
        e = assertThrows(DataFormatException.class, () -> open(file));
        assertTrue(e.getMessage().startsWith("revenue.csv: the file is not UTF-8 text: it looks like UTF-16BE without"), e.getMessage());
    }

    @Test
    void utf16WithoutAByteOrderMarkIsReadInTheEncodingTheOptionsName() throws Exception {
        Path file = dir.resolve("revenue.csv");
        Files.write(file, "account_id,amount\nM\u00fcller,7.5\n".getBytes(StandardCharsets.UTF_16LE));
        try (TableReader reader = CsvTableReader.open(file, CsvOptions.defaults().withEncoding(StandardCharsets.UTF_16LE))) {
            assertEquals(List.of("account_id", "amount"), reader.columns().stream().map(Column::name).toList());
            assertEquals(List.of(List.of("M\u00fcller", new BigDecimal("7.5"))), rows(reader));
        }
    }

    @Test
    void detectsSemicolonsAndCommaDecimals() throws Exception {
        Path file = write("umsatz.csv", """
                datum;kunde;betrag
                2024-01-31;Müller GmbH;1234,56
                2024-02-29;Schmidt AG;-0,5
                2024-03-31;Weber KG;12
                """);
        try (TableReader reader = open(file)) {
            assertEquals(ColumnType.DECIMAL, reader.columns().get(2).type());
            List<List<Object>> rows = rows(reader);
            assertEquals(new BigDecimal("1234.56"), rows.get(0).get(2));
            assertEquals(new BigDecimal("-0.5"), rows.get(1).get(2));
            assertEquals(new BigDecimal("12"), rows.get(2).get(2));
            assertEquals("Müller GmbH", rows.get(0).get(1));
        }
    }

    @Test
    void detectsTabsAndPipes() throws Exception {
        try (TableReader reader = open(write("tabs.tsv", "a\tb\n1\t2\n"))) {
            assertEquals(2, reader.columns().size());
        }
        try (TableReader reader = open(write("pipes.csv", "a|b|c\n1|2|3\n"))) {
            assertEquals(3, reader.columns().size());
        }
        try (TableReader reader = open(write("one.csv", "amount\n1.5\n"))) {
            assertEquals(List.of(new Column("amount", ColumnType.DECIMAL)), reader.columns());
        }
    }

    /** The refusal of a file whose column 'amount' is read as decimals, as kpikit reads amounts. */
    private DataFormatException refusal(Path file, CsvOptions options) {
        return assertThrows(DataFormatException.class, () -> {
            try (TableReader reader = CsvTableReader.open(file, options.withDeclaredTypes(Map.of("amount", ColumnType.DECIMAL)))) {
                rows(reader);
            }
        });
    }

    @Test
    void aDecimalCommaInAColumnWithADecimalPointNamesBothLines() throws IOException {
        // the file is separated by ';': the hint must not say decimal commas are read only in such files
        Path file = write("revenue.csv", "date;account_id;amount\n2026-01-15;A1;12,5\n2026-01-16;B2;1.234\n2026-01-17;C3;7\n");
        DataFormatException e = refusal(file, CsvOptions.defaults());
        assertEquals("revenue.csv, line 2, column 'amount' (3): expected a decimal number, found '12,5' (the column mixes"
                + " decimal commas and points ('1.234' on line 3): write every decimal of the file with one separator,"
                + " and no thousands separators)", e.getMessage());
    }

    @Test
    void aDecimalCommaBesideAnotherColumnsDecimalPointNamesThatColumn() throws IOException {
        Path file = write("prices.tsv", "price\tamount\n1.25\t12,5\n");
        DataFormatException e = refusal(file, CsvOptions.defaults());
        assertEquals("prices.tsv, line 2, column 'amount' (2): expected a decimal number, found '12,5' (column 'price' has"
                + " a decimal point ('1.25' on line 2): write every decimal of the file with one separator, and no thousands"
                + " separators)", e.getMessage());
    }

    @Test
    void aDecimalPointAfterTheRowsThatChoseTheDecimalCommaNamesTheirLine() throws IOException {
        Path file = write("revenue.csv", "account_id;amount\nA1;12,5\nA2;1.25\n");
        DataFormatException e = refusal(file, CsvOptions.defaults().withInferenceRows(1));
        assertEquals("revenue.csv, line 3, column 'amount' (2): expected a decimal number, found '1.25' (the column mixes"
                + " decimal commas and points ('12,5' on line 2): write every decimal of the file with one separator,"
                + " and no thousands separators)", e.getMessage());
    }

    @Test
    void aDecimalCommaAfterFirstRowsWithoutDecimalsIsToldThePointIsRead() throws IOException {
        Path file = write("revenue.csv", "account_id;amount\nA1;7\nA2;12,5\n");
        DataFormatException e = refusal(file, CsvOptions.defaults().withInferenceRows(1));
        assertEquals("revenue.csv, line 3, column 'amount' (2): expected a decimal number, found '12,5' (the file's first"
                + " rows have no decimal comma, so a point is its decimal separator: write 12.5)", e.getMessage());
        e = refusal(write("set.csv", "account_id;amount\nA1;12,5\n"), CsvOptions.defaults().withDecimalSeparator('.'));
        assertTrue(e.getMessage().endsWith("found '12,5' (the decimal separator is set to a point: write 12.5)"), e.getMessage());
    }

    @Test
    void thousandsSeparatorsAreToldWithTheFilesDecimalSeparator() throws IOException {
        Path file = write("revenue.csv", "account_id;amount\nA1;12,5\nA2;1.234,56\n");
        DataFormatException e = refusal(file, CsvOptions.defaults());
        assertEquals("revenue.csv, line 3, column 'amount' (2): expected a decimal number, found '1.234,56'"
                + " (write numbers without thousands separators: 1234567,89)", e.getMessage());
        e = refusal(write("points.csv", "account_id;amount\nA1;7\nA2;1.234,56\n"), CsvOptions.defaults());
        assertEquals("points.csv, line 3, column 'amount' (2): expected a decimal number, found '1.234,56'"
                + " (write numbers without thousands separators: 1234567.89)", e.getMessage(), "as it always was");
    }

    /** The amounts of a file whose column 'amount' is read as decimals. */
    private static List<BigDecimal> amounts(Path file, CsvOptions options) throws Exception {
        List<BigDecimal> amounts = new ArrayList<>();
        try (TableReader reader = CsvTableReader.open(file, options.withDeclaredTypes(Map.of("amount", ColumnType.DECIMAL)))) {
            int amount = reader.columns().stream().map(Column::name).toList().indexOf("amount");
            while (reader.next()) {
                amounts.add((BigDecimal) reader.value(amount));
            }
        }
        return amounts;
    }

    @Test
    void aPointBeforeThreeDigitsInASemicolonFileIsRefusedAsAmbiguous() throws IOException {
        // European thousands separators: read as 1.234 and 12.5 they were a thousand times too small, silently
        Path file = write("revenue.csv", "date;account_id;amount\n2026-01-15;A1;1.234\n2026-01-16;B2;12.500\n2026-01-17;C3;7\n");
        DataFormatException e = refusal(file, CsvOptions.defaults());
        assertEquals("revenue.csv, line 2, column 'amount' (3): '1.234' could be 1.234 or 1234 (in a file separated by ';'"
                + " a point may separate thousands, and no number in the column's first rows shows it is a decimal point);"
                + " write 1234 without the thousands separator, or 1.2340 for the decimal, or say which the file uses:"
                + " --decimal-separator point|comma, the data source's decimalSeparator property, a schedule's decimalSeparator, the report server's Decimal separator", e.getMessage());
        assertEquals(2, e.line());
        assertEquals("amount", e.column());
        e = refusal(write("revenue.tsv", "account_id\tamount\nA1\t-12.500\n"), CsvOptions.defaults());
        assertTrue(e.getMessage().startsWith("revenue.tsv, line 2, column 'amount' (2): '-12.500' could be -12.500 or -12500"
                + " (in a file separated by tabs a point may"), e.getMessage());
    }

    /**
     * A no-break space after a number, an id or a column name (text pasted from a web page, a PDF or an accounting
     * system) is dropped as a space is: the amount was refused as "expected a decimal number, found '7876.74 '", showing
     * what looks like a space kpikit drops, and the id made an account of its own. A point before three digits stays
     * ambiguous in a ';' file with one after it.
     */
    @Test
    void noBreakSpacesAroundACellAreDroppedAsSpacesAre() throws IOException, DataFormatException {
        Path file = write("revenue.csv", "date,account_id,amount\u00a0\n2026-01-15,A1\u00a0,7876.74\u00a0\n"
                + "2026-01-16,\u202fB2,\u2007-12.5\n");
        try (TableReader reader = open(file)) {
            assertEquals(List.of("date", "account_id", "amount"), reader.columns().stream().map(Column::name).toList());
            assertEquals(List.of(List.of(LocalDate.of(2026, 1, 15), "A1", new BigDecimal("7876.74")),
                    List.of(LocalDate.of(2026, 1, 16), "B2", new BigDecimal("-12.5"))), rows(reader));
        }
        DataFormatException e = refusal(write("semicolons.csv", "account_id;amount\nA1;7\nA2;1.234\u00a0\n"), CsvOptions.defaults());
        assertTrue(e.getMessage().startsWith("semicolons.csv, line 3, column 'amount' (2): '1.234' could be 1.234 or 1234"), e.getMessage());
    }

    /**
     * Excel's way of keeping a text as it is, as exports from Excel and ERP tools write it: the formula ="007", quoted
     * ("=""007""") or not, holds the text between its quotes (a quote in it written twice), for the header, ids, names,
     * dates and amounts alike; ="" is an empty cell. The id was read as the text ="007", and matched no account 007.
     * Column types are those of the texts held: 007 a code, 120.00 a decimal. A real formula stays the text it is.
     */
    @Test
    void excelsTextFormulaIsTheTextItHolds() throws Exception {
        Path file = write("revenue.csv", "=\"date\",account_id,name,amount\n"
                + "2026-01-05,\"=\"\"007\"\"\",\"=\"\"O\"\"\"\"Neil\"\"\",=\"120.00\"\n"
                + "=\"2026-01-06\",=\"007\", =\"Q Ltd\" ,-0.50\n"
                + "=\"\",=\"\",=\"\",=\"\"\n"
                + "2026-01-07,=A1+B2,=\"A\"&\"B\",=\"\"\n");
        try (TableReader reader = open(file)) {
            assertEquals(List.of(new Column("date", ColumnType.DATE), new Column("account_id", ColumnType.STRING),
                    new Column("name", ColumnType.STRING), new Column("amount", ColumnType.DECIMAL)), reader.columns());
            assertEquals(List.of(List.of(LocalDate.of(2026, 1, 5), "007", "O\"Neil", new BigDecimal("120.00")),
                    List.of(LocalDate.of(2026, 1, 6), "007", "Q Ltd", new BigDecimal("-0.50")),
                    java.util.Arrays.asList(LocalDate.of(2026, 1, 7), "=A1+B2", "=\"A\"&\"B\"", null)), rows(reader));
        }
    }

    /**
     * A spreadsheet formula where a number or a date is expected (a sheet exported with its formulas as text) is
     * refused, saying it is a formula and what to do (it was "expected a decimal number, found '=SUM(C2:C3)'" alone).
     */
    @Test
    void aFormulaWhereANumberOrADateIsExpectedIsRefusedSayingSo() throws IOException {
        String advice = " (a spreadsheet formula, not a value: save or export the sheet with the formulas' values)";
        DataFormatException amount = refusal(write("revenue.csv", "date,account_id,amount\n2026-01-15,A1,7\n2026-01-16,A1, =SUM(C2:C3)\n"),
                CsvOptions.defaults());
        assertEquals("revenue.csv, line 3, column 'amount' (3): expected a decimal number, found ' =SUM(C2:C3)'" + advice, amount.getMessage());
        Path today = write("revenue.csv", "date,account_id,amount\n=TODAY(),A1,7\n");
        DataFormatException date = assertThrows(DataFormatException.class, () -> {
            try (TableReader reader = CsvTableReader.open(today, CsvOptions.defaults().withDeclaredTypes(Map.of("date", ColumnType.DATE)))) {
                rows(reader);
            }
        });
        assertEquals("revenue.csv, line 2, column 'date' (1): expected a date yyyy-MM-dd, found '=TODAY()'" + advice, date.getMessage());
    }

    /**
     * Amounts as accounting exports write them, negative in parentheses or with the minus after, with a currency sign
     * or code: refused as before, now saying what to write (the refusal was "expected a decimal number, found
     * '(123.45)'" and nothing more).
     */
    @Test
    void anAmountWrittenAsAccountingExportsWriteItIsRefusedWithTheNumberToWrite() throws IOException {
        Map<String, String> hints = new java.util.LinkedHashMap<>();
        hints.put("(123.45)", "write a negative amount with a leading minus: -123.45");
        hints.put("123.45-", "write a negative amount with a leading minus: -123.45");
        hints.put("\"(1,123.45)\"", "write a negative amount with a leading minus and without thousands separators: -1123.45");
        hints.put("$7876.74", "write the amount, without its currency sign: 7876.74");
        hints.put("\"$1,234.56\"", "write the amount, without its currency sign and without thousands separators: 1234.56");
        hints.put("1234.56 EUR", "write the amount, without its currency sign: 1234.56");
        hints.put("-$123.45", "write the amount, without its currency sign: -123.45");
        for (Map.Entry<String, String> hint : hints.entrySet()) {
            DataFormatException e = refusal(write("revenue.csv", "date,account_id,amount\n2026-01-15,A1," + hint.getKey() + "\n"),
                    CsvOptions.defaults());
            assertEquals("revenue.csv, line 2, column 'amount' (3): expected a decimal number, found '"
                    + hint.getKey().replace("\"", "") + "' (" + hint.getValue() + ")", e.getMessage());
        }
        DataFormatException e = refusal(write("revenue.csv", "date;account_id;amount\n2026-01-15;A1;12,50\n2026-01-16;A1;\u20ac 1.234,56\n"),
                CsvOptions.defaults());
        assertEquals("revenue.csv, line 3, column 'amount' (3): expected a decimal number, found '\u20ac 1.234,56'"
                + " (write the amount, without its currency sign and without thousands separators: 1234,56)", e.getMessage());
    }

    /**
     * A day written with midnight after it, as databases and exporters write dates (2026-12-31T00:00:00, 2026-12-31
     * 00:00:00.000), is that day: it was refused as "expected a date yyyy-MM-dd"; the column's type is still found to be
     * a date. Another time of day is refused, saying so.
     */
    @Test
    void aDayWithMidnightAfterItIsThatDayAndAnotherTimeIsRefusedSayingSo() throws IOException, DataFormatException {
        Path file = write("revenue.csv", "date,account_id,amount\n2026-12-31T00:00:00,A1,5\n2026-12-30 00:00:00.000,A1,6\n"
                + "2026-12-29T00:00,A1,7\n2026-12-28,A1,8\n");
        try (TableReader reader = open(file)) {
            assertEquals(ColumnType.DATE, reader.columns().get(0).type());
            List<Object> days = new ArrayList<>();
            while (reader.next()) {
                days.add(reader.value(0));
            }
            assertEquals(List.of(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 30), LocalDate.of(2026, 12, 29),
                    LocalDate.of(2026, 12, 28)), days);
        }
        DataFormatException e = assertThrows(DataFormatException.class, () -> {
            try (TableReader reader = CsvTableReader.open(write("timed.csv", "date,amount\n2026-12-31,5\n2024-11-30T10:30,6\n"),
                    CsvOptions.defaults().withInferenceRows(1))) {
                rows(reader);
            }
        });
        assertEquals("timed.csv, line 3, column 'date' (1): expected a date yyyy-MM-dd, found '2024-11-30T10:30' (a day and a"
                + " time of day; kpikit reads days: write the day alone, 2024-11-30)", e.getMessage());
    }

    /**
     * What finance exports put where a date or an amount goes, refused with what to write: the header again (tables
     * put one after the other), a totals line, Excel's number of a day, and days written 20260331, 31.01.2026 or
     * 31/01/2026 (04/03/2026 could be either day). They were refused without a word of what to do.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            date         | the header again: tables put one after the other? delete the repeated header line
            Total        | a totals line? kpikit adds the rows up itself: delete the line
            Grand total: | a totals line? kpikit adds the rows up itself: delete the line
            Summe        | a totals line? kpikit adds the rows up itself: delete the line
            45500        | Excel's number of the day 2024-07-27? format the column as dates before saving, or write the day as yyyy-MM-dd
            20260331     | write the day as yyyy-MM-dd: 2026-03-31
            31.01.2026   | write the day as yyyy-MM-dd: 2026-01-31
            1/31/2026    | write the day as yyyy-MM-dd: 2026-01-31
            04/03/2026   | write the day as yyyy-MM-dd: 2026-03-04 or 2026-04-03, as the file means it
            31.02.2026   |
            Summer sale  |
            """)
    void whatExportsPutWhereADateGoesIsRefusedSayingWhatToWrite(String found, String hint) throws IOException {
        Path file = write("revenue.csv", "date,account_id,amount\n2026-01-15,A1,5\n" + found + ",A1,6\n");
        DataFormatException e = refusal(file, CsvOptions.defaults().withInferenceRows(1));
        assertEquals("revenue.csv, line 3, column 'date' (1): expected a date yyyy-MM-dd, found '" + found + "'"
                + (hint == null ? "" : " (" + hint + ")"), e.getMessage());
    }

    @Test
    void aPointBeforeThreeDigitsAfterTheFirstRowsIsRefusedToo() throws IOException {
        Path file = write("revenue.csv", "account_id;amount\nA1;7\nA2;8\nA3;2.500\n");
        DataFormatException e = refusal(file, CsvOptions.defaults().withInferenceRows(1));
        assertTrue(e.getMessage().startsWith("revenue.csv, line 4, column 'amount' (2): '2.500' could be 2.500 or 2500"), e.getMessage());
    }

    @Test
    void aPointBeforeThreeDigitsIsADecimalWhereTheColumnShowsADecimalPoint() throws Exception {
        Path file = write("revenue.csv", "account_id;amount\nA1;1.234\nA2;12.50\nA3;0.125\n");
        assertEquals(List.of(new BigDecimal("1.234"), new BigDecimal("12.50"), new BigDecimal("0.125")), amounts(file, CsvOptions.defaults()));
        // 0.125 and 1234.567 cannot be thousands either way
        assertEquals(List.of(new BigDecimal("0.125"), new BigDecimal("1.234")),
                amounts(write("zero.csv", "account_id;amount\nA1;0.125\nA2;1.234\n"), CsvOptions.defaults()));
        assertEquals(List.of(new BigDecimal("1234.567"), new BigDecimal("1.234")),
                amounts(write("long.csv", "account_id;amount\nA1;1234.567\nA2;1.234\n"), CsvOptions.defaults()));
    }

    @Test
    void ordinaryDecimalPointsAndCommaSeparatedFilesAreReadAsBefore() throws Exception {
        assertEquals(List.of(new BigDecimal("12.50"), new BigDecimal("7.25"), new BigDecimal("3")),
                amounts(write("revenue.csv", "account_id;amount\nA1;12.50\nA2;7.25\nA3;3\n"), CsvOptions.defaults()));
        // in a comma separated file a comma cannot group thousands unquoted: the point is the decimal point
        assertEquals(List.of(new BigDecimal("1.234"), new BigDecimal("12.500")),
                amounts(write("comma.csv", "account_id,amount\nA1,1.234\nA2,12.500\n"), CsvOptions.defaults()));
        // a separator set by the user is taken as said
        assertEquals(List.of(new BigDecimal("1.234")),
                amounts(write("set.csv", "account_id;amount\nA1;1.234\n"), CsvOptions.defaults().withDecimalSeparator('.')));
    }

    @Test
    void keepsDecimalDotsWhenTheSampleHasThem() throws Exception {
        Path file = write("mixed.csv", "a;b\n1,5;2.5\n");
        try (TableReader reader = open(file)) {
            assertEquals(List.of(ColumnType.STRING, ColumnType.DECIMAL), reader.columns().stream().map(Column::type).toList());
        }
    }

    @Test
    void infersTheNarrowestTypeEveryValueFits() throws Exception {
        Path file = write("types.csv", """
                whole,mixed,code,empty,date_or_text,yes_no,big
                1,1,007,,2024-01-01,true,99999999999999999999
                -2,2.25,012,,not a date,False,1
                """);
        try (TableReader reader = open(file)) {
            assertEquals(List.of(ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.STRING, ColumnType.STRING,
                    ColumnType.STRING, ColumnType.BOOLEAN, ColumnType.DECIMAL),
                    reader.columns().stream().map(Column::type).toList());
            assertTrue(reader.next());
            assertEquals(new BigDecimal("1"), reader.value(1));
            assertEquals("007", reader.value(2));
            assertEquals(new BigDecimal("99999999999999999999"), reader.value(6));
        }
    }

    @Test
    void inferenceLooksOnlyAtTheFirstRowsAsConfigured() throws Exception {
        Path file = write("late.csv", "amount\n1\n2\n2.5\n");
        try (TableReader reader = CsvTableReader.open(file, CsvOptions.defaults().withInferenceRows(2))) {
            assertEquals(ColumnType.INTEGER, reader.columns().get(0).type());
            assertTrue(reader.next());
            assertTrue(reader.next());
            DataFormatException e = assertThrows(DataFormatException.class, reader::next);
            assertEquals("late.csv, line 4, column 'amount' (1): expected a whole number, found '2.5'", e.getMessage());
        }
    }

    @Test
    void declaredTypesOverrideInference() throws Exception {
        Path file = write("declared.csv", "Account_ID,amount,month\n42,10,2024-01-01\n");
        CsvOptions options = CsvOptions.defaults().withDeclaredTypes(
                Map.of("account_id", ColumnType.STRING, "amount", ColumnType.DECIMAL, "month", ColumnType.STRING));
        try (TableReader reader = CsvTableReader.open(file, options)) {
            assertEquals(List.of(new Column("Account_ID", ColumnType.STRING), new Column("amount", ColumnType.DECIMAL),
                    new Column("month", ColumnType.STRING)), reader.columns());
            assertEquals(List.of(List.of("42", new BigDecimal("10"), "2024-01-01")), rows(reader));
        }
    }

    @Test
    void declaringAColumnTheFileLacksNamesTheColumnsFound() throws IOException {
        Path file = write("revenue.csv", "date,account_id\n2024-01-01,1\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvTableReader.open(file,
                CsvOptions.defaults().withDeclaredTypes(Map.of("amout", ColumnType.DECIMAL))));
        assertEquals("revenue.csv: a type is declared for column 'amout', which the table does not have; found: date, account_id",
                e.getMessage());
    }

    @Test
    void aMalformedNumberOnALateLineNamesFileLineColumnAndExpectation() throws IOException {
        StringBuilder csv = new StringBuilder("date,account_id,amount\n");
        for (int i = 0; i < 500; i++) {
            csv.append("2024-01-01,").append(i).append(',').append(i).append(".50\n");
        }
        csv.append("2024-01-02,7,\"12,3x\"\n");
        Path file = write("revenue.csv", csv.toString());
        DataFormatException e = assertThrows(DataFormatException.class, () -> {
            try (TableReader reader = open(file)) {
                while (reader.next()) {
                    // read to the bad line
                }
            }
        });
        assertEquals("revenue.csv, line 502, column 'amount' (3): expected a decimal number, found '12,3x'", e.getMessage());
        assertEquals("revenue.csv", e.source());
        assertEquals(502, e.line());
        assertEquals("amount", e.column());
    }

    @Test
    void aDeclaredTypeTheDataDoesNotFitFailsWithTheLine() throws Exception {
        Path file = write("dates.csv", "date\n2024-01-31\n31.01.2024\n");
        try (TableReader reader = CsvTableReader.open(file, CsvOptions.defaults().withDeclaredTypes(Map.of("date", ColumnType.DATE)))) {
            assertTrue(reader.next());
            DataFormatException e = assertThrows(DataFormatException.class, reader::next);
            assertEquals("dates.csv, line 3, column 'date' (1): expected a date yyyy-MM-dd, found '31.01.2024' (write the day as yyyy-MM-dd: 2024-01-31)", e.getMessage());
        }
    }

    @Test
    void aRaggedRowNamesItsLine() throws Exception {
        Path file = write("ragged.csv", "a,b,c\n1,2,3\n4,5\n");
        try (TableReader reader = open(file)) {
            assertTrue(reader.next());
            DataFormatException e = assertThrows(DataFormatException.class, reader::next);
            assertEquals("ragged.csv, line 3: expected 3 cells as in the header, found 2", e.getMessage());
            assertEquals(3, e.line());
        }
    }

    @Test
    void aMissingFileNamesItsFullPath() {
        Path file = dir.resolve("nowhere.csv");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> open(file));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    }

    @Test
    void anEmptyFileHasNoHeader() throws IOException {
        Path file = write("empty.csv", "");
        DataFormatException e = assertThrows(DataFormatException.class, () -> open(file));
        assertEquals("empty.csv is empty; its first line must name the columns", e.getMessage());
    }

    @Test
    void aHeaderNamingAColumnTwiceIsRejected() throws IOException {
        Path file = write("twice.csv", "amount,date,Amount\n1,2024-01-01,2\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> open(file));
        assertEquals("twice.csv: the header names column 'Amount' twice (columns 1 and 3)", e.getMessage());
    }

    @Test
    void emptyCellsAreNull() throws Exception {
        Path file = write("gaps.csv", "id,amount,date,name\n1,,,\n,2.5,2024-01-01, \n2, 3 ,, Acme \n");
        try (TableReader reader = open(file)) {
            assertEquals(List.of(ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.DATE, ColumnType.STRING),
                    reader.columns().stream().map(Column::type).toList());
            assertTrue(reader.next());
            assertEquals(1L, reader.value(0));
            assertNull(reader.value(1));
            assertNull(reader.value(2));
            assertNull(reader.value(3));
            assertTrue(reader.next());
            assertNull(reader.value(0));
            assertNull(reader.value(3));
            assertTrue(reader.next());
            assertEquals("Acme", reader.value(3), "surrounding spaces are dropped");
        }
    }

    @Test
    void rowNumbersAreFileLinesCountingBlankLinesAndQuotedLineBreaks() throws Exception {
        Path file = write("lines.csv", "id,note\r\n1,plain\r\n\r\n2,\"two\r\nlines\"\r\n3,last");
        try (TableReader reader = open(file)) {
            List<Long> lines = new ArrayList<>();
            while (reader.next()) {
                lines.add(reader.rowNumber());
            }
            assertEquals(List.of(2L, 4L, 6L), lines);
        }
    }

    @Test
    void anExplicitDelimiterIsUsed() throws Exception {
        Path file = write("explicit.csv", "a;b,c\n1;2,3\n");
        try (TableReader reader = CsvTableReader.open(file, CsvOptions.defaults().withDelimiter(','))) {
            assertEquals(List.of("a;b", "c"), reader.columns().stream().map(Column::name).toList());
        }
    }

    @Test
    void textThatIsNotUtf8IsReportedOnItsLineAndByte() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "name\nM\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1));
        DataFormatException e = assertThrows(DataFormatException.class, () -> {
            try (TableReader reader = open(file)) {
                rows(reader);
            }
        });
        assertEquals("latin1.csv, line 2, byte offset 6 (0xFC): the file is not UTF-8 text;"
                + " save it as CSV UTF-8 (in Excel: Save As, \"CSV UTF-8\"), or set the encoding it is saved in,"
                + " such as windows-1252 (the data source's 'encoding' property, the command line's --encoding,"
                + " a schedule's 'encoding')", e.getMessage());
        assertEquals(2, e.line());
    }

    @Test
    void aFileInTheEncodingTheOptionsNameIsReadRight() throws IOException, DataFormatException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "name,amount\nM\u00fcller \u00c6r\u00f8,12.50\n".getBytes(StandardCharsets.ISO_8859_1));
        try (TableReader reader = CsvTableReader.open(file, CsvOptions.defaults().withEncoding(StandardCharsets.ISO_8859_1))) {
            assertTrue(reader.next());
            assertEquals("M\u00fcller \u00c6r\u00f8", reader.value(0));
            assertEquals(new BigDecimal("12.50"), reader.value(1));
        }
    }

    /**
     * A folder read as windows-1252 (Excel's "CSV") with one table saved as "CSV UTF-8": its byte order mark says how
     * it is written. Read as windows-1252 the mark became the letters "ï»¿" before the first column's
     * name (refused as no column 'account_id', found 'ï»¿account_id') and every accented letter two
     * letters ("CafÃ©").
     */
    @Test
    void aByteOrderMarkWinsOverTheDeclaredEncoding() throws IOException, DataFormatException {
        Path file = dir.resolve("accounts.csv");
        Files.write(file, "\uFEFFaccount_id,name\nA1,Caf\u00e9 M\u00fcller\n".getBytes(StandardCharsets.UTF_8));
        try (TableReader reader = CsvTableReader.open(file, CsvOptions.defaults().withEncoding(Charset.forName("windows-1252")))) {
            assertEquals(List.of("account_id", "name"), reader.columns().stream().map(Column::name).toList());
            assertTrue(reader.next());
            assertEquals("Caf\u00e9 M\u00fcller", reader.value(1));
        }
        Files.write(file, "\uFEFFaccount_id,name\nA1,Caf\u00e9\n".getBytes(StandardCharsets.UTF_16LE));
        try (TableReader reader = CsvTableReader.open(file, CsvOptions.defaults().withEncoding(Charset.forName("windows-1252")))) {
            assertEquals(List.of("account_id", "name"), reader.columns().stream().map(Column::name).toList());
            assertTrue(reader.next());
            assertEquals("Caf\u00e9", reader.value(1));
        }
    }

    @Test
    void aByteThatIsNotUtf8DeepInALongFileIsReportedOnItsOwnLine() throws IOException {
        // the reader decodes ahead in blocks of thousands of characters: the fault is far behind where it fails
        Path file = dir.resolve("long.csv");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("account_id,name\n".getBytes(StandardCharsets.UTF_8));
        long offset = 0;
        for (int line = 2; line <= 1_501; line++) {
            if (line == 1_294) {
                offset = bytes.size() + "A1294,Caf".length();
            }
            String name = line == 1_294 ? "Caf\u00e9" : "Caf\u00e9 " + line;
            bytes.writeBytes(("A" + line + ",").getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(name.getBytes(line == 1_294 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
            bytes.write('\n');
        }
        Files.write(file, bytes.toByteArray());
        DataFormatException e = assertThrows(DataFormatException.class, () -> {
            try (TableReader reader = open(file)) {
                rows(reader);
            }
        });
        assertTrue(e.getMessage().startsWith("long.csv, line 1294, byte offset " + offset + " (0xE9): the file is not UTF-8 text"),
                e.getMessage());
    }

    @Test
    void anUnclosedQuoteIsReported() throws Exception {
        Path file = write("quote.csv", "a,b\n1,2\n3,\"open\n");
        try (TableReader reader = CsvTableReader.open(file, CsvOptions.defaults().withInferenceRows(1))) {
            assertTrue(reader.next());
            DataFormatException e = assertThrows(DataFormatException.class, reader::next);
            assertTrue(e.getMessage().startsWith("quote.csv, line 3: not valid CSV: "), e.getMessage());
        }
    }

    @Test
    void valueBeforeNextIsAnError() throws Exception {
        try (TableReader reader = open(write("x.csv", "a\n1\n"))) {
            assertThrows(IllegalStateException.class, () -> reader.value(0));
            assertTrue(reader.next());
            assertFalse(reader.next());
            assertThrows(IllegalStateException.class, () -> reader.value(0));
        }
    }

    @Test
    void requireColumnsNamesWhatIsMissingAndWhatWasFound() throws Exception {
        try (TableReader reader = open(write("revenue.csv", "date,account_id\n2024-01-01,1\n"))) {
            Tables.requireColumns(reader, "DATE", "account_id");
            DataFormatException e = assertThrows(DataFormatException.class,
                    () -> Tables.requireColumns(reader, "date", "amount"));
            assertEquals("revenue.csv: missing column 'amount'; found: date, account_id", e.getMessage());
            assertEquals("amount", e.column());
        }
    }

    /** A title and a date above the header, as accounting tools export a report: the refusal names the header's line. */
    @Test
    void aRefusedHeaderNamesTheLineBelowThatNamesTheColumns() throws Exception {
        try (TableReader reader = open(write("metrics.csv", "KPI export;;\nas of 2026-10-31;;\n;;\ndate;revenue;customers\n"
                + "2026-01-01;5;3\n"))) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> Tables.requireColumns(reader, "date", "revenue"));
            assertEquals("metrics.csv: missing columns 'date', 'revenue'; found: KPI export, column_2, column_3 (line 4 names"
                    + " the columns: delete the lines above it, a title or notes)", e.getMessage());
            assertEquals(4, e.line());
            e = assertThrows(DataFormatException.class, () -> ColumnMapping.defaults().resolve(reader, ColumnMapping.DATE));
            assertTrue(e.getMessage().endsWith("(line 4 names the columns: delete the lines above it, a title or notes)"), e.getMessage());
        }
        try (TableReader reader = open(write("metrics.csv", "KPI export\n2026-01-01;5;3\n"))) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> Tables.requireColumns(reader, "date"));
            assertEquals("metrics.csv: missing column 'date'; found: KPI export", e.getMessage());
        }
    }

    /** A million rows stream through a small heap (the test JVM may be started with -Xmx96m). */
    @Test
    void streamsALargeFile() throws Exception {
        Path file = dir.resolve("large.csv");
        int rows = 1_000_000;
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("date,account_id,amount,note\n");
            for (int i = 0; i < rows; i++) {
                out.write("2024-01-" + (10 + i % 20) + "," + (i % 1000) + "," + i + ".25,row number " + i + "\n");
            }
        }
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO;
        try (TableReader reader = open(file)) {
            while (reader.next()) {
                count++;
                sum = sum.add((BigDecimal) reader.value(2));
            }
        }
        assertEquals(rows, count);
        assertEquals(new BigDecimal("499999750000.00"), sum); // 0 + 1 + ... + 999,999 plus a million quarters
    }

    @Test
    void excelsSeparatorHintSetsTheDelimiterAndLinesKeepTheirNumbers() throws Exception {
        for (String delimiter : List.of(";", ",", "\t", "|")) {
            // the hint's delimiter wins over the one splitting the header most (',' here, for the other three)
            String amount = delimiter.equals(",") ? "amount" : "amount, net, of tax, in EUR";
            Path file = write("revenue.csv", "sep=" + delimiter + "\r\n" + String.join(delimiter, "date", "account_id", amount)
                    + "\r\n\r\n" + String.join(delimiter, "2026-01-31", "A1", "12.5") + "\r\n");
            try (CsvTableReader reader = open(file)) {
                assertEquals(List.of("date", "account_id", amount), reader.columns().stream().map(Column::name).toList(),
                        "sep=" + delimiter);
                assertTrue(reader.next());
                assertEquals(4, reader.rowNumber(), "the hint is line 1 of the file");
                assertEquals(new BigDecimal("12.5"), reader.value(2));
                assertFalse(reader.next());
            }
        }
        Path upper = write("revenue.csv", "\uFEFFSEP=;\ndate;amount\n2026-01-31;x\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> {
            try (CsvTableReader reader = CsvTableReader.open(upper, CsvOptions.defaults().withDeclaredTypes(
                    Map.of("amount", ColumnType.DECIMAL)))) {
                reader.next();
            }
        });
        assertTrue(e.getMessage().startsWith("revenue.csv, line 3, column 'amount' (2): expected a decimal number, found 'x'"),
                e.getMessage());
    }

    @Test
    void aSeparatorHintKpikitDoesNotSplitOnOrWithoutAHeaderIsRefused() throws Exception {
        DataFormatException colon = assertThrows(DataFormatException.class, () -> open(write("revenue.csv", "sep=:\ndate:amount\n")));
        assertEquals("revenue.csv, line 1: the separator hint 'sep=:' names a separator kpikit does not read; write sep=, or sep=;"
                + " (or a tab or | after sep=), or remove the line", colon.getMessage());
        DataFormatException alone = assertThrows(DataFormatException.class, () -> open(write("revenue.csv", "sep=;\n\n")));
        assertEquals("revenue.csv has only the separator hint (sep=) on line 1; its next line must name the columns",
                alone.getMessage());
    }
}
