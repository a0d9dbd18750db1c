package dev.kpikit.runner.engine;

import static dev.kpikit.runner.engine.ScenarioReports.assertContains;
import static dev.kpikit.runner.engine.ScenarioReports.format;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.engine.KpiScorecardReportTest.Kpi;

/**
 * report-templates/agency.rptdesign on sample-data/agency, rendered to PDF and XLSX in the six languages.
 *
 * The KPIs are summed per month from metrics.csv with BigDecimal (KpiScorecardReportTest.kpisByMonth), the clients'
 * fee shares from revenue.csv. By hand, 2026-10 reads: click-through 1.11 % (target 1.05 %) on target and falling,
 * conversion 3.36 % (4 %) off target and falling, return on ad spend 3.13 (3.5) near target and falling, cost per
 * acquisition 35.72 (36, lower is better) on target and rising. The high-profile client Northwind Retail has 18.3 %
 * of the year's fees and ranks first, Fjord Travel (11.4 %) second. The agency's own model (scoring-model.json)
 * weighs strategic value and engagement above fees, so the high-profile client is KEY for those two reasons and Fjord
 * Travel, second by fees, stays GROWTH.
 */
class AgencyReportTest {

    // the agency catalog's KPIs, as the scorecard test writes them out
    private static final List<Kpi> KPIS = KpiScorecardReportTest.KPIS;
    private static final double DEAD_BAND = KpiScorecardReportTest.DEAD_BAND;

    @TempDir
    static Path out;
    static Map<String, Map<String, BigDecimal>> kpis;
    static Map<String, Double> shares;

    @BeforeAll
    static void render() throws Exception {
        kpis = KpiScorecardReportTest.kpisByMonth(SharedEngine.sampleData("agency").resolve("metrics.csv"));
        shares = StartupReportTest.yearToDateShares(SharedEngine.sampleData("agency").resolve("revenue.csv"), "2026");
        ScenarioReports.renderAllLocales("agency.rptdesign", Map.of("dataFolder", SharedEngine.sampleData("agency").toString()), out);
    }

    static double value(String month, Kpi kpi) {
        return kpis.get(month).get(kpi.id()).doubleValue();
    }

    static String status(Kpi kpi, double value) {
        double shortfall = kpi.higherIsBetter() ? kpi.target() - value : value - kpi.target();
        return shortfall <= 0 ? "GREEN" : shortfall <= kpi.band() ? "AMBER" : "RED";
    }

    static String trend(double value, double previous) {
        double change = (value - previous) / Math.abs(previous);
        return Math.abs(change) <= DEAD_BAND ? "flat" : change > 0 ? "up" : "down";
    }

    @Test
    void theSampleGivesEveryStatusInTheLatestMonth() {
        assertEquals(List.of("GREEN down", "RED down", "AMBER down", "GREEN up"),
                KPIS.stream().map(k -> status(k, value("2026-10", k)) + " " + trend(value("2026-10", k), value("2026-09", k))).toList());
    }

    @Test
    void englishPdfShowsTheLatestMonthOfEveryKpiAndTheHighProfileClient() throws Exception {
        Properties texts = ScenarioReports.texts(Locale.ENGLISH);
        String text = ScenarioReports.flatText(out.resolve("en/agency.pdf"));
        for (Kpi kpi : KPIS) {
            double value = value("2026-10", kpi);
            assertContains(text, kpi.label());
            assertContains(text, format(kpi.pattern(), value, Locale.ENGLISH) + " " + format(kpi.pattern(), kpi.target(), Locale.ENGLISH) + " "
                    + texts.getProperty("common.status." + status(kpi, value)) + " "
                    + texts.getProperty("common.trend." + trend(value, value("2026-09", kpi))));
        }
        assertEquals("18.3%", format("0.0%", shares.get("A01"), Locale.ENGLISH));
        assertTrue(Pattern.compile("1 Northwind Retail " + Pattern.quote(format("0.0%", shares.get("A01"), Locale.ENGLISH))
                + " [\\d.]+ Key KEY: strategic value 5/5, engagement 5/5").matcher(text).find(), text);
        assertTrue(Pattern.compile("2 Fjord Travel " + Pattern.quote(format("0.0%", shares.get("A07"), Locale.ENGLISH)) + " [\\d.]+ Growth GROWTH: ").matcher(text).find(), text);
    }

