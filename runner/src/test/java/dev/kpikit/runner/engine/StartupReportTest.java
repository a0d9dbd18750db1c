package dev.kpikit.runner.engine;

import static dev.kpikit.runner.engine.ScenarioReports.assertContains;
import static dev.kpikit.runner.engine.ScenarioReports.format;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report-templates/startup.rptdesign on sample-data/startup, rendered to PDF and XLSX in the six languages.
 *
 * The headline figures are computed here from metrics.csv with BigDecimal, and the key accounts' revenue shares
 * from revenue.csv (year to date), independently of kpikit's classes. By hand, 2026-10 reads: revenue 125,759
 * (target 125,000) on target and falling; monthly growth -5.2 % (2 %) off target and falling; retention 100 %
 * on target and flat; repeat customers 55.0 % (50 %, amber from 45 %) on target and rising; revenue per customer
 * 3,144 (3,000) on target and falling. Client A has 42.9 % of the year's revenue, Nordlys Robotics 4.4 %: both KEY.
 */
class StartupReportTest {

    /** id, English label, target, tolerance band (absolute), dead band of the trend, the catalog's pattern */
    private record Kpi(String id, String label, double target, double band, double deadBand, String pattern) {
    }

    private static final List<Kpi> KPIS = List.of(
            new Kpi("revenue", "Revenue", 125000, 6250, 0.02, "#,##0"),
            new Kpi("revenueGrowth", "Monthly revenue growth", 0.02, 0.02, 0.1, "0.0%"),
            new Kpi("retention", "Customer retention rate", 0.95, 0.0285, 0.01, "0.0%"),
            new Kpi("repeatCustomers", "Repeat customer rate", 0.5, 0.05, 0.02, "0.0%"),
            new Kpi("revenuePerCustomer", "Revenue per customer", 3000, 300, 0.02, "#,##0"));

    @TempDir
    static Path out;
    static Map<String, Map<String, Double>> kpis;
    static Map<String, Double> shares;

    @BeforeAll
    static void render() throws Exception {
        kpis = kpisByMonth(SharedEngine.sampleData("startup").resolve("metrics.csv"));
        shares = yearToDateShares(SharedEngine.sampleData("startup").resolve("revenue.csv"), "2026");
        ScenarioReports.renderAllLocales("startup.rptdesign", Map.of("dataFolder", SharedEngine.sampleData("startup").toString()), out);
    }

