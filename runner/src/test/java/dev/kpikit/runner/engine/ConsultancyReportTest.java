package dev.kpikit.runner.engine;

import static dev.kpikit.runner.engine.ScenarioReports.flat;
import static dev.kpikit.runner.engine.ScenarioReports.format;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.engine.ScenarioReports.Kpi;

/**
 * report-templates/consultancy.rptdesign on sample-data/consultancy, rendered to PDF and XLSX in
 * the six languages through the real engine. Expected KPI values are summed here from
 * metrics.csv with BigDecimal (all practices of a month), the statuses and trends follow the
 * catalog's rules written out in {@link Kpi}; key-client shares are summed from revenue.csv
 * (year to date, as the scoredAccounts data set scores by default).
 */
class ConsultancyReportTest {

    static final String SCENARIO = "consultancy";
    static final List<Kpi> KPIS = List.of(
            new Kpi("satisfaction", "Client satisfaction rate", 0.8, 0.08, true, "0.0%", 0.02),
            new Kpi("csat", "CSAT (average score, 1-5)", 4.2, 0.2, true, "0.00", 0.01),
            new Kpi("completionDays", "Average project completion time (days)", 80, 8, false, "0.0", 0.02),
            new Kpi("onTime", "Projects finished on time", 0.9, 0.05, true, "0.0%", 0.02),
            new Kpi("revenuePerConsultant", "Revenue per consultant", 18000, 1800, true, "#,##0", 0.02),
            new Kpi("revenueGrowth", "Monthly revenue growth", 0.008, 0.02, true, "0.0%", 0.1));

    @TempDir
    static Path out;
    static final Map<Locale, String> PDF_TEXT = new HashMap<>();
    static java.util.TreeMap<String, Map<String, BigDecimal>> sums;

    @BeforeAll
    static void render() throws Exception {
        sums = ScenarioReports.monthlySums(SharedEngine.sampleData(SCENARIO).resolve("metrics.csv"),
                List.of("revenue", "consultants", "projectsCompleted", "projectDaysTotal", "projectsOnTime",
                        "surveyResponses", "satisfiedResponses", "surveyScoreSum"));
        for (Locale locale : ScenarioReports.LOCALES) {
            Path dir = out.resolve(locale.toLanguageTag());
            SharedEngine.get().render(new RenderRequest(SharedEngine.template(SCENARIO + ".rptdesign"),
                    Map.of("dataFolder", SharedEngine.sampleData(SCENARIO).toString()),
                    List.of(OutputFormat.PDF, OutputFormat.XLSX), dir, locale, SCENARIO));
            PDF_TEXT.put(locale, flat(Outputs.pdfText(dir.resolve(SCENARIO + ".pdf"))));
        }
    }

    static double value(String month, String kpi) {
        Map<String, BigDecimal> s = sums.get(month);
        MathContext mc = MathContext.DECIMAL128;
        return switch (kpi) {
            case "satisfaction" -> s.get("satisfiedResponses").divide(s.get("surveyResponses"), mc).doubleValue();
            case "csat" -> s.get("surveyScoreSum").divide(s.get("surveyResponses"), mc).doubleValue();
            case "completionDays" -> s.get("projectDaysTotal").divide(s.get("projectsCompleted"), mc).doubleValue();
            case "onTime" -> s.get("projectsOnTime").divide(s.get("projectsCompleted"), mc).doubleValue();
            case "revenuePerConsultant" -> s.get("revenue").divide(s.get("consultants"), mc).doubleValue();
            case "revenueGrowth" -> {
                String before = sums.lowerKey(month);
                BigDecimal previous = sums.get(before).get("revenue");
                yield s.get("revenue").subtract(previous).divide(previous.abs(), mc).doubleValue();
            }
            default -> throw new IllegalArgumentException(kpi);
        };
    }

    @Test
    void everyLanguageHasItsTitleSectionsStatusesAndTrendsInWords() throws Exception {
        for (Locale locale : ScenarioReports.LOCALES) {
            Properties texts = ScenarioReports.texts(locale);
            String text = PDF_TEXT.get(locale);
            for (String key : List.of(SCENARIO + ".title", "common.section.headline", "common.section.keyAccounts",
                    "common.section.revenue", "common.section.trends", "common.col.kpi", "common.col.target")) {
                assertTrue(text.contains(texts.getProperty(key)), locale + ": missing " + key + " '" + texts.getProperty(key) + "'");
            }
            for (Kpi kpi : KPIS) {
                double value = value("2026-10", kpi.id());
                String shown = format(kpi.pattern(), value, locale) + " " + format(kpi.pattern(), kpi.target(), locale) + " "
                        + texts.getProperty("common.status." + kpi.status(value)) + " "
                        + texts.getProperty("common.trend." + kpi.trend(value, value("2026-09", kpi.id())));
                assertTrue(text.contains(flat(shown.replace('\u00a0', ' '))) || text.contains(shown),
                        locale + ", " + kpi.id() + ": missing '" + shown + "'");
            }
            assertTrue(locale.equals(Locale.ENGLISH) || !text.contains("strategic value"),
                    locale + ": the explanations follow the report language");
            int pages = Outputs.pdfPages(out.resolve(locale.toLanguageTag()).resolve(SCENARIO + ".pdf"));
            assertTrue(pages >= 2 && pages <= 3, locale + ": " + pages + " pages");
        }
    }

