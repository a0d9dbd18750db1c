package dev.kpikit.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kpikit.runner.engine.SharedEngine;
import picocli.CommandLine;

/** {@code kpikit score} on the startup sample: the model can be checked without a report. */
class ScoreCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int score(String... args) {
        ScoreCommand command = new ScoreCommand();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(command).execute(args);
    }

    private static String startup() {
        return SharedEngine.sampleData("startup").toString();
    }

    @Test
    void csvListsEveryAccountWithItsContributions() {
        assertEquals(0, score("--data", startup()));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(41, lines.size(), "header and 40 accounts");
        assertTrue(lines.get(0).startsWith("rank,account_id,name,segment,revenue,revenue_share,"), lines.get(0));
        assertTrue(lines.get(0).contains("strategic_value_normalised,strategic_value_points"), lines.get(0));
        assertTrue(lines.get(1).startsWith("1,C01,Client A,Enterprise,558447.08,"), lines.get(1));
        assertTrue(lines.get(1).contains(",75.85,KEY,KEY,A,555,"), lines.get(1));
        assertTrue(lines.get(1).endsWith("\"KEY: 43% of revenue, strategic value 4/5\",false,true"), lines.get(1));
        assertTrue(lines.get(0).endsWith(",explanation,net_negative,in_accounts_table"), lines.get(0));
        assertTrue(lines.get(2).startsWith("2,C03,Nordlys Robotics,"), lines.get(2));
        assertEquals("kpikit score: 40 accounts as of 2026-10-31, year to date, model 'kpikit default'",
                err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void jsonWithAnEarlierAsOfDateAndAQuarter() throws Exception {
        assertEquals(0, score("--data", startup(), "--format", "json", "--as-of", "2026-06-30", "--period", "quarter"));
        JsonNode accounts = new ObjectMapper().readTree(out.toByteArray());
        assertEquals(40, accounts.size());
        JsonNode first = accounts.get(0);
        assertEquals(1, first.get("rank").asInt());
        assertTrue(first.get("score").isNumber());
        // the points of all factors add up to the score
        double points = 0;
        for (var field : first.properties()) {
            if (field.getKey().endsWith("_points") && field.getValue().isNumber()) {
                points += field.getValue().asDouble();
            }
        }
        assertEquals(first.get("score").asDouble(), points, 1e-9);
    }

    @Test
    void aBadModelIsNamedWithLineColumnAndField(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model.json");
        Files.writeString(model, "{\n  \"factors\": [\n    {\"id\": \"strategic_value\", \"weight\": \"heavy\"}\n  ]\n}\n");
        assertEquals(1, score("--data", startup(), "--model", model.toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("kpikit score: model.json, line 3, column "), message);
        assertTrue(message.contains("factors[0].weight"), message);
        assertEquals(1, score("--data", startup(), "--period", "fortnight"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'fortnight' is not a period length"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "2026-02-30 | '2026-02-30' is not a day of the calendar",
        "31/03/2026 | '31/03/2026' is not a date",
        "20260331   | '20260331' is not a date",
        "2026-3-1   | '2026-3-1' is not a date",
        "\"\"       | '' is not a date"})
    void anAsOfThatIsNoDayIsOneLineAsRenderSaysIt(String asOf, String says) {
        assertEquals(1, score("--data", startup(), "--as-of", asOf));
        // the message of render's asOf parameter, without picocli's usage screen or Java's exception
        assertEquals("kpikit score: --as-of: " + says + "; expected a date yyyy-MM-dd", stderr().strip());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "0000-12-31"})
    void anAsOfBeyondFourDigitYearsIsOneLineNamingTheRange(String asOf) {
        assertEquals(1, score("--data", startup(), "--as-of", asOf));
        assertEquals("kpikit score: --as-of: '" + asOf + "' is outside the calendar kpikit reckons with;"
                + " expected a date yyyy-MM-dd from 0001-01-01 to 9999-12-31", stderr().strip());
    }

    @Test
    void revenueDatedInYear9999IsScoredAsOfItsLastDay(@TempDir Path dir) throws Exception {
        Path data = folder(dir, "account_id,name,relationship_start\nA,Alpha,0001-01-01\nB,Beta,9999-12-31\n",
                "date,account_id,amount\n9998-06-30,A,100\n9999-12-31,A,300\n9999-01-01,B,100\n");
        assertEquals(0, score("--data", data.toString(), "--fields", "account_id,revenue,revenue_growth"), stderr());
        assertEquals(List.of("account_id,revenue,revenue_growth", "A,300,2", "B,100,"), csvLines());
        assertTrue(stderr().contains("2 accounts as of 9999-12-31, year to date"), stderr());
    }

    @Test
    void anAsOfWithSpacesAroundIsReadAsRenderReadsIt() {
        assertEquals(0, score("--data", startup(), "--as-of", " 2026-03-31 "), stderr());
        assertTrue(stderr().contains("accounts as of 2026-03-31,"), stderr());
    }

    // ---------------------------------------------------------------- Excel's separator hint

    @ParameterizedTest
    @ValueSource(strings = {";", ",", "\t", "|"})
    void aFolderSavedWithExcelsSeparatorHintScoresAsWithout(String delimiter, @TempDir Path dir) throws Exception {
        assertEquals(0, score("--data", startup()), stderr());
        String expected = out.toString(StandardCharsets.UTF_8);
        out.reset();
        Path data = Files.createDirectories(dir.resolve("hinted"));
        for (String table : List.of("accounts.csv", "revenue.csv")) {
            // the sample's tables hold no quotes and no commas inside values: every comma separates
            String text = Files.readString(SharedEngine.sampleData("startup").resolve(table));
            Files.writeString(data.resolve(table), "sep=" + delimiter + "\r\n" + text.replace(",", delimiter));
        }
        assertEquals(0, score("--data", data.toString()), stderr());
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSmallSemicolonFolderWithTheHintScoresAndALaterBadCellNamesTheFilesLine(@TempDir Path dir) throws Exception {
        Path data = folder(dir, "sep=;\naccount_id;name;strategic_value\nA;Alpha, Inc.;4\nB;Beta;2\n",
                "sep=;\ndate;account_id;amount\n2026-01-10;A;600,50\n2026-02-10;B;400\n");
        assertEquals(0, score("--data", data.toString(), "--fields", "account_id,name,revenue,strategic_value"), stderr());
        assertEquals(List.of("account_id,name,revenue,strategic_value", "A,\"Alpha, Inc.\",600.50,4", "B,Beta,400,2"), csvLines());
        out.reset();
        err.reset();
        Files.writeString(data.resolve("revenue.csv"), "sep=;\ndate;account_id;amount\n2026-01-10;A;600,50\n2026-02-10;B;4OO\n");
        assertEquals(1, score("--data", data.toString()));
        assertTrue(stderr().startsWith("kpikit score: revenue.csv, line 4, column 'amount' (3): expected a decimal number, found '4OO'"),
                stderr());
    }

    @Test
    void aLargeRevenueFileWithTheHintIsScoredAndRefusedAtItsOwnLine(@TempDir Path dir) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 8000; i++) { // over 128 KB: the scanner reads it in parts
            rows.append("2026-").append(String.format("%02d", i % 9 + 1)).append("-15;A").append(i % 300).append(';')
                    .append(i % 97).append(",25\n");
        }
        String accounts = "account_id;name\nA1;One\nA2;Two\n";
        Path plain = folder(Files.createDirectories(dir.resolve("plain")), accounts, "date;account_id;amount\n" + rows);
        assertEquals(0, score("--data", plain.toString()), stderr());
        String expected = out.toString(StandardCharsets.UTF_8);
        out.reset();
        Path hinted = folder(Files.createDirectories(dir.resolve("hinted")), "sep=;\n" + accounts, "sep=;\ndate;account_id;amount\n" + rows);
        assertTrue(Files.size(hinted.resolve("revenue.csv")) > 1 << 17);
        assertEquals(0, score("--data", hinted.toString()), stderr());
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
        out.reset();
        err.reset();
        Files.writeString(hinted.resolve("revenue.csv"), "sep=;\ndate;account_id;amount\n" + rows + "2026-09-31;A1;5\n" + rows);
        assertEquals(1, score("--data", hinted.toString()));
        assertEquals("kpikit score: revenue.csv, line 8003, column 'date' (1): expected a date yyyy-MM-dd, found '2026-09-31'",
                stderr().lines().filter(line -> !line.contains("warning")).findFirst().orElse(""));
    }

    // ---------------------------------------------------------------- messy data folders

    /**
     * --encoding windows-1252 for a folder whose account table is Excel's "CSV" (windows-1252) and whose revenue table
     * is Excel's "CSV UTF-8" (a byte order mark first): each is read as it is written. The mark was read as three
     * windows-1252 letters and the revenue table refused: "no column for field 'date' (...); found: ï»¿date, ...".
     */
    @Test
    void aTableWithAUtf8ByteOrderMarkIsReadAsUtf8WhateverEncodingIsNamed(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("accounts.csv"), "account_id,name\nA,Caf\u00e9 M\u00fcller\nB,\u00d8rsted\n"
                .getBytes(Charset.forName("windows-1252")));
        Files.write(dir.resolve("revenue.csv"), "\uFEFFdate,account_id,amount\n2026-01-10,A,600\n2026-01-11,B,400\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(0, score("--data", dir.toString(), "--encoding", "windows-1252", "--fields", "account_id,name,revenue"), stderr());
        assertEquals(List.of("account_id,name,revenue", "A,Caf\u00e9 M\u00fcller,600", "B,\u00d8rsted,400"),
                out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    /**
     * Excel writes a row of separators (",,") for a row whose cells were cleared or only formatted: such rows, after the
     * data of both tables and between revenue rows of a file large enough for the scanner, are skipped as blank lines
     * are (they were refused: "revenue.csv, line 722, column 'date': the date is empty"); a line number after them is
     * still the file's.
     */
    @Test
    void rowsOfEmptyCellsAreSkippedAsBlankLinesAre(@TempDir Path dir) throws Exception {
        StringBuilder rows = new StringBuilder();
        StringBuilder cleared = new StringBuilder();
        for (int i = 0; i < 8000; i++) { // over 128 KB: the scanner reads it in parts
            String row = "2026-" + String.format("%02d", i % 9 + 1) + "-15,A" + (i % 3 + 1) + "," + (i % 97) + ".25\n";
            rows.append(row);
            cleared.append(row).append(i % 1000 == 0 ? ",,\n , ,\t\n" : "");
        }
        String accounts = "account_id,name,strategic_value\nA1,One,4\nA2,Two,2\nA3,Three,3\n";
        Path plain = folder(Files.createDirectories(dir.resolve("plain")), accounts, "date,account_id,amount\n" + rows);
        assertEquals(0, score("--data", plain.toString()), stderr());
        String expected = out.toString(StandardCharsets.UTF_8);
        out.reset();
        Path excel = folder(Files.createDirectories(dir.resolve("excel")), accounts + ",,\n,,,\n",
                "date,account_id,amount\r\n" + cleared.toString().replace("\n", "\r\n") + ",,\r\n,,\r\n");
        assertEquals(0, score("--data", excel.toString()), stderr());
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
        assertTrue(stderr().contains("3 accounts as of 2026-09-15"), stderr());
        out.reset();
        err.reset();
        Files.writeString(excel.resolve("revenue.csv"), "date,account_id,amount\n,,\n2026-01-15,A1,5\n,,\n2026-09-31,A1,5\n");
        assertEquals(1, score("--data", excel.toString()));
        assertEquals("kpikit score: revenue.csv, line 5, column 'date' (1): expected a date yyyy-MM-dd, found '2026-09-31'",
                stderr().strip());
    }

    /** Three-decimal amounts (dinars) in a ';' file: refused as maybe thousands, read once --decimal-separator says so. */
    @Test
    void decimalSeparatorSettlesAPointBeforeThreeDigits(@TempDir Path dir) throws Exception {
        Path data = folder(dir, "account_id;name\nA1;Alpha\nB2;Beta\n",
                "date;account_id;amount\n2026-01-15;A1;12.500\n2026-01-16;B2;1.250\n");
        assertEquals(1, score("--data", data.toString(), "--fields", "account_id,revenue"));
        assertTrue(stderr().contains("'12.500' could be 12.500 or 12500"), stderr());
        err.reset();
        assertEquals(0, score("--data", data.toString(), "--fields", "account_id,revenue", "--decimal-separator", "point"), stderr());
        assertEquals(List.of("account_id,revenue", "A1,12.500", "B2,1.250"), csvLines());
        err.reset();
        out.reset();
        assertEquals(1, score("--data", data.toString(), "--decimal-separator", "semicolon"));
        assertEquals("kpikit score: --decimal-separator: 'semicolon' is no decimal separator; expected point (12.50) or comma"
                + " (12,50), or nothing to decide from each file\n", stderr());
    }

    /** A language kpikit has no texts in gets English, and a word saying so; one it has, none. */
    @Test
    void aLocaleWithoutTextsIsSaidAndEnglishUsed(@TempDir Path dir) throws Exception {
        Path data = folder(dir, "account_id,name,strategic_value\nA,Alpha,5\n", "date,account_id,amount\n2026-01-10,A,600\n");
        assertEquals(0, score("--data", data.toString(), "--locale", "xx-YY", "--fields", "account_id,explanation"), stderr());
        assertTrue(stderr().startsWith("kpikit score: warning: --locale 'xx-YY': kpikit has no texts in that language; they are"
                + " in English\n"), stderr());
        assertTrue(csvLines().get(1).startsWith("A,\"KEY: 100% of revenue"), csvLines().toString());
        err.reset();
        out.reset();
        assertEquals(0, score("--data", data.toString(), "--locale", "fr", "--fields", "account_id,explanation"), stderr());
        assertTrue(!stderr().contains("--locale"), stderr());
    }

    private static Path folder(Path dir, String accounts, String revenue) throws Exception {
        Files.writeString(dir.resolve("accounts.csv"), accounts);
        Files.writeString(dir.resolve("revenue.csv"), revenue);
        return dir;
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<String> csvLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** A: 600, B: 400, N: invoices 300 and credit notes 1,000, so -700 in the year. */
    private static final String CREDIT_NOTES = """
            date,account_id,amount
            2026-01-10,A,600
            2026-02-10,B,400
            2026-02-11,N,300
            2026-03-01,N,-1000
            """;

    @Test
    void aNetNegativeAccountIsScoredAndMarkedInCsv(@TempDir Path dir) throws Exception {
        Path data = folder(dir, "account_id,name,strategic_value\nA,Alpha,3\nB,Beta,3\nN,Nova,3\n", CREDIT_NOTES);
        assertEquals(0, score("--data", data.toString()), stderr());
        List<String> lines = csvLines();
        assertEquals(4, lines.size(), "header and 3 accounts");
        String nova = lines.stream().filter(line -> line.contains(",N,Nova,")).findFirst().orElseThrow();
        assertTrue(nova.contains(",-700,0,"), "revenue -700, share 0: " + nova);
        assertTrue(nova.endsWith("; net revenue negative in the period, counted as a 0% share\",true,true"), nova);
        String alpha = lines.stream().filter(line -> line.contains(",A,Alpha,")).findFirst().orElseThrow();
        assertTrue(alpha.contains(",600,0.6,"), "600 of the positive 1,000: " + alpha);
        assertTrue(alpha.endsWith(",false,true"), alpha);
    }

    @Test
    void aNetNegativeAccountIsMarkedInJson(@TempDir Path dir) throws Exception {
        Path data = folder(dir, "account_id,name\nA,Alpha\nB,Beta\nN,Nova\n", CREDIT_NOTES);
        assertEquals(0, score("--data", data.toString(), "--format", "json"), stderr());
        JsonNode accounts = new ObjectMapper().readTree(out.toByteArray());
        for (JsonNode account : accounts) {
            boolean nova = account.get("account_id").asText().equals("N");
            assertEquals(nova, account.get("net_negative").asBoolean(), account.toString());
            assertEquals(nova ? "C" : "A", account.get("abc_class").asText(), account.toString());
        }
    }

    @Test
    void aDuplicateAccountIdIsRefusedWithBothLines(@TempDir Path dir) throws Exception {
        Path data = folder(dir, "account_id,name\nA1,Acme\nB,Beta\nA1,Acme Ltd\n", CREDIT_NOTES);
        assertEquals(1, score("--data", data.toString()));
        assertEquals("kpikit score: accounts.csv, lines 2 and 4: account_id 'A1' appears twice", stderr().strip());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aJudgementOutsideTheScaleIsRefusedWithFileLineColumnAndRange(@TempDir Path dir) throws Exception {
        Path data = folder(dir, "account_id,name,strategic_value\nA,Alpha,3\nB,Beta,6\n", CREDIT_NOTES);
        assertEquals(1, score("--data", data.toString()));
        assertEquals("kpikit score: accounts.csv, line 3, column 'strategic_value': strategic value 6 is outside the model's"
                + " scale 1 to 5 (a model with \"outOfRange\": \"CLAMP\" clamps it instead)", stderr().strip());
    }

    @Test
    void aModelThatClampsScoresWithOneWarningPerAccount(@TempDir Path dir) throws Exception {
        Path data = folder(dir, "account_id,name,strategic_value,engagement\nA,Alpha,9,-1\nB,Beta,6,3\nN,Nova,3,3\n",
                CREDIT_NOTES);
        Files.writeString(dir.resolve("clamp.json"), """
                { "outOfRange": "CLAMP", "factors": [
                  { "id": "strategic_value", "weight": 1, "normalisation": "FIXED_SCALE", "min": 1, "max": 5 },
                  { "id": "engagement", "weight": 1, "normalisation": "FIXED_SCALE", "min": 1, "max": 5 } ] }
                """);
        assertEquals(0, score("--data", data.toString(), "--model", dir.resolve("clamp.json").toString()), stderr());
        List<String> warnings = stderr().lines().filter(line -> line.contains("warning")).toList();
        assertEquals(List.of(
                "kpikit score: warning: accounts.csv, line 2, account 'A': strategic value 9 clamped to 5 (scale 1 to 5),"
                        + " engagement -1 clamped to 1 (scale 1 to 5)",
                "kpikit score: warning: accounts.csv, line 3, account 'B': strategic value 6 clamped to 5 (scale 1 to 5)"),
                warnings);
        assertTrue(csvLines().get(1).contains("strategic value 5/5"), csvLines().get(1));
    }

    @Test
    void revenueOfIdsMissingFromTheAccountTableIsScoredWithAWarningAndFlagged(@TempDir Path dir) throws Exception {
        Path data = folder(dir, "account_id,name\nA,Alpha\n", CREDIT_NOTES);
        assertEquals(0, score("--data", data.toString()), stderr());
        assertTrue(stderr().contains("kpikit score: warning: 2 account ids in revenue.csv are not in accounts.csv (B, N);"
                + " scored under their id\n"), stderr());
        // an account table without judgements: the model scores them as missing, and says so
        assertTrue(stderr().startsWith("kpikit score: warning: accounts.csv: no column for field 'strategic_value'"), stderr());
        String beta = csvLines().stream().filter(line -> line.contains(",B,B,")).findFirst().orElseThrow();
        assertTrue(beta.endsWith(",false,false"), "scored under its id, not in the account table: " + beta);
    }

    /**
     * Ids written as Excel's ="007", as Excel and ERP exports write a code to keep its leading zeros: the revenue rows
     * of account 007 written "=""007""" or ="007" (and amounts written ="30.50") are that account's, with no warning;
     * they were scored as an account ="007" of their own, "not in accounts.csv". The account table may write its ids
     * so too.
     */
    @Test
    void idsWrittenAsExcelsTextFormulaAreTheAccountsOfTheTable(@TempDir Path dir) throws Exception {
        Path data = folder(dir, """
                account_id,name,segment,strategic_value,growth_potential,engagement,satisfaction,relationship_start
                007,Bond Ltd,="Key",4,3,4,4,2018-06-01
                ="010",Ten Ltd,Small,2,2,2,3,="2023-02-01"
                """, """
                date,account_id,amount
                2026-01-05,"=""007\""",120.00
                2026-02-05,="007",="30.50"
                2026-02-06,010,49.50
                """);
        assertEquals(0, score("--data", data.toString(), "--fields", "account_id,name,segment,revenue,in_accounts_table"), stderr());
        assertEquals(List.of("account_id,name,segment,revenue,in_accounts_table", "007,Bond Ltd,Key,150.50,true",
                "010,Ten Ltd,Small,49.50,true"), csvLines());
        assertEquals("kpikit score: 2 accounts as of 2026-02-06, year to date, model 'kpikit default'", stderr().strip());
        out.reset();
        err.reset();
        // a real formula is not a text kept so: where an amount is expected, it is refused
        Files.writeString(data.resolve("revenue.csv"), "date,account_id,amount\n2026-01-05,=\"007\",120.00\n2026-02-05,007,=B2*2\n");
        assertEquals(1, score("--data", data.toString()));
        assertEquals("kpikit score: revenue.csv, line 3, column 'amount' (3): expected a decimal number, found '=B2*2'"
                + " (a spreadsheet formula, not a value: save or export the sheet with the formulas' values)", stderr().strip());
    }

    private static final String HOSTILE = "account_id,name,segment\nA,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",@SUM(1)\n"
            + "B,-12.5,+1 office\n";

    @Test
    void csvCellsThatASpreadsheetWouldRunGetALeadingQuoteButNumbersDoNot(@TempDir Path dir) throws Exception {
        Path data = folder(dir, HOSTILE, "date,account_id,amount\n2026-01-10,A,600\n2026-01-11,B,-50\n");
        assertEquals(0, score("--data", data.toString()), stderr());
        String output = out.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains(",A,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'@SUM(1),"), output);
        assertTrue(output.contains(",B,-12.5,'+1 office,-50,"), "a name that is a number stays as it is: " + output);
    }

    @Test
    void rawCsvWritesTextAsItIs(@TempDir Path dir) throws Exception {
        Path data = folder(dir, HOSTILE, "date,account_id,amount\n2026-01-10,A,600\n2026-01-11,B,50\n");
        assertEquals(0, score("--data", data.toString(), "--raw"), stderr());
        String output = out.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains(",A,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",@SUM(1),"), output);
        assertTrue(output.contains(",B,-12.5,+1 office,"), output);
    }

    /** --fields: the named columns in the named order, each cell as the full table has it, in CSV and JSON. */
    @Test
    void fieldsWritesOnlyTheNamedColumnsInTheirOrder() throws Exception {
        assertEquals(0, score("--data", startup()));
        List<org.apache.commons.csv.CSVRecord> all = csv(out.toString(StandardCharsets.UTF_8));
        out.reset();
        assertEquals(0, score("--data", startup(), "--fields", "account_id, score,tier,rank,explanation"), stderr());
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("account_id,score,tier,rank,explanation", lines.get(0));
        assertEquals("C01,75.85,KEY,1,\"KEY: 43% of revenue, strategic value 4/5\"", lines.get(1));
        List<org.apache.commons.csv.CSVRecord> selected = csv(out.toString(StandardCharsets.UTF_8));
        assertEquals(all.size(), selected.size());
        for (int row = 0; row < all.size(); row++) {
            for (String field : List.of("account_id", "score", "tier", "rank", "explanation")) {
                assertEquals(all.get(row).get(field), selected.get(row).get(field), field + " of row " + (row + 1));
            }
        }
        out.reset();
        assertEquals(0, score("--data", startup(), "--format", "json", "--fields", "revenue_growth,account_id"), stderr());
        JsonNode first = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(out.toByteArray()).get(0);
        assertEquals(List.of("revenue_growth", "account_id"), first.properties().stream().map(java.util.Map.Entry::getKey).toList());
        assertEquals("C01", first.get("account_id").asText());
        assertEquals(all.get(0).get("revenue_growth"), first.get("revenue_growth").decimalValue().toPlainString());
    }

    /** A mistyped field is refused before anything is scored (here the folder does not even exist), naming the columns. */
    @Test
    void anUnknownFieldIsRefusedWithTheColumnsThereAre(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("scores.csv");
        assertEquals(1, score("--data", dir.resolve("no-such-folder").toString(), "--fields", "rank,scor", "--out", target.toString()));
        String message = stderr().strip();
        assertTrue(message.startsWith("kpikit score: --fields: no column 'scor'; expected one or more of rank, account_id,"), message);
        assertTrue(message.endsWith(", explanation, net_negative, in_accounts_table"), message);
        assertEquals(List.of(), listed(dir));
        err.reset();
        assertEquals(1, score("--data", startup(), "--fields", "tier,rank,tier"));
        assertEquals("kpikit score: --fields: column 'tier' named twice", stderr().strip());
    }

    private static List<org.apache.commons.csv.CSVRecord> csv(String text) throws Exception {
        return org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().get().parse(new java.io.StringReader(text)).getRecords();
    }

    @Test
    void outWritesTheFileWhole(@TempDir Path dir) throws Exception {
        Path data = folder(Files.createDirectories(dir.resolve("data")),
                "account_id,name\nA,Alpha\nB,Beta\nN,Nova\n", CREDIT_NOTES);
        Path target = dir.resolve("scores.json");
        assertEquals(0, score("--data", data.toString(), "--format", "json", "--out", target.toString()), stderr());
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing on standard output");
        assertEquals(3, new ObjectMapper().readTree(target.toFile()).size());
        assertEquals(List.of(target), listed(dir));
    }

    @Test
    void aRefusalWithOutLeavesThePreviousFileUntouchedAndNoOther(@TempDir Path dir) throws Exception {
        Path data = folder(Files.createDirectories(dir.resolve("data")),
                "account_id,name\nA,Alpha\nA,Alpha again\n", CREDIT_NOTES);
        Path target = dir.resolve("scores.csv");
        Files.writeString(target, "previous good output\n");
        assertEquals(1, score("--data", data.toString(), "--out", target.toString()));
        assertEquals("previous good output\n", Files.readString(target));
        assertEquals(List.of(target), listed(dir));
    }

    @Test
    void outBelowARegularFileSaysItIsNotADirectory(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        assertEquals(1, score("--data", startup(), "--out", file.resolve("scores.csv").toString()));
        assertEquals("kpikit score: cannot write to " + file.resolve("scores.csv") + ": " + file + " is not a directory",
                stderr().strip());
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void outNamingAnInputTableIsRefusedAndTheLedgerKept(@TempDir Path dir) throws Exception {
        Path data = folder(dir, "account_id,name\nA,Alpha\nB,Beta\nN,Nova\n", CREDIT_NOTES);
        Path sameFile = data.resolve(".").resolve("revenue.csv");
        assertEquals(1, score("--data", data.toString(), "--fields", "account_id,score", "--out", sameFile.toString()));
        assertEquals("kpikit score: cannot write to " + sameFile + ": it is " + data.resolve("revenue.csv")
                + ", which this command reads; name another file", stderr().strip());
        assertEquals(CREDIT_NOTES, Files.readString(data.resolve("revenue.csv")));
    }

    @Test
    void outThroughALinkToTheAccountTableOrTheModelIsRefused(@TempDir Path dir) throws Exception {
        Path data = folder(Files.createDirectories(dir.resolve("data")), "account_id,name\nA,Alpha\n", CREDIT_NOTES);
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), data.resolve("accounts.csv"));
        assertEquals(1, score("--data", data.toString(), "--out", link.toString()));
        assertTrue(stderr().contains(": it is " + data.resolve("accounts.csv") + ", which this command reads"), stderr());
        Path model = Files.copy(SharedEngine.home().resolve("plugin/src/main/resources/dev/kpikit/scoring/default-model.json"),
                dir.resolve("model.json"));
        String before = Files.readString(model);
        assertEquals(1, score("--data", data.toString(), "--model", model.toString(), "--out", model.toString()));
        assertEquals(before, Files.readString(model));
        assertEquals("account_id,name\nA,Alpha\n", Files.readString(data.resolve("accounts.csv")));
    }

    @Test
    void outBesideTheTablesInTheDataFolderIsWritten(@TempDir Path dir) throws Exception {
        Path data = folder(dir, "account_id,name\nA,Alpha\n", CREDIT_NOTES);
        assertEquals(0, score("--data", data.toString(), "--out", data.resolve("scores.csv").toString()), stderr());
        assertTrue(Files.readString(data.resolve("scores.csv")).startsWith("rank,account_id,"));
    }

    @Test
    void outNamingADirectoryIsRefusedNamingItNotATemporaryFile(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("outdir"));
        assertEquals(1, score("--data", startup(), "--out", folder.toString()));
        assertEquals("kpikit score: cannot write to " + folder + ": it is a directory; name a file", stderr().strip());
        assertEquals(List.of(), listed(dir), "no temporary file left");
    }

    @Test
    void outGetsTheModeOfAPlainNewFile(@TempDir Path dir) throws Exception {
        Path plain = Files.createFile(dir.resolve("plain.txt")); // what the umask gives any new file
        Path target = dir.resolve("scores.csv");
        assertEquals(0, score("--data", startup(), "--out", target.toString()), stderr());
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void outReplacingAFileKeepsItsMode(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("scores.csv"), "previous\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(0, score("--data", startup(), "--out", target.toString()), stderr());
        assertTrue(Files.readString(target).startsWith("rank,account_id,"));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    /** The files directly in a folder, not its sub-folders. */
    private static List<Path> listed(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
