package dev.kpikit.runner.engine;

import static dev.kpikit.runner.engine.ScenarioReports.flat;
import static dev.kpikit.runner.engine.ScenarioReports.format;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.engine.ScenarioReports.Kpi;

/**
 * A scenario report on its sample data, rendered to PDF and XLSX in the six languages and read
 * back: the latest month's KPI values are recomputed here from metrics.csv with BigDecimal, their
 * statuses and trends follow the catalog's rules written out in {@link Kpi}, the top account's
 * share is summed from revenue.csv. Subclasses say what differs: the KPIs, how each is computed,
 * the statuses the data gives, and who leads the key accounts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KpiScenarioReportTest {

    /** The top account: its id in revenue.csv, its name, and the accounts after it with their English tier. */
    record Leaders(String id, String name, Map<String, String> followerTiers) {
    }

    protected abstract String scenario();

    protected abstract List<Kpi> kpis();

    /** The metrics.csv columns the KPIs need. */
    protected abstract List<String> metricColumns();

    /** A KPI other than revenue growth, from one month's sums. */
    protected abstract double ratio(Map<String, BigDecimal> month, String kpi, MathContext mc);

    /** "STATUS trend" of each KPI in 2026-10, worked out by hand from metrics.csv. */
    protected abstract List<String> latestStatusesAndTrends();

    /** Runs of the English headline table as a reader sees them. */
    protected abstract List<String> englishHeadlineRuns();

    protected abstract Leaders leaders();

    private Path out;
    private final Map<Locale, String> pdfText = new HashMap<>();
    private TreeMap<String, Map<String, BigDecimal>> sums;

    @BeforeAll
    void render(@TempDir Path folder) throws Exception {
        out = folder;
        sums = ScenarioReports.monthlySums(SharedEngine.sampleData(scenario()).resolve("metrics.csv"), metricColumns());
        for (Locale locale : ScenarioReports.LOCALES) {
            Path dir = out.resolve(locale.toLanguageTag());
            SharedEngine.get().render(new RenderRequest(SharedEngine.template(scenario() + ".rptdesign"),
                    Map.of("dataFolder", SharedEngine.sampleData(scenario()).toString()),
                    List.of(OutputFormat.PDF, OutputFormat.XLSX), dir, locale, scenario()));
            pdfText.put(locale, flat(Outputs.pdfText(dir.resolve(scenario() + ".pdf"))));
        }
    }

    private double value(String month, String kpi) {
        MathContext mc = MathContext.DECIMAL128;
        if (kpi.equals("revenueGrowth")) {
            BigDecimal current = sums.get(month).get("revenue");
            BigDecimal previous = sums.get(sums.lowerKey(month)).get("revenue");
            return current.subtract(previous).divide(previous.abs(), mc).doubleValue();
        }
        return ratio(sums.get(month), kpi, mc);
    }

    private Path output(Locale locale, String extension) {
        return out.resolve(locale.toLanguageTag()).resolve(scenario() + "." + extension);
    }

    @Test
    void everyLanguageHasItsTitleSectionsStatusesAndTrendsInWords() throws Exception {
        for (Locale locale : ScenarioReports.LOCALES) {
            Properties texts = ScenarioReports.texts(locale);
            String text = pdfText.get(locale);
            for (String key : List.of(scenario() + ".title", "common.section.headline", "common.section.keyAccounts",
                    "common.section.revenue", "common.section.trends", "common.col.kpi", "common.col.target")) {
                assertTrue(text.contains(texts.getProperty(key)), locale + ": missing " + key + " '" + texts.getProperty(key) + "'");
            }
            for (Kpi kpi : kpis()) {
                double value = value("2026-10", kpi.id());
                String shown = format(kpi.pattern(), value, locale) + " " + format(kpi.pattern(), kpi.target(), locale) + " "
                        + texts.getProperty("common.status." + kpi.status(value)) + " "
                        + texts.getProperty("common.trend." + kpi.trend(value, value("2026-09", kpi.id())));
                assertTrue(text.contains(flat(shown.replace('\u00a0', ' '))) || text.contains(shown),
                        locale + ", " + kpi.id() + ": missing '" + shown + "'");
            }
            assertTrue(locale.equals(Locale.ENGLISH) || !text.contains("strategic value"),
                    locale + ": the explanations follow the report language");
            int pages = Outputs.pdfPages(output(locale, "pdf"));
            assertTrue(pages >= 2 && pages <= 3, locale + ": " + pages + " pages");
        }
    }

    @Test
    void theEnglishHeadlineShowsTheLatestMonthAsTheCsvAddsUp() {
        String text = pdfText.get(Locale.ENGLISH);
        assertEquals(latestStatusesAndTrends(), kpis().stream()
                .map(k -> k.status(value("2026-10", k.id())) + " " + k.trend(value("2026-10", k.id()), value("2026-09", k.id())))
                .toList());
        for (Kpi kpi : kpis()) {
            assertTrue(text.contains(kpi.label().split(" ")[0]), kpi.label());
        }
        for (String run : englishHeadlineRuns()) {
            assertTrue(text.contains(run), "missing '" + run + "' in " + text);
        }
    }

    @Test
    void theLeaderComesFirstAmongTheKeyAccounts() throws Exception {
        // year to date: 2026-01 to 2026-10, from revenue.csv
        BigDecimal total = BigDecimal.ZERO;
        Map<String, BigDecimal> byAccount = new HashMap<>();
        List<String> lines = Files.readAllLines(SharedEngine.sampleData(scenario()).resolve("revenue.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells[0].startsWith("2026-")) {
                total = total.add(new BigDecimal(cells[2]));
                byAccount.merge(cells[1], new BigDecimal(cells[2]), BigDecimal::add);
            }
        }
        Leaders leaders = leaders();
        double share = byAccount.get(leaders.id()).divide(total, MathContext.DECIMAL128).doubleValue();
        try (Workbook workbook = Outputs.xlsx(output(Locale.ENGLISH, "xlsx"))) {
            Sheet sheet = workbook.getSheet("Key accounts");
            List<Cell> cells = cellsOf(Outputs.rowWith(sheet, leaders.name()).orElseThrow());
            assertEquals(1, cells.get(0).getNumericCellValue(), "rank");
            assertEquals(share, cells.get(2).getNumericCellValue(), 1e-9, "revenue share");
            assertEquals(CellType.NUMERIC, cells.get(3).getCellType(), "score is a number");
            double score = cells.get(3).getNumericCellValue();
            assertEquals("Key", cells.get(4).getStringCellValue());
            String line = "1 " + leaders.name() + " " + format("0.0%", share, Locale.ENGLISH) + " "
                    + format("0.0", score, Locale.ENGLISH) + " Key";
            assertTrue(pdfText.get(Locale.ENGLISH).contains(line), "missing '" + line + "'");
            leaders.followerTiers().forEach((name, tier) ->
                    assertEquals(tier, cellsOf(Outputs.rowWith(sheet, name).orElseThrow()).get(4).getStringCellValue(), name));
        }
        String follower = leaders.followerTiers().keySet().iterator().next();
        for (Locale locale : ScenarioReports.LOCALES) {
            String text = pdfText.get(locale);
            int leader = text.indexOf(leaders.name());
            assertTrue(leader > 0 && leader < text.indexOf(follower), locale + ": " + leaders.name() + " first");
            assertTrue(text.contains(leaders.name() + " " + format("0.0%", share, locale)), locale + ": share");
            assertTrue(text.contains(ScenarioReports.texts(locale).getProperty("common.tier.KEY")), locale + ": tier");
        }
    }

    @Test
    void xlsxHoldsKpiValuesAndScoresAsNumbers() throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
            try (Workbook workbook = Outputs.xlsx(output(locale, "xlsx"))) {
                Sheet sheet = workbook.getSheet("Headline KPIs");
                Properties labels = new Properties();
                if (!locale.equals(Locale.ENGLISH)) {
                    try (var reader = Files.newBufferedReader(SharedEngine.sampleData(scenario())
                            .resolve("kpi-catalog_" + locale.getLanguage() + ".properties"), StandardCharsets.ISO_8859_1)) {
                        labels.load(reader);
                    }
                }
                for (Kpi kpi : kpis()) {
                    String label = labels.getProperty("kpi." + kpi.id(), kpi.label());
                    List<Cell> cells = cellsOf(Outputs.rowWith(sheet, label).orElseThrow());
                    double value = value("2026-10", kpi.id());
                    assertEquals(value, cells.get(1).getNumericCellValue(), Math.abs(value) * 1e-9, kpi.id());
                    assertEquals(kpi.target(), cells.get(2).getNumericCellValue(), 1e-9, kpi.id());
                }
                Row leader = Outputs.rowWith(workbook.getSheet("Key accounts"), leaders().name()).orElseThrow();
                assertEquals(CellType.NUMERIC, cellsOf(leader).get(3).getCellType(), locale + ": score");
            }
        }
    }

    @Test
    void bulletsContributionsAndChartsAreImagesAndFontsAreEmbedded() throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("nb"))) {
            Path pdf = output(locale, "pdf");
            int images = ScenarioReports.pdfImages(pdf);
            // a bullet per KPI + 10 contribution bars + 1 revenue chart + a trend chart per KPI
            assertTrue(images >= kpis().size() + 10 + 1 + kpis().size(), locale + ": " + images + " images");
            assertEquals(List.of(), ScenarioReports.notEmbeddedFonts(pdf), locale + ": fonts not embedded");
        }
    }

    private static List<Cell> cellsOf(Row row) {
        List<Cell> cells = new ArrayList<>();
        row.forEach(cells::add);
        return cells;
    }
}