    @Test
    void theEnglishHeadlineShowsTheLatestMonthAsTheCsvAddsUp() {
        String text = PDF_TEXT.get(Locale.ENGLISH);
        // 2026-10 against 2026-09, by hand from metrics.csv: every status and both trends occur
        assertEquals(List.of("GREEN down", "AMBER down", "GREEN down", "RED up", "GREEN up", "GREEN up"),
                KPIS.stream().map(k -> k.status(value("2026-10", k.id())) + " " + k.trend(value("2026-10", k.id()), value("2026-09", k.id()))).toList());
        for (Kpi kpi : KPIS) {
            assertTrue(text.contains(kpi.label().split(" ")[0]), kpi.label());
        }
        assertTrue(text.contains("84.0% 80.0% On target Falling"), text);
        assertTrue(text.contains("80.0% 90.0% Off target Rising"), text);
    }

    @Test
    void theMultinationalLeadsTheKeyClients() throws Exception {
        // year to date: 2026-01 to 2026-10, from revenue.csv
        BigDecimal total = BigDecimal.ZERO;
        Map<String, BigDecimal> byClient = new HashMap<>();
        List<String> lines = Files.readAllLines(SharedEngine.sampleData(SCENARIO).resolve("revenue.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells[0].startsWith("2026-")) {
                total = total.add(new BigDecimal(cells[2]));
                byClient.merge(cells[1], new BigDecimal(cells[2]), BigDecimal::add);
            }
        }
        double meridianShare = byClient.get("K001").divide(total, MathContext.DECIMAL128).doubleValue();
        try (Workbook workbook = Outputs.xlsx(out.resolve("en").resolve(SCENARIO + ".xlsx"))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row meridian = Outputs.rowWith(sheet, "Meridian Global Industries").orElseThrow();
            List<Cell> cells = cellsOf(meridian);
            assertEquals(1, cells.get(0).getNumericCellValue(), "rank");
            assertEquals(meridianShare, cells.get(2).getNumericCellValue(), 1e-9, "revenue share");
            assertEquals(CellType.NUMERIC, cells.get(3).getCellType(), "score is a number");
            double score = cells.get(3).getNumericCellValue();
            assertEquals("Key", cells.get(4).getStringCellValue());
            String line = "1 Meridian Global Industries " + format("0.0%", meridianShare, Locale.ENGLISH) + " "
                    + format("0.0", score, Locale.ENGLISH) + " Key";
            assertTrue(PDF_TEXT.get(Locale.ENGLISH).contains(line), "missing '" + line + "'");
            assertEquals("Growth", cellsOf(Outputs.rowWith(sheet, "Moorland Water").orElseThrow()).get(4).getStringCellValue());
        }
        for (Locale locale : ScenarioReports.LOCALES) {
            String text = PDF_TEXT.get(locale);
            Properties texts = ScenarioReports.texts(locale);
            int meridian = text.indexOf("Meridian Global Industries");
            assertTrue(meridian > 0 && meridian < text.indexOf("Moorland Water"), locale + ": Meridian first");
            assertTrue(text.contains("Meridian Global Industries " + format("0.0%", meridianShare, locale)), locale + ": share");
            assertTrue(text.contains(texts.getProperty("common.tier.KEY")), locale + ": tier");
        }
    }

    private static List<Cell> cellsOf(Row row) {
        List<Cell> cells = new java.util.ArrayList<>();
        row.forEach(cells::add);
        return cells;
    }

    @Test
    void xlsxHoldsKpiValuesAndScoresAsNumbers() throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
            try (Workbook workbook = Outputs.xlsx(out.resolve(locale.toLanguageTag()).resolve(SCENARIO + ".xlsx"))) {
                Sheet sheet = workbook.getSheetAt(0);
                Properties labels = new Properties();
                if (!locale.equals(Locale.ENGLISH)) {
                    try (var reader = Files.newBufferedReader(SharedEngine.sampleData(SCENARIO)
                            .resolve("kpi-catalog_" + locale.getLanguage() + ".properties"), java.nio.charset.StandardCharsets.ISO_8859_1)) {
                        labels.load(reader);
                    }
                }
                for (Kpi kpi : KPIS) {
                    String label = labels.getProperty("kpi." + kpi.id(), kpi.label());
                    List<Cell> cells = cellsOf(Outputs.rowWith(sheet, label).orElseThrow());
                    double value = value("2026-10", kpi.id());
                    assertEquals(value, cells.get(1).getNumericCellValue(), Math.abs(value) * 1e-9, kpi.id());
                    assertEquals(kpi.target(), cells.get(2).getNumericCellValue(), 1e-9, kpi.id());
                }
                Row meridian = Outputs.rowWith(sheet, "Meridian Global Industries").orElseThrow();
                assertEquals(CellType.NUMERIC, cellsOf(meridian).get(3).getCellType(), locale + ": score");
            }
        }
    }

    @Test
    void bulletsContributionsAndChartsAreImagesAndFontsAreEmbedded() throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("nb"))) {
            Path pdf = out.resolve(locale.toLanguageTag()).resolve(SCENARIO + ".pdf");
            int images = ScenarioReports.pdfImages(pdf);
            // 6 bullets + 10 contribution bars + 1 revenue chart + 6 trend charts
            assertTrue(images >= 6 + 10 + 1 + 6, locale + ": " + images + " images");
            assertEquals(List.of(), ScenarioReports.notEmbeddedFonts(pdf), locale + ": fonts not embedded");
        }
    }
}
