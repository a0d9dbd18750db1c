package dev.kpikit.runner.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.engine.SharedEngine;
import dev.kpikit.scoring.AccountReport;
import dev.kpikit.scoring.FactorScore;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.ScoringModel;

/** The live scoring workbook read back with POI: layout, formats, formulas, and POI's recalculation against kpikit. */
class ScoringWorkbookTest {

    @TempDir
    Path temp;

    static String defaultModelJson() throws Exception {
        try (InputStream in = ScoringModel.class.getResourceAsStream("default-model.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void startupWorkbookHasLiveFormulasFormatsPanesFiltersAndProperties() throws Exception {
        Path file = Workbooks.write(SharedEngine.sampleData("startup"), null, temp.resolve("startup.xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
            assertEquals(List.of("Model", "Accounts", "KPIs"),
                    List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)));

            XSSFSheet model = workbook.getSheet("Model");
            assertEquals("revenue_share", model.getRow(1).getCell(0).getStringCellValue());
            assertEquals(30, model.getRow(1).getCell(2).getNumericCellValue());
            assertEquals(CellType.NUMERIC, model.getRow(1).getCell(2).getCellType());
            Name weight = workbook.getName("W_0");
            assertEquals("Model!$C$2", weight.getRefersToFormula());
            assertEquals("Model!$A$11:$A$14", workbook.getName("TierNames").getRefersToFormula());
            assertEquals("KEY", model.getRow(10).getCell(0).getStringCellValue());
            assertEquals(70, model.getRow(10).getCell(1).getNumericCellValue());

            XSSFSheet accounts = workbook.getSheet("Accounts");
            assertEquals(41, accounts.getPhysicalNumberOfRows(), "header and 40 accounts");
            PaneInformation pane = accounts.getPaneInformation();
            assertTrue(pane.isFreezePane());
            assertEquals(1, pane.getHorizontalSplitPosition());
            assertEquals(2, pane.getVerticalSplitPosition());
            assertTrue(accounts.getCTWorksheet().isSetAutoFilter());
            assertTrue(accounts.getCTWorksheet().getAutoFilter().getRef().startsWith("A1:"));
            // printed at full size, several pages wide, the account columns on each (not squeezed onto one page)
            assertFalse(accounts.getFitToPage());
            assertEquals(100, accounts.getPrintSetup().getScale());
            assertTrue(accounts.getPrintSetup().getLandscape());
            assertEquals(0, accounts.getRepeatingColumns().getFirstColumn(), "account columns repeated on printed pages");
            assertEquals(1, accounts.getRepeatingColumns().getLastColumn());
            assertEquals(0, accounts.getRepeatingRows().getFirstRow(), "header row repeated on printed pages");
            assertEquals(0, accounts.getRepeatingRows().getLastRow());
            assertNotNull(workbook.getPrintArea(1));

            Row first = accounts.getRow(1);
            Cell revenue = first.getCell(Workbooks.column(accounts, "revenue"));
            assertEquals(CellType.NUMERIC, revenue.getCellType());
            assertEquals("#,##0.00", revenue.getCellStyle().getDataFormatString());
            assertEquals("0.0%", first.getCell(Workbooks.column(accounts, "revenue_share")).getCellStyle().getDataFormatString());
            Cell normal = first.getCell(Workbooks.column(accounts, "revenue_share normalised"));
            assertEquals(CellType.FORMULA, normal.getCellType());
            assertTrue(normal.getCellFormula().contains("Min_0") && normal.getCellFormula().contains("Max_0"), normal.getCellFormula());
            Cell exact = first.getCell(Workbooks.column(accounts, "revenue_share exact points"));
            assertTrue(exact.getCellFormula().contains("100*W_0*"), exact.getCellFormula());
            Cell points = first.getCell(Workbooks.column(accounts, "revenue_share points"));
            assertTrue(points.getCellFormula().startsWith("ROUNDDOWN("), points.getCellFormula());
            Cell score = first.getCell(Workbooks.column(accounts, "Score"));
            assertEquals(CellType.FORMULA, score.getCellType());
            assertTrue(score.getCellFormula().startsWith("ROUND(SUM("), score.getCellFormula());
            Cell tier = first.getCell(Workbooks.column(accounts, "Tier"));
            assertTrue(tier.getCellFormula().startsWith("INDEX(TierNames,"), tier.getCellFormula());
            assertTrue(first.getCell(Workbooks.column(accounts, "Tier position")).getCellFormula().contains("RuleValue_1"));
            // cached results are written: the top account as kpikit ranks it
            assertEquals("C01", first.getCell(0).getStringCellValue());
            assertEquals(75.85, score.getNumericCellValue(), 0.005);
            assertEquals("KEY", tier.getStringCellValue());

            XSSFSheet kpis = workbook.getSheet("KPIs");
            assertTrue(kpis.getPaneInformation().isFreezePane());
            assertTrue(kpis.getCTWorksheet().isSetAutoFilter());
            Cell period = kpis.getRow(1).getCell(0);
            assertEquals(CellType.NUMERIC, period.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(period));
            assertTrue(kpis.getSheetConditionalFormatting().getNumConditionalFormattings() >= 2);
            assertNotNull(kpis.getSheetConditionalFormatting().getConditionalFormattingAt(0).getRule(0).getMultiStateFormatting(),
                    "an icon set on the status score");
            assertEquals(1, kpis.getDrawingPatriarch().getCharts().size());
            assertTrue(kpis.getDrawingPatriarch().getCharts().getFirst().getCTChart().getPlotArea().sizeOfLineChartArray() == 1);

            var properties = workbook.getProperties();
            assertEquals("kpikit scoring workbook: startup", properties.getCoreProperties().getTitle());
            assertEquals("2026-10-31", properties.getCustomProperties().getProperty("kpikit.asOf").getLpwstr());
            assertEquals("kpikit default", properties.getCustomProperties().getProperty("kpikit.model").getLpwstr());
            assertEquals("startup", properties.getCustomProperties().getProperty("kpikit.scenario").getLpwstr());
        }
    }

    /**
     * A KPI's status on the KPIs sheet is in the words the reports show, in the workbook's language (it was the code:
     * GREEN, NO_VALUE, ...), and is still red or green: the colour rules compare the cell with those words.
     */
    @Test
    void kpiStatusesAreTheReportsWordsInTheWorkbooksLanguage() throws Exception {
        Path data = SharedEngine.sampleData("startup");
        assertStatusWords(Workbooks.write(data, null, temp.resolve("en.xlsx"), false, Locale.ENGLISH),
                List.of("On target", "Near target", "Off target", "No value", "No target"));
        assertStatusWords(Workbooks.write(data, null, temp.resolve("fr.xlsx"), false, Locale.FRENCH),
                List.of("Objectif atteint", "Proche de l'objectif", "Hors objectif", "Sans valeur", "Sans objectif"));
    }

    /**
     * Each KPI row's status is the word of its status score (0.5 and above green, -0.5 and below red, amber between;
     * without a score: no value when there is a target, else no target); {@code words} are green, amber, red, no value,
     * no target.
     */
    private static void assertStatusWords(Path file, List<String> words) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
            XSSFSheet kpis = workbook.getSheetAt(ScoringLayout.SheetName.KPIS.ordinal()); // its name is in the language too
            int status = ScoringLayout.KpiColumn.STATUS.ordinal();
            int score = ScoringLayout.KpiColumn.STATUS_SCORE.ordinal();
            int target = ScoringLayout.KpiColumn.TARGET.ordinal();
            Set<String> seen = new HashSet<>();
            for (int r = 1; r <= kpis.getLastRowNum(); r++) {
                Row row = kpis.getRow(r);
                Cell scored = row.getCell(score);
                String expected;
                if (scored == null) {
                    expected = words.get(row.getCell(target) == null ? 4 : 3);
                } else {
                    double s = scored.getNumericCellValue();
                    expected = words.get(s >= 0.5 ? 0 : s <= -0.5 ? 2 : 1);
                }
                assertEquals(expected, row.getCell(status).getStringCellValue(), "row " + (r + 1));
                seen.add(expected);
            }
            assertTrue(seen.containsAll(List.of(words.get(0), words.get(2))), "green and red among " + seen);
            var colours = kpis.getSheetConditionalFormatting().getConditionalFormattingAt(1);
            assertEquals(status, colours.getFormattingRanges()[0].getFirstColumn());
            assertEquals("\"" + words.get(2) + "\"", colours.getRule(0).getFormula1());
            assertEquals(IndexedColors.RED.getIndex(), colours.getRule(0).getFontFormatting().getFontColorIndex());
            assertEquals("\"" + words.get(0) + "\"", colours.getRule(1).getFormula1());
            assertEquals(IndexedColors.GREEN.getIndex(), colours.getRule(1).getFontFormatting().getFontColorIndex());
        }
    }

    @Test
    void poiRecalculatesKpikitsScoresAndTiers() throws Exception {
        Path data = SharedEngine.sampleData("consultancy");
        Path file = Workbooks.write(data, null, temp.resolve("consultancy.xlsx"));
        assertMatchesKpikit(file, Workbooks.portfolio(data, ScoringModel.defaultModel()), null);
    }

    @Test
    void aChangedWeightInExcelRescoresLikeKpikitWithThatWeight() throws Exception {
        Path data = SharedEngine.sampleData("startup");
        Path file = Workbooks.write(data, null, temp.resolve("startup.xlsx"));
        ScoringModel heavier = ScoringModel.parse(defaultModelJson().replace("\"weight\": 30", "\"weight\": 60"), "heavier");
        Portfolio expected = Workbooks.portfolio(data, heavier);
        assertMatchesKpikit(file, expected, workbook -> workbook.getSheet("Model").getRow(1).getCell(2).setCellValue(60));
        // and the tiers did move
        assertFalse(Workbooks.kpikitTiers(expected).equals(Workbooks.kpikitTiers(Workbooks.portfolio(data, ScoringModel.defaultModel()))));
    }

    @Test
    void populationNormalisationsAndMissingPoliciesAsFormulas() throws Exception {
        String json = """
                { "name": "population",
                  "factors": [
                    { "id": "revenue",     "weight": 25, "normalisation": "PERCENTILE_RANK", "missing": "ZERO" },
                    { "id": "revenue_growth", "weight": 10, "normalisation": "MIN_MAX", "missing": "MEAN" },
                    { "id": "strategic_value", "weight": 20, "normalisation": "PERCENTILE_RANK", "missing": "MEDIAN" },
                    { "id": "engagement",  "weight": 15, "normalisation": "MIN_MAX", "missing": "EXCLUDE" },
                    { "id": "satisfaction", "weight": 15, "normalisation": "FIXED_SCALE", "min": 1, "max": 5, "missing": "MEAN" },
                    { "id": "relationship_years", "weight": 15, "normalisation": "FIXED_SCALE", "min": 0, "max": 8, "missing": "ZERO" }
                  ],
                  "tiers": [ { "name": "A", "minScore": 60 }, { "name": "B", "minScore": 40 }, { "name": "C", "minScore": 0 } ],
                  "rules": [ { "type": "maxTierBelowShare", "tier": "B", "minShare": 0.02 },
                             { "type": "minTierWhen", "factor": "strategic_value", "equals": 5, "tier": "B" } ] }
                """;
        ScoringModel model = ScoringModel.parse(json, "population.json");
        for (String scenario : List.of("consultancy", "agency")) {
            Path data = SharedEngine.sampleData(scenario);
            Path file = Workbooks.write(data, model, temp.resolve(scenario + ".xlsx"));
            assertMatchesKpikit(file, Workbooks.portfolio(data, model), null);
        }
    }

    /** Credit notes: C05 net-negative this year (share 0 in the Accounts sheet), C07 net-negative last year (growth blank). */
    @Test
    void poiRecalculatesKpikitsScoresWithNetNegativeAccounts() throws Exception {
        Path data = Workbooks.copyFolder(SharedEngine.sampleData("startup"), temp.resolve("credit-notes"));
        Files.writeString(data.resolve("revenue.csv"), "2026-10-30,C05,-10000000\n2025-06-01,C07,-10000000\n",
                java.nio.file.StandardOpenOption.APPEND);
        Portfolio expected = Workbooks.portfolio(data, ScoringModel.defaultModel());
        AccountReport c05 = expected.accounts().stream().filter(a -> a.account().id().equals("C05")).findFirst().orElseThrow();
        assertTrue(c05.netNegative());
        assertEquals(0, BigDecimal.ZERO.compareTo(c05.account().input(dev.kpikit.scoring.FactorInput.REVENUE_SHARE)));
        Path file = Workbooks.write(data, null, temp.resolve("credit-notes.xlsx"));
        assertMatchesKpikit(file, expected, null);
    }

    @Test
    void anAccountNamedLikeAFormulaStaysText() throws Exception {
        Path data = Workbooks.copyFolder(SharedEngine.sampleData("startup"), temp.resolve("startup"));
        Path accounts = data.resolve("accounts.csv");
        List<String> lines = Files.readAllLines(accounts);
        String evil = "=HYPERLINK(\"\"http://example.com/x\"\",\"\"click\"\")";
        lines.set(2, lines.get(2).replaceFirst("^C02,[^,]*,[^,]*,", "C02,\"" + evil + "\",@SUM(A1),"));
        Files.write(accounts, lines);
        Path file = Workbooks.write(data, null, temp.resolve("evil.xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = workbook.getSheet("Accounts");
            boolean found = false;
            for (Row row : sheet) {
                if (row.getCell(0).getStringCellValue().equals("C02")) {
                    Cell name = row.getCell(1);
                    assertEquals(CellType.STRING, name.getCellType());
                    assertEquals("=HYPERLINK(\"http://example.com/x\",\"click\")", name.getStringCellValue());
                    assertTrue(name.getCellStyle().getQuotePrefixed());
                    assertEquals(CellType.STRING, row.getCell(2).getCellType());
                    assertEquals("@SUM(A1)", row.getCell(2).getStringCellValue());
                    found = true;
                }
            }
            assertTrue(found);
        }
    }

    interface Edit {
        void apply(XSSFWorkbook workbook);
    }

    /** Clears the cached results, recalculates every formula with POI and compares with kpikit. */
    static void assertMatchesKpikit(Path file, Portfolio expected, Edit edit) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            if (edit != null) {
                edit.apply(workbook);
            }
            XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            evaluator.clearAllCachedResultValues();
            evaluator.evaluateAll();
            XSSFSheet accounts = workbook.getSheet("Accounts");
            Map<String, Double> scores = Workbooks.numbers(accounts, "Score");
            Map<String, String> tiers = Workbooks.texts(accounts, "Tier");
            Map<String, BigDecimal> kpikit = Workbooks.kpikitScores(expected);
            Map<String, String> kpikitTiers = Workbooks.kpikitTiers(expected);
            assertEquals(kpikit.keySet(), scores.keySet());
            kpikit.forEach((id, score) -> {
                assertEquals(score.doubleValue(), scores.get(id), 0.01, () -> file.getFileName() + " " + id);
                assertEquals(kpikitTiers.get(id), tiers.get(id), () -> file.getFileName() + " " + id + " at " + score);
            });
            // each factor's points in cents, as kpikit rounds them (largest remainder), adding up to the score
            Map<String, Map<String, Double>> points = new java.util.HashMap<>();
            Map<String, Map<String, Double>> exact = new java.util.HashMap<>();
            int roundedUp = 0;
            for (AccountReport report : expected.accounts()) {
                String id = report.account().id();
                double sum = 0;
                for (FactorScore factor : report.score().factors()) {
                    String f = factor.factorId();
                    double cents = points.computeIfAbsent(f, k -> Workbooks.numbers(accounts, k + " points")).get(id);
                    assertEquals(factor.points().doubleValue(), cents, 1e-9, () -> file.getFileName() + " " + id + " " + f);
                    sum += cents;
                    roundedUp += cents > exact.computeIfAbsent(f, k -> Workbooks.numbers(accounts, k + " exact points")).get(id) + 1e-9 ? 1 : 0;
                }
                assertEquals(report.score().score().doubleValue(), sum, 1e-9, () -> file.getFileName() + " " + id + ": the points add up to the score");
            }
            assertTrue(roundedUp > 0, "some points got the cent their remainder earned");
        }
    }

    /** A folder beyond one Excel sheet is refused before anything is written, saying how many accounts fit. */
    @Test
    void moreAccountsThanASheetHoldsAreRefusedAtOnce() {
        ScoringWorkbook.fitsOneSheet(1_048_575);
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ScoringWorkbook.fitsOneSheet(1_048_576));
        assertEquals("1,048,576 accounts do not fit on a workbook's Accounts sheet: an Excel sheet holds 1,048,576 rows,"
                + " a header and 1,048,575 accounts; score them to a CSV file instead (kpikit score --out FILE.csv), or"
                + " split the data folder", refused.getMessage());
    }

    /**
     * Streamed (as a workbook of 20,000 accounts or more is: rows written a window at a time, text inline, temporary
     * files gzipped), the workbook has the cells it has written whole: text, numbers, formulas, formats, quote prefixes.
     * Only the formulas' cached results differ: streaming leaves them to the spreadsheet.
     */
    @Test
    void aStreamedWorkbookHasTheCellsOfOneWrittenWhole() throws Exception {
        Path data = SharedEngine.sampleData("startup");
        Path whole = Workbooks.write(data, null, temp.resolve("whole.xlsx"), false, Locale.ENGLISH);
        Path streamed = Workbooks.write(data, null, temp.resolve("streamed.xlsx"), true, Locale.ENGLISH);
        try (XSSFWorkbook expected = new XSSFWorkbook(whole.toFile()); XSSFWorkbook actual = new XSSFWorkbook(streamed.toFile())) {
            assertEquals(expected.getNumberOfSheets(), actual.getNumberOfSheets());
            int cells = 0;
            for (int s = 0; s < expected.getNumberOfSheets(); s++) {
                XSSFSheet sheet = expected.getSheetAt(s);
                XSSFSheet other = actual.getSheetAt(s);
                assertEquals(sheet.getSheetName(), other.getSheetName());
                assertEquals(sheet.getLastRowNum(), other.getLastRowNum(), sheet.getSheetName());
                for (Row row : sheet) {
                    Row otherRow = other.getRow(row.getRowNum());
                    assertEquals(row.getLastCellNum(), otherRow.getLastCellNum(), sheet.getSheetName() + " row " + row.getRowNum());
                    for (Cell cell : row) {
                        Cell otherCell = otherRow.getCell(cell.getColumnIndex());
                        String where = sheet.getSheetName() + "!" + cell.getAddress();
                        assertEquals(cell.getCellType(), otherCell.getCellType(), where);
                        switch (cell.getCellType()) {
                            case FORMULA -> assertEquals(cell.getCellFormula(), otherCell.getCellFormula(), where);
                            case STRING -> assertEquals(cell.getStringCellValue(), otherCell.getStringCellValue(), where);
                            case NUMERIC -> assertEquals(cell.getNumericCellValue(), otherCell.getNumericCellValue(), where);
                            case BOOLEAN -> assertEquals(cell.getBooleanCellValue(), otherCell.getBooleanCellValue(), where);
                            default -> { }
                        }
                        assertEquals(cell.getCellStyle().getDataFormatString(), otherCell.getCellStyle().getDataFormatString(), where);
                        assertEquals(cell.getCellStyle().getQuotePrefixed(), otherCell.getCellStyle().getQuotePrefixed(), where);
                        cells++;
                    }
                }
            }
            assertTrue(cells > 40 * 30, cells + " cells compared");
        }
    }
}