    /**
     * The article's high-profile client, "for whom the agency runs several campaigns", is KEY through the agency's
     * own model, and not by its fees: in scoring-model.json strategic value and engagement (the campaigns run for the
     * client) each weigh more than the fee share, and by accounts.csv the client has both at 5 of 5.
     */
    @Test
    void theHighProfileClientIsKeyForStrategicValueAndEngagementNotFees() throws Exception {
        String model = Files.readString(SharedEngine.sampleData("agency").resolve("scoring-model.json"));
        double share = weight(model, "revenue_share");
        assertTrue(weight(model, "strategic_value") > share && weight(model, "engagement") > share, model);
        String[] northwind = Files.readAllLines(SharedEngine.sampleData("agency").resolve("accounts.csv")).stream()
                .filter(line -> line.startsWith("A01,Northwind Retail,")).findFirst().orElseThrow().split(",");
        assertEquals(List.of("5", "5"), List.of(northwind[3], northwind[5]), "strategic value and engagement");
        try (Workbook workbook = Outputs.xlsx(out.resolve("en/agency.xlsx"))) {
            Row row = Outputs.rowWith(workbook.getSheet("Key accounts"), "Northwind Retail").orElseThrow();
            assertEquals("Key", row.getCell(4).getStringCellValue());
            List<String> texts = new ArrayList<>();
            row.forEach(cell -> texts.add(cell.toString()));
            assertTrue(texts.contains("KEY: strategic value 5/5, engagement 5/5"), texts.toString());
            Row fjord = Outputs.rowWith(workbook.getSheet("Key accounts"), "Fjord Travel").orElseThrow();
            assertEquals("Growth", fjord.getCell(4).getStringCellValue(), "second by fees, not key");
        }
    }

    /**
     * Every picture has a text alternative (the logo, decorative, an empty one): a bullet graph says the KPI, its
     * value, target and status as the table shows them ("value 3.36%, target 4.00%, Off target"), a factor bar the
     * account and why, a chart what it plots. Read from the HTML, where BIRT 4.22 writes them (its PDF has no tags).
     */
    @Test
    void everyPictureHasATextAlternative(@TempDir Path html) throws Exception {
        SharedEngine.get().render(new RenderRequest(SharedEngine.template("agency.rptdesign"),
                Map.of("dataFolder", SharedEngine.sampleData("agency").toString()), List.of(OutputFormat.HTML), html,
                Locale.ENGLISH, "agency"));
        String page = Files.readString(html.resolve("agency.html"));
        List<String> alts = new ArrayList<>();
        java.util.regex.Matcher img = Pattern.compile("<img[^>]*?alt=\"([^\"]*)\"").matcher(page);
        while (img.find()) {
            alts.add(img.group(1));
        }
        assertEquals(page.split("<img", -1).length - 1, alts.size(), "every picture has an alt attribute");
        assertEquals(1, alts.stream().filter(String::isEmpty).count(), "only the logo is decorative: " + alts);
        Properties texts = ScenarioReports.texts(Locale.ENGLISH);
        for (Kpi kpi : KPIS) {
            double value = value("2026-10", kpi);
            assertTrue(alts.contains(kpi.label() + ": value " + format(kpi.pattern(), value, Locale.ENGLISH) + ", target "
                    + format(kpi.pattern(), kpi.target(), Locale.ENGLISH) + ", " + texts.getProperty("common.status." + status(kpi, value))),
                    kpi.id() + " in " + alts);
            assertTrue(alts.contains(kpi.label() + " over the last twelve months, with its target as a dashed line"), kpi.id());
        }
        assertTrue(alts.contains("Northwind Retail: KEY: strategic value 5/5, engagement 5/5"), alts.toString());
        assertTrue(alts.contains(texts.getProperty("common.alt.revenue")), alts.toString());
    }

    private static double weight(String model, String factor) {
        java.util.regex.Matcher m = Pattern.compile("\"id\": \"" + factor + "\",\\s*\"weight\": (\\d+)").matcher(model);
        assertTrue(m.find(), factor);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void everyLanguageHasItsHeadingsStatusesTiersImagesAndEmbeddedFonts() throws Exception {
        for (Locale locale : ScenarioReports.LOCALES) {
            List<String> textKeys = new ArrayList<>(List.of("agency.title"));
            textKeys.addAll(ScenarioReports.SECTIONS);
            textKeys.addAll(List.of("common.status.GREEN", "common.status.AMBER", "common.status.RED", "common.tier.KEY", "common.tier.GROWTH",
                    "common.tier.MAINTAIN", "common.trend.up", "common.trend.down"));
            ScenarioReports.assertLocalizedPdf(out.resolve(locale.getLanguage()).resolve("agency.pdf"), locale, textKeys,
                    ScenarioReports.SECTIONS, 2, 3, KPIS.size() + 10 + 1 + KPIS.size());
        }
    }

    @Test
    void xlsxHoldsKpiValuesAndScoresAsNumbersInEveryLanguage() throws Exception {
        for (Locale locale : ScenarioReports.LOCALES) {
            try (Workbook workbook = Outputs.xlsx(out.resolve(locale.getLanguage()).resolve("agency.xlsx"))) {
                assertEquals(shares.get("A01"), ScenarioReports.numeric(ScenarioReports.cellAfter(workbook, "Northwind Retail", 1), locale + " share"), 1e-9);
                double score = ScenarioReports.numeric(ScenarioReports.cellAfter(workbook, "Northwind Retail", 2), locale + " score");
                assertTrue(score > 0 && score <= 100, "score " + score);
            }
        }
        try (Workbook workbook = Outputs.xlsx(out.resolve("en/agency.xlsx"))) {
            for (Kpi kpi : KPIS) {
                double value = ScenarioReports.numeric(ScenarioReports.cellAfter(workbook, kpi.label(), 1), kpi.label());
                assertEquals(value("2026-10", kpi), value, Math.abs(value) * 1e-9, kpi.id());
            }
        }
    }
}