    static Map<String, Map<String, Double>> kpisByMonth(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        assertEquals("date,revenue,customers,customersAtStart,newCustomers,repeatCustomers", lines.get(0));
        Map<String, BigDecimal[]> months = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            BigDecimal[] month = months.computeIfAbsent(cells[0].substring(0, 7), m -> new BigDecimal[5]);
            for (int i = 0; i < 5; i++) {
                BigDecimal cell = cells[1 + i].isEmpty() ? null : new BigDecimal(cells[1 + i]);
                month[i] = month[i] == null ? cell : cell == null ? month[i] : month[i].add(cell);
            }
        }
        MathContext mc = MathContext.DECIMAL128;
        Map<String, Map<String, Double>> result = new TreeMap<>();
        BigDecimal previousRevenue = null;
        for (var entry : months.entrySet()) {
            BigDecimal[] m = entry.getValue();
            Map<String, Double> values = new TreeMap<>();
            values.put("revenue", m[0].doubleValue());
            if (previousRevenue != null) {
                values.put("revenueGrowth", m[0].subtract(previousRevenue).divide(previousRevenue, mc).doubleValue());
            }
            if (m[2] != null) {
                values.put("retention", m[1].subtract(m[3]).divide(m[2], mc).doubleValue());
            }
            values.put("repeatCustomers", m[4].divide(m[1], mc).doubleValue());
            values.put("revenuePerCustomer", m[0].divide(m[1], mc).doubleValue());
            result.put(entry.getKey(), values);
            previousRevenue = m[0];
        }
        return result;
    }

    /** Each account's share of the revenue invoiced in the year. */
    static Map<String, Double> yearToDateShares(Path csv, String year) throws Exception {
        Map<String, BigDecimal> byAccount = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells[0].startsWith(year)) {
                byAccount.merge(cells[1], new BigDecimal(cells[2]), BigDecimal::add);
                total = total.add(new BigDecimal(cells[2]));
            }
        }
        Map<String, Double> result = new TreeMap<>();
        for (var entry : byAccount.entrySet()) {
            result.put(entry.getKey(), entry.getValue().divide(total, MathContext.DECIMAL128).doubleValue());
        }
        return result;
    }

    static String status(Kpi kpi, double value) {
        double shortfall = kpi.target() - value;
        return shortfall <= 0 ? "GREEN" : shortfall <= kpi.band() + 1e-12 ? "AMBER" : "RED";
    }

    static String trend(Kpi kpi, double value, double previous) {
        double change = (value - previous) / Math.abs(previous);
        return Math.abs(change) <= kpi.deadBand() ? "flat" : change > 0 ? "up" : "down";
    }

    /** Customers skip a month now and then and split or merge a month's invoices: the loyalty KPIs move. */
    @Test
    void theLoyaltyKpisMoveMonthByMonthAndSomeMonthsMissTheirTarget() {
        for (Kpi kpi : List.of(KPIS.get(2), KPIS.get(3))) {
            List<Double> values = kpis.values().stream().map(month -> month.get(kpi.id())).filter(v -> v != null).toList();
            assertTrue(values.stream().distinct().count() >= 6, kpi.id() + ": " + values);
            long missed = values.stream().filter(v -> !status(kpi, v).equals("GREEN")).count();
            assertTrue(missed >= 3 && missed < values.size() - 3, kpi.id() + " misses its target in " + missed + " months: " + values);
        }
    }

    @Test
    void theSampleGivesOnAndOffTargetAndRisingAndFallingTrendsInTheLatestMonth() {
        assertEquals(List.of("GREEN down", "RED down", "GREEN flat", "GREEN up", "GREEN down"), KPIS.stream()
                .map(k -> status(k, kpis.get("2026-10").get(k.id())) + " " + trend(k, kpis.get("2026-10").get(k.id()), kpis.get("2026-09").get(k.id())))
                .toList());
    }

    @Test
    void englishPdfShowsTheLatestMonthOfEveryKpiAndTheKeyAccounts() throws Exception {
        Properties texts = ScenarioReports.texts(Locale.ENGLISH);
        String text = ScenarioReports.flatText(out.resolve("en/startup.pdf"));
        for (Kpi kpi : KPIS) {
            double value = kpis.get("2026-10").get(kpi.id());
            assertContains(text, kpi.label());
            assertContains(text, format(kpi.pattern(), value, Locale.ENGLISH) + " " + format(kpi.pattern(), kpi.target(), Locale.ENGLISH) + " "
                    + texts.getProperty("common.status." + status(kpi, value)) + " "
                    + texts.getProperty("common.trend." + trend(kpi, value, kpis.get("2026-09").get(kpi.id()))));
        }
        assertEquals("42.9%", format("0.0%", shares.get("C01"), Locale.ENGLISH));
        assertTrue(Pattern.compile("1 Client A " + Pattern.quote(format("0.0%", shares.get("C01"), Locale.ENGLISH)) + " [\\d.]+ Key KEY: ").matcher(text).find(), text);
        assertTrue(Pattern.compile("2 Nordlys Robotics " + Pattern.quote(format("0.0%", shares.get("C03"), Locale.ENGLISH)) + " [\\d.]+ Key KEY: ").matcher(text).find(), text);
        assertTrue(Pattern.compile("\\b10 \\S").matcher(text).find() && !Pattern.compile("\\b11 [A-Z][a-z]+ [A-Z]?[a-z]* ?[\\d.]+% ").matcher(text).find(),
                "the top ten accounts only:\n" + text);
    }

    @Test
    void explanationsFollowTheReportLanguage() throws Exception {
        // white space inside formatted numbers differs by language (no-break spaces), so check the words around them
        assertContains(ScenarioReports.flatText(out.resolve("fr/startup.pdf")), "du chiffre d'affaires, valeur strat\u00e9gique 4/5");
        assertContains(ScenarioReports.flatText(out.resolve("es/startup.pdf")), "de los ingresos, valor estrat\u00e9gico 4/5");
        assertContains(ScenarioReports.flatText(out.resolve("nb/startup.pdf")), "av omsetningen, strategisk verdi 4/5");
        assertContains(ScenarioReports.flatText(out.resolve("nl/startup.pdf")), "van de omzet, strategische waarde 4/5");
        assertContains(ScenarioReports.flatText(out.resolve("it/startup.pdf")), "del fatturato, valore strategico 4/5");
    }

    @Test
    void everyLanguageHasItsHeadingsStatusesTiersImagesAndEmbeddedFonts() throws Exception {
        for (Locale locale : ScenarioReports.LOCALES) {
            List<String> textKeys = new ArrayList<>(List.of("startup.title"));
            textKeys.addAll(ScenarioReports.SECTIONS);
            textKeys.addAll(List.of("common.status.GREEN", "common.status.RED", "common.tier.KEY", "common.trend.down",
                    "common.col.account"));
            // a bullet per KPI, a contribution bar per account shown, the revenue chart, a trend chart per KPI
            ScenarioReports.assertLocalizedPdf(out.resolve(locale.getLanguage()).resolve("startup.pdf"), locale, textKeys,
                    ScenarioReports.SECTIONS, 2, 4, KPIS.size() + 10 + 1 + KPIS.size());
        }
    }

    @Test
    void xlsxHoldsKpiValuesAndScoresAsNumbersInEveryLanguage() throws Exception {
        for (Locale locale : ScenarioReports.LOCALES) {
            try (Workbook workbook = Outputs.xlsx(out.resolve(locale.getLanguage()).resolve("startup.xlsx"))) {
                double revenue = ScenarioReports.numeric(ScenarioReports.cellAfter(workbook, "Client A", 1), locale + " Client A share");
                assertEquals(shares.get("C01"), revenue, 1e-9, locale.toString());
                double score = ScenarioReports.numeric(ScenarioReports.cellAfter(workbook, "Client A", 2), locale + " Client A score");
                assertTrue(score > 0 && score <= 100, "score " + score);
            }
        }
        try (Workbook workbook = Outputs.xlsx(out.resolve("en/startup.xlsx"))) {
            for (Kpi kpi : KPIS) {
                double value = ScenarioReports.numeric(ScenarioReports.cellAfter(workbook, kpi.label(), 1), kpi.label());
                assertEquals(kpis.get("2026-10").get(kpi.id()), value, Math.abs(value) * 1e-9, kpi.id());
                assertEquals(kpi.target(), ScenarioReports.numeric(ScenarioReports.cellAfter(workbook, kpi.label(), 2), kpi.label() + " target"), 1e-9);
            }
        }
    }
}
