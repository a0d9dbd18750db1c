package dev.kpikit.runner.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report-templates/kpi-scorecard.rptdesign on sample-data/agency through the real engine: the
 * kpis data set of the library, status and trend in words, read back from PDF and XLSX.
 *
 * The expected figures are computed here, independently of kpikit's classes: the CSV is summed
 * per month with String.split and BigDecimal, and status and trend follow the catalog's rules
 * written out below. By hand, 2026-10 against 2026-09 reads: click-through 1.11 % (target 1.05 %)
 * on target and falling, conversion 3.36 % (4 %, amber from 3.6 %) off target and falling,
 * return on ad spend 3.13 (3.5, amber from 3.0) near target and falling, cost per acquisition
 * 35.72 (36, lower is better) on target and rising.
 */
class KpiScorecardReportTest {

    /** The agency catalog's KPIs: id, label, target, tolerance band (absolute), higher is better, the value's pattern. */
    record Kpi(String id, String label, double target, double band, boolean higherIsBetter, String pattern) {
    }

    static final List<Kpi> KPIS = List.of(
            new Kpi("clickThrough", "Click-through rate", 0.0105, 0.00105, true, "0.00%"),
            new Kpi("conversion", "Conversion rate (of clicks)", 0.04, 0.004, true, "0.00%"),
            new Kpi("roas", "Return on ad spend", 3.5, 0.5, true, "0.00"),
            new Kpi("cpa", "Cost per acquisition", 36, 3.6, false, "#,##0.00"));
    static final double DEAD_BAND = 0.02;

    @TempDir
    static Path out;
    static Map<String, Map<String, BigDecimal>> expected;

    @BeforeAll
    static void render() throws Exception {
        expected = kpisByMonth(SharedEngine.sampleData("agency").resolve("metrics.csv"));
        SharedEngine.get().render(new RenderRequest(SharedEngine.template("kpi-scorecard.rptdesign"),
                Map.of("dataFolder", SharedEngine.sampleData("agency").toString(), "asOf", "2026-10-31"),
                List.of(OutputFormat.PDF, OutputFormat.XLSX), out, Locale.ENGLISH, "kpi-scorecard"));
    }

