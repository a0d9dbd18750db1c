package dev.kpikit.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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

    /**
     * {@code --locale fr}: a French finance user sees the sheets, headings, notes and period lengths in French (they
     * were English whatever the language), the model's own names (factor ids, tiers) as its file writes them, and the
     * formulas, now over sheet Modèle, still recalculate to kpikit's own scores and tiers.
     */
    @Test
    void aFrenchWorkbookIsInFrenchAndStillRecalculatesToKpikitsScores() throws Exception {
        Path out = temp.resolve("startup-fr.xlsx");
        assertEquals(0, workbook("--data", SharedEngine.sampleData("startup").toString(), "--out", out.toString(),
                "--locale", "fr"), err.toString(StandardCharsets.UTF_8));
        try (XSSFWorkbook workbook = new XSSFWorkbook(out.toFile())) {
            assertEquals(List.of("Mod\u00e8le", "Comptes", "Indicateurs"),
                    List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)));
            Sheet model = workbook.getSheet("Mod\u00e8le");
            assertEquals(List.of("Facteur", "Donn\u00e9e", "Pond\u00e9ration", "Normalisation", "Min", "Max", "Valeur manquante",
                    "Remplacement (moyenne/m\u00e9diane)"), texts(model.getRow(0)));
            int tiers = rowStarting(model, "Niveau");
            assertEquals(List.of("Niveau", "Score minimum", "Position"), texts(model.getRow(tiers)));
            int rules = rowStarting(model, "R\u00e8gle");
            assertEquals(List.of("R\u00e8gle", "Niveau", "Donn\u00e9e", "Seuil", "Signification"), texts(model.getRow(rules)));
            assertEquals("jamais mieux que ce niveau tant que la part du chiffre d\u2019affaires est sous le seuil",
                    model.getRow(rules + 1).getCell(4).getStringCellValue());
            assertEquals("KEY", model.getRow(tiers + 1).getCell(0).getStringCellValue(), "the model's tier names");
            assertEquals("Mod\u00e8le!$C$2", workbook.getName("W_0").getRefersToFormula(), "the defined names keep their names");

            Sheet accounts = workbook.getSheet("Comptes");
            List<String> headings = texts(accounts.getRow(0));
            assertEquals(List.of("ID du compte", "Nom", "Segment", "revenue"), headings.subList(0, 4));
            assertTrue(headings.containsAll(List.of("revenue_share normalis\u00e9", "revenue_share points exacts",
                    "revenue_share points", "Pond\u00e9ration retenue", "Centimes manquants", "Score", "Niveau du score",
                    "Rang du niveau", "Niveau", "Score kpikit", "Niveau kpikit")), headings.toString());

            var kpis = workbook.getSheet("Indicateurs");
            assertEquals(List.of("P\u00e9riode", "Granularit\u00e9", "Indicateur", "Libell\u00e9", "Valeur", "Objectif", "Statut",
                    "Note de statut", "Tendance"), texts(kpis.getRow(0)));
            assertEquals("Mois", kpis.getRow(1).getCell(1).getStringCellValue());
            assertTrue(kpis.getDrawingPatriarch().getCharts().getFirst().getTitleText().getString().endsWith(" : valeur et objectif"));
            assertEquals("Classeur de scoring kpikit : startup", workbook.getProperties().getCoreProperties().getTitle());

            // recalculated from scratch, every score and tier is kpikit's own, written beside them
            var evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            evaluator.clearAllCachedResultValues();
            evaluator.evaluateAll();
            int score = headings.indexOf("Score");
            int tier = headings.indexOf("Niveau");
            for (int r = 1; r <= accounts.getLastRowNum(); r++) {
                Row row = accounts.getRow(r);
                String id = row.getCell(0).getStringCellValue();
                assertEquals(row.getCell(headings.indexOf("Score kpikit")).getNumericCellValue(), row.getCell(score).getNumericCellValue(), 0.001, id);
                assertEquals(row.getCell(headings.indexOf("Niveau kpikit")).getStringCellValue(), row.getCell(tier).getStringCellValue(), id);
            }
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new java.util.ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    private static int rowStarting(Sheet sheet, String text) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && text.equals(row.getCell(0).getStringCellValue())) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row starting with " + text + " on " + sheet.getSheetName());
    }

    /**
     * The startup sample with its metric table as JSON instead of CSV: the same KPI rows (a metrics.csv was looked for and
     * the KPIs sheet left out without a word); no metric table at all is said.
     */
    @Test
    void aMetricTableInAnotherFormatGivesTheSameKpisAndNoneIsSaid() throws Exception {
        Path data = Files.createDirectories(temp.resolve("startup"));
        Path startup = SharedEngine.sampleData("startup");
        for (String file : List.of("accounts.csv", "revenue.csv", "kpi-catalog.json")) {
            Files.copy(startup.resolve(file), data.resolve(file));
        }
        assertEquals(0, workbook("--data", data.toString(), "--out", temp.resolve("none.xlsx").toString()), err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("kpikit workbook: warning: kpi-catalog.json without a metric table"
                + " (metrics.csv, .xlsx, .json or .jdbc): the workbook has no KPIs sheet"), err.toString(StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(startup.resolve("metrics.csv"));
        String[] header = lines.get(0).split(",");
        StringBuilder json = new StringBuilder("[");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            json.append(json.length() > 1 ? ",\n" : "").append("{\"date\": \"").append(cells[0]).append('"');
            for (int i = 1; i < header.length; i++) {
                json.append(", \"").append(header[i]).append("\": ").append(cells[i].isEmpty() ? "null" : cells[i]);
            }
            json.append('}');
        }
        Files.writeString(data.resolve("metrics.json"), json.append("]\n"));
        err.reset();
        assertEquals(0, workbook("--data", data.toString(), "--out", temp.resolve("json.xlsx").toString()), err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(0, workbook("--data", startup.toString(), "--out", temp.resolve("csv.xlsx").toString()), err.toString(StandardCharsets.UTF_8));
        String kpiRows = err.toString(StandardCharsets.UTF_8).replaceAll("(?s).*model '[^']*', (\\d+ KPI rows).*", "$1");
        try (XSSFWorkbook fromJson = new XSSFWorkbook(temp.resolve("json.xlsx").toFile());
                XSSFWorkbook fromCsv = new XSSFWorkbook(temp.resolve("csv.xlsx").toFile())) {
            assertEquals(fromCsv.getSheet("KPIs").getPhysicalNumberOfRows(), fromJson.getSheet("KPIs").getPhysicalNumberOfRows(), kpiRows);
            assertTrue(fromJson.getSheet("KPIs").getPhysicalNumberOfRows() > 10);
        }
    }

    @Test
    void aMissingFolderIsOneLine() {
        assertEquals(1, workbook("--data", temp.resolve("nowhere").toString(), "--out", temp.resolve("x.xlsx").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("kpikit workbook: no data folder at "));
    }

    @Test
    void revenueOfIdsMissingFromTheAccountTableIsWarnedOnce() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("accounts.csv"), "account_id,name\nA,Alpha\n");
        Files.writeString(data.resolve("revenue.csv"), "date,account_id,amount\n2026-01-10,A,600\n2026-01-11,X9,50\n"
                + "2026-01-12,X10,50\n2026-01-13,Z1,5\n2026-01-14,Z1,5\n");
        assertEquals(0, workbook("--data", data.toString(), "--out", temp.resolve("scores.xlsx").toString()),
                err.toString(StandardCharsets.UTF_8));
        List<String> warnings = err.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("warning")
                && !line.contains("no column for field")).toList(); // the table has no judgements either: said apart
        assertEquals(List.of("kpikit workbook: warning: 3 account ids in revenue.csv are not in accounts.csv (X10, X9, Z1);"
                + " scored under their id"), warnings);
    }

    /**
     * A name longer than an Excel cell holds (a description pasted into the name column): POI refused the cell and the
     * command failed with POI's own words, naming neither file nor account; now the name is cut as render cuts it in a
     * report's XLSX, and said.
     */
    @Test
    void aNameLongerThanACellHoldsIsCutAndSaid() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        String longName = "Café Müller ".repeat(4_000) + "GmbH"; // 48,004 characters
        Files.writeString(data.resolve("accounts.csv"), "account_id,name\nA,Alpha\nB," + longName + "\n");
        Files.writeString(data.resolve("revenue.csv"), "date,account_id,amount\n2026-01-10,A,600\n2026-01-11,B,50\n");
        Path out = temp.resolve("scores.xlsx");
        assertEquals(0, workbook("--data", data.toString(), "--out", out.toString()), err.toString(StandardCharsets.UTF_8));
        List<String> warnings = err.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("longer")).toList();
        assertEquals(List.of("kpikit workbook: warning: scores.xlsx: text longer than an Excel cell holds (32,767 characters)"
                + " was cut and ends in '\u2026': sheet 'Accounts', cell B3, column 'Name' (48,004 characters)"), warnings);
        try (XSSFWorkbook workbook = new XSSFWorkbook(out.toFile())) {
            String name = workbook.getSheet("Accounts").getRow(2).getCell(1).getStringCellValue();
            assertEquals(longName.substring(0, 32_766) + "\u2026", name);
            assertEquals("B", workbook.getSheet("Accounts").getRow(2).getCell(0).getStringCellValue());
        }
    }

    @Test
    void aModelThatClampsWarnsForEachAccountItClamped() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("accounts.csv"), "account_id,name,satisfaction\nA,Alpha,7\nB,Beta,4\nC,Cog,0\n");
        Files.writeString(data.resolve("revenue.csv"), "date,account_id,amount\n2026-01-10,A,600\n2026-01-11,B,50\n");
        Files.writeString(data.resolve("scoring-model.json"), """
                { "outOfRange": "CLAMP", "factors": [
                  { "id": "satisfaction", "weight": 1, "normalisation": "FIXED_SCALE", "min": 1, "max": 5 } ] }
                """);
        assertEquals(0, workbook("--data", data.toString(), "--out", temp.resolve("scores.xlsx").toString()),
                err.toString(StandardCharsets.UTF_8));
        List<String> warnings = err.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("warning")).toList();
        assertEquals(List.of(
                "kpikit workbook: warning: accounts.csv, line 2, account 'A': satisfaction 7 clamped to 5 (scale 1 to 5)",
                "kpikit workbook: warning: accounts.csv, line 4, account 'C': satisfaction 0 clamped to 1 (scale 1 to 5)"), warnings);
        try (XSSFWorkbook workbook = new XSSFWorkbook(temp.resolve("scores.xlsx").toFile())) {
            var accounts = workbook.getSheet("Accounts");
            int satisfaction = 0;
            while (!accounts.getRow(0).getCell(satisfaction).getStringCellValue().equals("satisfaction")) {
                satisfaction++;
            }
            assertEquals(5, accounts.getRow(1).getCell(satisfaction).getNumericCellValue(), "A, clamped, ranks first");
        }
    }

    @Test
    void theWorkbookGetsTheModeOfAPlainNewFileAndAReplacedOneKeepsItsOwn() throws Exception {
        Path plain = Files.createFile(temp.resolve("plain.txt")); // what the umask gives any new file
        Path created = temp.resolve("created.xlsx");
        assertEquals(0, workbook("--data", SharedEngine.sampleData("startup").toString(), "--out", created.toString()),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(created)));
        Path replaced = Files.writeString(temp.resolve("replaced.xlsx"), "previous");
        Files.setPosixFilePermissions(replaced, PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, workbook("--data", SharedEngine.sampleData("startup").toString(), "--out", replaced.toString()),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.size(replaced) > 1000, "the workbook, not the previous text");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(replaced)));
    }

    @Test
    void outNamingADirectoryIsRefusedNamingIt() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("outdir"));
        assertEquals(1, workbook("--data", SharedEngine.sampleData("startup").toString(), "--out", folder.toString()));
        assertEquals("kpikit workbook: cannot write to " + folder + ": it is a directory; name a file",
                err.toString(StandardCharsets.UTF_8).strip());
        try (var left = Files.list(temp)) {
            assertEquals(List.of(folder), left.toList(), "no temporary file left");
        }
    }

    @Test
    void outNamingTheKpiCatalogItReadsIsRefused() throws Exception {
        Path data = Files.createDirectories(temp.resolve("startup"));
        try (var files = Files.list(SharedEngine.sampleData("startup"))) {
            for (Path file : files.toList()) {
                Files.copy(file, data.resolve(file.getFileName()));
            }
        }
        byte[] catalog = Files.readAllBytes(data.resolve("kpi-catalog.json"));
        Path target = data.resolve("../startup/kpi-catalog.json");
        assertEquals(1, workbook("--data", data.toString(), "--out", target.toString()));
        assertEquals("kpikit workbook: cannot write to " + target + ": it is " + data.resolve("kpi-catalog.json")
                + ", which this command reads; name another file", err.toString(StandardCharsets.UTF_8).strip());
        assertTrue(java.util.Arrays.equals(catalog, Files.readAllBytes(data.resolve("kpi-catalog.json"))));
    }

    @Test
    void anImpossibleAsOfIsOneLineWithoutTheUsage() {
        Path out = temp.resolve("scores.xlsx");
        assertEquals(1, workbook("--data", SharedEngine.sampleData("startup").toString(), "--as-of", "2026-02-30",
                "--out", out.toString()));
        assertEquals("kpikit workbook: --as-of: '2026-02-30' is not a day of the calendar; expected a date yyyy-MM-dd",
                err.toString(StandardCharsets.UTF_8).strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void anAsOfBeyondYear9999IsOneLineNamingTheRange() {
        Path out = temp.resolve("scores.xlsx");
        assertEquals(1, workbook("--data", SharedEngine.sampleData("startup").toString(), "--as-of", "+999999999-12-31",
                "--out", out.toString()));
        assertEquals("kpikit workbook: --as-of: '+999999999-12-31' is outside the calendar kpikit reckons with;"
                + " expected a date yyyy-MM-dd from 0001-01-01 to 9999-12-31", err.toString(StandardCharsets.UTF_8).strip());
        assertFalse(Files.exists(out));
    }
}
