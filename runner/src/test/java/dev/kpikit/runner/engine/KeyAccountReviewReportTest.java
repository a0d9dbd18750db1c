package dev.kpikit.runner.engine;

import static dev.kpikit.runner.engine.ScenarioReports.assertContains;
import static dev.kpikit.runner.engine.ScenarioReports.format;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
 * report-templates/key-account-review.rptdesign: any data folder, no KPI catalog. Rendered on sample-data/startup in
 * the six languages and on sample-data/restaurant (another folder, 150 guests instead of 40 clients) in English.
 *
 * The concentration of the year to date is computed here from revenue.csv with BigDecimal: HHI = sum of the squared
 * shares in percent points, band under 1,000 / up to 1,800 / above; shares of the largest and the five largest.
 * By hand for the start-up, 2026 reads: 1,301,860 of revenue from 40 accounts, HHI 2,053 (high), Client A 42.9 %,
 * the top five 64.8 %.
 */
class KeyAccountReviewReportTest {

    @TempDir
    static Path out;

    @BeforeAll
    static void render() throws Exception {
        ScenarioReports.renderAllLocales("key-account-review.rptdesign", Map.of("dataFolder", SharedEngine.sampleData("startup").toString()), out);
        SharedEngine.get().render(new RenderRequest(SharedEngine.template("key-account-review.rptdesign"),
                Map.of("dataFolder", SharedEngine.sampleData("restaurant").toString()), List.of(OutputFormat.PDF, OutputFormat.XLSX),
                out.resolve("restaurant"), Locale.ENGLISH, "key-account-review"));
    }

    /** revenue, accounts, HHI, band key, largest share, top-five share of the invoices dated in the year. */
    record Concentration(BigDecimal revenue, int accounts, double hhi, String band, double top1, double top5) {
    }