    /** KPI id to value, by month "2026-10", from the CSV: sums per month, then the ratios. */
    static Map<String, Map<String, BigDecimal>> kpisByMonth(Path csv) throws Exception {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        List<String> lines = Files.readAllLines(csv);
        assertEquals("date,client,campaign,impressions,clicks,conversions,adSpend,attributedRevenue", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            BigDecimal[] month = sums.computeIfAbsent(cells[0].substring(0, 7),
                    m -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            for (int i = 0; i < 5; i++) {
                month[i] = month[i].add(new BigDecimal(cells[3 + i]));
            }
        }
        Map<String, Map<String, BigDecimal>> kpis = new TreeMap<>();
        MathContext mc = MathContext.DECIMAL128;
        sums.forEach((month, s) -> kpis.put(month, Map.of(
                "clickThrough", s[1].divide(s[0], mc), "conversion", s[2].divide(s[1], mc),
                "roas", s[4].divide(s[3], mc), "cpa", s[3].divide(s[2], mc))));
        return kpis;
    }

    static String status(Kpi kpi, double value) {
        double shortfall = kpi.higherIsBetter() ? kpi.target() - value : value - kpi.target();
        return shortfall <= 0 ? "On target" : shortfall <= kpi.band() ? "Near target" : "Off target";
    }

    static String trend(double value, double previous) {
        double change = (value - previous) / Math.abs(previous);
        return Math.abs(change) <= DEAD_BAND ? "Flat" : change > 0 ? "Rising" : "Falling";
    }

    static String format(String pattern, double value, Locale locale) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(locale)).format(value);
    }

    static double value(String month, Kpi kpi) {
        return expected.get(month).get(kpi.id()).doubleValue();
    }

    @Test
    void theSampleGivesEveryStatusAndBothTrendsInTheLatestMonth() {
        assertEquals(List.of("On target Falling", "Off target Falling", "Near target Falling", "On target Rising"),
                KPIS.stream().map(k -> status(k, value("2026-10", k)) + " " + trend(value("2026-10", k), value("2026-09", k))).toList());
    }

    @Test
    void pdfShowsTheLatestMonthAndTheFiveBefore() throws Exception {
        String text = Outputs.pdfText(out.resolve("kpi-scorecard.pdf")).replaceAll(" +", " ");
        for (Kpi kpi : KPIS) {
            double value = value("2026-10", kpi);
            double previous = value("2026-09", kpi);
            String latest = kpi.label() + " 2026-10 " + format(kpi.pattern(), value, Locale.ENGLISH) + " "
                    + format(kpi.pattern(), kpi.target(), Locale.ENGLISH) + " " + status(kpi, value) + " " + trend(value, previous) + " "
                    + format(kpi.pattern(), previous, Locale.ENGLISH) + " " + format("+0.0%;-0.0%", (value - previous) / Math.abs(previous), Locale.ENGLISH);
            assertTrue(text.contains(latest), "missing '" + latest + "' in\n" + text);
            for (String month : List.of("2026-10", "2026-09", "2026-08", "2026-07", "2026-06", "2026-05")) {
                String before = month.equals("2026-05") ? "2026-04" : expected.keySet().stream().filter(m -> m.compareTo(month) < 0).reduce((a, b) -> b).orElseThrow();
                String line = month + " " + format(kpi.pattern(), value(month, kpi), Locale.ENGLISH) + " "
                        + format(kpi.pattern(), kpi.target(), Locale.ENGLISH) + " " + status(kpi, value(month, kpi)) + " "
                        + trend(value(month, kpi), value(before, kpi));
                assertTrue(text.contains(line), kpi.id() + ": missing '" + line + "'");
            }
        }
        assertTrue(!text.contains("2026-04 "), "only six periods are shown");
        assertEquals(1, Outputs.pdfPages(out.resolve("kpi-scorecard.pdf")));
    }

    @Test
    void xlsxHoldsTheValuesAsNumbersAndTheStatusInWords() throws Exception {
        try (Workbook workbook = Outputs.xlsx(out.resolve("kpi-scorecard.xlsx"))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Kpi kpi : KPIS) {
                Row row = Outputs.rowWith(sheet, kpi.label()).orElseThrow();
                int first = row.getFirstCellNum();
                double value = value("2026-10", kpi);
                double previous = value("2026-09", kpi);
                assertEquals("2026-10", row.getCell(first + 1).getStringCellValue());
                assertEquals(value, row.getCell(first + 2).getNumericCellValue(), Math.abs(value) * 1e-12, kpi.id());
                assertEquals(kpi.target(), row.getCell(first + 3).getNumericCellValue(), 1e-12, kpi.id());
                assertEquals(status(kpi, value), row.getCell(first + 4).getStringCellValue(), kpi.id());
                assertEquals(trend(value, previous), row.getCell(first + 5).getStringCellValue(), kpi.id());
                assertEquals(previous, row.getCell(first + 6).getNumericCellValue(), Math.abs(previous) * 1e-12, kpi.id());
                assertEquals((value - previous) / Math.abs(previous), row.getCell(first + 7).getNumericCellValue(), 1e-12, kpi.id());
                // the catalog's format reaches Excel: the cell shows what the PDF shows
                assertEquals(format(kpi.pattern(), value, Locale.ENGLISH), new DataFormatter(Locale.ENGLISH).formatCellValue(row.getCell(first + 2)));
            }
        }
    }

    @Test
    void anEarlierAsOfDateAndAFrenchReportShowThatMonthWithFrenchLabels(@TempDir Path french) throws Exception {
        SharedEngine.get().render(new RenderRequest(SharedEngine.template("kpi-scorecard.rptdesign"),
                Map.of("dataFolder", SharedEngine.sampleData("agency").toString(), "asOf", "2026-08-31"),
                List.of(OutputFormat.PDF), french, Locale.FRANCE, "kpi-scorecard"));
        String text = Outputs.pdfText(french.resolve("kpi-scorecard.pdf")).replaceAll(" +", " ");
        Kpi clickThrough = KPIS.get(0);
        String latest = "Taux de clics (CTR) 2026-08 " + format("0.00%", value("2026-08", clickThrough), Locale.FRANCE);
        assertTrue(text.contains(latest), "missing '" + latest + "' in\n" + text);
        assertTrue(text.contains("Co\u00fbt par acquisition 2026-08"), "labels with accents from kpi-catalog_fr.properties:\n" + text);
        assertTrue(!text.contains("2026-09") && text.contains("2026-03"), "periods up to 2026-08 only");
    }

    /**
     * October without conversions: cost per acquisition (ad spend / conversions) has its target of 36 but no value, and
     * says "No value", in the report's language, in PDF and XLSX; it said "No target", the text of a KPI without one.
     */
    @Test
    void aKpiWithATargetButNoValueSaysNoValueNotNoTarget(@TempDir Path data) throws Exception {
        Path agency = SharedEngine.sampleData("agency");
        for (String file : List.of("kpi-catalog.json", "kpi-catalog_fr.properties")) {
            Files.copy(agency.resolve(file), data.resolve(file));
        }
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(agency.resolve("metrics.csv")));
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells[0].startsWith("2026-10")) {
                cells[5] = "0"; // conversions
                lines.set(i, String.join(",", cells));
            }
        }
        Files.write(data.resolve("metrics.csv"), lines);
        Map<String, String> parameters = Map.of("dataFolder", data.toString(), "asOf", "2026-10-31");
        renderInEnglishAndFrench(parameters, data);

        String english = Outputs.pdfText(data.resolve("en/kpi-scorecard.pdf")).replaceAll(" +", " ");
        assertTrue(english.contains("Cost per acquisition 2026-10 36.00 No value"), english);
        assertTrue(english.contains("Conversion rate (of clicks) 2026-10 0.00% 4.00% Off target"), english);
        String french = Outputs.pdfText(data.resolve("fr/kpi-scorecard.pdf")).replaceAll(" +", " ");
        assertTrue(french.contains("Co\u00fbt par acquisition 2026-10 36,00 Sans valeur"), french);
        try (Workbook workbook = Outputs.xlsx(data.resolve("en/kpi-scorecard.xlsx"))) {
            Row row = Outputs.rowWith(workbook.getSheetAt(0), "Cost per acquisition").orElseThrow();
            assertEquals("No value", row.getCell(row.getFirstCellNum() + 4).getStringCellValue());
        }
    }

    /**
     * An as-of date before the first metric row: no KPI has a row, and the report says so under the headers, in the
     * report's language, instead of headers alone; a scorecard with rows has no such note.
     */
    @Test
    void anAsOfDateBeforeTheDataSaysThereAreNoKpiValuesUpToIt(@TempDir Path early) throws Exception {
        Map<String, String> parameters = Map.of("dataFolder", SharedEngine.sampleData("agency").toString(), "asOf", "2020-01-31");
        renderInEnglishAndFrench(parameters, early);

        String english = Outputs.pdfText(early.resolve("en/kpi-scorecard.pdf")).replaceAll("\\s+", " ");
        assertTrue(english.contains("KPI Period Value Target Status Trend Previous Change No KPI values up to January 31, 2020."), english);
        String french = Outputs.pdfText(early.resolve("fr/kpi-scorecard.pdf")).replaceAll("\\s+", " ");
        assertTrue(french.contains("Aucune valeur d\u2019indicateur jusqu\u2019au 31 janvier 2020."), french);
        try (Workbook workbook = Outputs.xlsx(early.resolve("en/kpi-scorecard.xlsx"))) {
            assertTrue(Outputs.rowWith(workbook.getSheetAt(0), "No KPI values up to January 31, 2020.").isPresent(), "the note in the XLSX");
        }
        String withValues = Outputs.pdfText(out.resolve("kpi-scorecard.pdf"));
        assertTrue(!withValues.contains("No KPI values"), withValues);
    }

    @Test
    void aBadCatalogFailsTheReportNamingFileKpiAndPosition(@TempDir Path data) throws Exception {
        Files.copy(SharedEngine.sampleData("agency").resolve("metrics.csv"), data.resolve("metrics.csv"));
        Files.writeString(data.resolve("kpi-catalog.json"), Files.readString(SharedEngine.sampleData("agency").resolve("kpi-catalog.json"))
                .replace("RETURN_ON_AD_SPEND(attributedRevenue, adSpend)", "RETURN_ON_AD_SPEND(attributedRevenue, adspent)"));
        ReportFailedException failure = assertThrows(ReportFailedException.class, () -> SharedEngine.get().render(
                new RenderRequest(SharedEngine.template("kpi-scorecard.rptdesign"), Map.of("dataFolder", data.toString()),
                        List.of(OutputFormat.PDF), data, Locale.ENGLISH, "kpi-scorecard")));
        String message = failure.getMessage();
        assertTrue(message.contains(data.resolve("kpi-catalog.json").toString()) && message.contains("KPI 'roas'")
                && message.contains("Unknown metric 'adspent' at position 39"), message);
    }

    @Test
    void theCommittedSampleIsWhatItsGeneratorWrites(@TempDir Path generated) throws Exception {
        Path agency = SharedEngine.sampleData("agency");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, agency.resolve("GenerateAgencyData.java").toString(), generated.toString())
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the generator did not finish");
        assertEquals(0, process.exitValue(), new String(process.getInputStream().readAllBytes()));
        for (String file : List.of("metrics.csv", "accounts.csv", "revenue.csv")) {
            assertArrayEquals(Files.readAllBytes(agency.resolve(file)), Files.readAllBytes(generated.resolve(file)), file);
        }
    }

    /** The scorecard into {@code folder}/en (PDF and XLSX) and {@code folder}/fr (PDF). */
    private static void renderInEnglishAndFrench(Map<String, String> parameters, Path folder) throws Exception {
        SharedEngine.get().render(new RenderRequest(SharedEngine.template("kpi-scorecard.rptdesign"), parameters,
                List.of(OutputFormat.PDF, OutputFormat.XLSX), folder.resolve("en"), Locale.ENGLISH, "kpi-scorecard"));
        SharedEngine.get().render(new RenderRequest(SharedEngine.template("kpi-scorecard.rptdesign"), parameters,
                List.of(OutputFormat.PDF), folder.resolve("fr"), Locale.FRANCE, "kpi-scorecard"));
    }
}