    static Concentration concentration(Path csv, String year) throws Exception {
        Map<String, BigDecimal> byAccount = new TreeMap<>();
        List<String> lines = Files.readAllLines(csv);
        assertEquals("date,account_id,amount", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells[0].startsWith(year)) {
                byAccount.merge(cells[1], new BigDecimal(cells[2]), BigDecimal::add);
            }
        }
        BigDecimal total = byAccount.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> shares = byAccount.values().stream().map(v -> v.divide(total, MathContext.DECIMAL128))
                .sorted(Comparator.reverseOrder()).toList();
        double hhi = shares.stream().map(s -> s.multiply(BigDecimal.valueOf(100)).pow(2)).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue();
        String band = hhi < 1000 ? "UNCONCENTRATED" : hhi <= 1800 ? "MODERATE" : "HIGH";
        double top5 = shares.stream().limit(5).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue();
        return new Concentration(total, byAccount.size(), hhi, band, shares.get(0).doubleValue(), top5);
    }

    static String line(Concentration c, Properties texts) {
        return "Jan 1, 2026 \u2013 Oct 31, 2026 " + format("#,##0", c.revenue().doubleValue(), Locale.ENGLISH) + " " + c.accounts() + " "
                + format("#,##0", c.hhi(), Locale.ENGLISH) + " " + texts.getProperty("review.band." + c.band()) + " "
                + format("0.0%", c.top1(), Locale.ENGLISH) + " " + format("0.0%", c.top5(), Locale.ENGLISH);
    }

    @Test
    void startupYearToDateConcentrationAndKeyAccounts() throws Exception {
        Concentration c = concentration(SharedEngine.sampleData("startup").resolve("revenue.csv"), "2026");
        assertEquals("2,053 HIGH", format("#,##0", c.hhi(), Locale.ENGLISH) + " " + c.band());
        String text = ScenarioReports.flatText(out.resolve("en/key-account-review.pdf"));
        assertContains(text, line(c, ScenarioReports.texts(Locale.ENGLISH)));
        assertTrue(Pattern.compile("1 Client A 42.9% [\\d.]+ Key KEY: ").matcher(text).find(), text);
        assertTrue(Pattern.compile("2 Nordlys Robotics 4.4% [\\d.]+ Key KEY: ").matcher(text).find(), text);
    }

    @Test
    void anotherFolderWithoutKpiCatalogRendersItsOwnFigures() throws Exception {
        Path folder = SharedEngine.sampleData("restaurant");
        Concentration c = concentration(folder.resolve("revenue.csv"), "2026");
        String text = ScenarioReports.flatText(out.resolve("restaurant/key-account-review.pdf"));
        assertContains(text, line(c, ScenarioReports.texts(Locale.ENGLISH)));
        assertTrue(!text.contains("Client A"), "no start-up data in the restaurant's report");
        int pages = Outputs.pdfPages(out.resolve("restaurant/key-account-review.pdf"));
        assertTrue(pages >= 1 && pages <= 3, pages + " pages");
        assertTrue(ScenarioReports.pdfImages(out.resolve("restaurant/key-account-review.pdf")) >= 10 + 1);
    }

    /**
     * An invoice of 17 digits and two of 1: BIRT's SUM, in doubles, put the Total 1 below the period's revenue above it;
     * KPI_SUM adds them to the last digit.
     */
    @Test
    void theTotalOfRevenueIsExactBeyondWhatADoubleHolds(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("accounts.csv"), "account_id,name\nA1,Alpha\nB2,Beta\n");
        Files.writeString(folder.resolve("revenue.csv"), "date,account_id,amount\n2026-01-15,A1,12345678901234567\n"
                + "2026-01-16,B2,1\n2026-01-17,B2,1\n");
        SharedEngine.get().render(new RenderRequest(SharedEngine.template("key-account-review.rptdesign"),
                Map.of("dataFolder", folder.toString()), List.of(OutputFormat.PDF), folder.resolve("out"), Locale.ENGLISH,
                "key-account-review"));
        String text = ScenarioReports.flatText(folder.resolve("out/key-account-review.pdf"));
        assertContains(text, "Jan 1, 2026 \u2013 Jan 17, 2026 12,345,678,901,234,569 2 ");
        assertContains(text, "Total 12,345,678,901,234,569");
    }

    /**
     * An as-of date before the first invoice: no period has revenue, and the Total of revenue says 0 (a sum over no
     * rows) instead of staying blank.
     */
    @Test
    void theTotalOfRevenueIsZeroWhenThePeriodHasNoRevenueRows(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("accounts.csv"), "account_id,name\nA1,Alpha\nB2,Beta\n");
        Files.writeString(folder.resolve("revenue.csv"), "date,account_id,amount\n2026-01-15,A1,1200.50\n2026-02-16,B2,300\n");
        SharedEngine.get().render(new RenderRequest(SharedEngine.template("key-account-review.rptdesign"),
                Map.of("dataFolder", folder.toString(), "asOf", "2025-06-30"), List.of(OutputFormat.PDF, OutputFormat.XLSX),
                folder.resolve("out"), Locale.ENGLISH, "key-account-review"));
        String text = ScenarioReports.flatText(folder.resolve("out/key-account-review.pdf"));
        assertTrue(Pattern.compile("Total 0\\b").matcher(text).find(), "no 'Total 0' in\n" + text);
        try (Workbook workbook = Outputs.xlsx(folder.resolve("out/key-account-review.xlsx"))) {
            org.apache.poi.ss.usermodel.Cell total = ScenarioReports.cellAfter(workbook, "Total", 1).orElseThrow();
            assertEquals(org.apache.poi.ss.usermodel.CellType.FORMULA, total.getCellType(), "the total as a formula: " + total);
            assertEquals(0, total.getNumericCellValue(), 0, "its value as saved");
        }
    }

    @Test
    void everyLanguageHasItsHeadingsBandsTiersImagesAndEmbeddedFonts() throws Exception {
        for (Locale locale : ScenarioReports.LOCALES) {
            ScenarioReports.assertLocalizedPdf(out.resolve(locale.getLanguage()).resolve("key-account-review.pdf"), locale,
                    List.of("review.title", "common.section.keyAccounts", "review.section.concentration", "common.section.revenue",
                            "review.band.HIGH", "common.tier.KEY", "common.tier.MAINTAIN", "review.col.band"),
                    List.of("common.section.keyAccounts", "review.section.concentration", "common.section.revenue"), 1, 3, 10 + 1);
        }
    }

    @Test
    void xlsxHoldsSharesScoresAndHhiAsNumbers() throws Exception {
        Concentration c = concentration(SharedEngine.sampleData("startup").resolve("revenue.csv"), "2026");
        for (Locale locale : ScenarioReports.LOCALES) {
            try (Workbook workbook = Outputs.xlsx(out.resolve(locale.getLanguage()).resolve("key-account-review.xlsx"))) {
                assertEquals(0.428961, ScenarioReports.numeric(ScenarioReports.cellAfter(workbook, "Client A", 1), locale + " share"), 1e-6);
                double score = ScenarioReports.numeric(ScenarioReports.cellAfter(workbook, "Client A", 2), locale + " score");
                assertTrue(score > 0 && score <= 100, "score " + score);
            }
        }
        try (Workbook workbook = Outputs.xlsx(out.resolve("en/key-account-review.xlsx"))) {
            assertEquals(c.revenue().doubleValue(), ScenarioReports.numeric(ScenarioReports.cellAfter(workbook, "Jan 1, 2026 \u2013 Oct 31, 2026", 1), "revenue"), 1e-6);
            assertEquals(c.hhi(), ScenarioReports.numeric(ScenarioReports.cellAfter(workbook, "Jan 1, 2026 \u2013 Oct 31, 2026", 3), "HHI"), 1e-6);
        }
    }
}
