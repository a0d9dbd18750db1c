package dev.kpikit.runner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report-templates/kpi-basics.rptdesign on sample-data/startup, through the real engine:
 * the KPI.growth and KPI.divide functions, the KPI_HHI aggregation and the kpikit ODA
 * table data set, read back from the PDF, XLSX and HTML a user would open.
 *
 * The sample (account_revenue.csv), worked out by hand:
 *   this month: A 45,100  B 8,400  C 5,850  D 1,200  E 3,300   total 63,850.00
 *   growth:     A 45,100/41,000-1 = 10.0%, B 5.0%, C -10.0%, D previous 0 -> blank, E 10.0%
 *   share:      A 45,100/63,850 = 70.6%, B 13.2%, C 9.2%, D 1.9%, E 5.2%
 *   HHI = 10,000 x (45,100^2 + 8,400^2 + 5,850^2 + 1,200^2 + 3,300^2) / 63,850^2 = 5,276.47
 */
class KpiBasicsReportTest {

    @TempDir
    static Path out;
    static List<Path> files;

    @BeforeAll
    static void render() throws Exception {
        files = SharedEngine.get().render(new RenderRequest(SharedEngine.template("kpi-basics.rptdesign"),
                Map.of("dataFolder", SharedEngine.sampleData("startup").toString()),
                List.of(OutputFormat.PDF, OutputFormat.XLSX, OutputFormat.HTML), out, Locale.ENGLISH, "kpi-basics"));
    }

    @Test
    void writesOneFilePerFormatAndNoPartialFiles() throws Exception {
        assertEquals(List.of(out.resolve("kpi-basics.pdf"), out.resolve("kpi-basics.xlsx"), out.resolve("kpi-basics.html")), files);
        try (var listing = Files.list(out)) {
            assertTrue(listing.noneMatch(f -> f.getFileName().toString().endsWith(".partial")));
        }
    }

    @Test
    void pdfShowsGrowthShareAndConcentration() throws Exception {
        String text = Outputs.pdfText(out.resolve("kpi-basics.pdf")).replaceAll(" +", " ");
        assertTrue(text.contains("Client A 41,000.00 45,100.00 10.0% 70.6%"), text);
        assertTrue(text.contains("Blue Harbor 6,500.00 5,850.00 -10.0% 9.2%"), text);
        // previous month 0: growth is blank, the share is still there
        assertTrue(text.contains("Fjord Analytics 0.00 1,200.00 1.9%"), text);
        assertTrue(text.contains("Total 63,850.00"), text);
        assertTrue(text.contains("Revenue concentration (HHI) 5,276"), text);
        assertEquals(1, Outputs.pdfPages(out.resolve("kpi-basics.pdf")));
    }

    @Test
    void xlsxHoldsNumbersAndABlankForTheDivisionByZero() throws Exception {
        try (Workbook workbook = Outputs.xlsx(out.resolve("kpi-basics.xlsx"))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row clientA = Outputs.rowWith(sheet, "Client A").orElseThrow();
            int first = clientA.getFirstCellNum();
            assertEquals(45100.0, clientA.getCell(first + 2).getNumericCellValue(), 1e-9);
            assertEquals(0.1, clientA.getCell(first + 3).getNumericCellValue(), 1e-12);
            assertEquals(45100.0 / 63850.0, clientA.getCell(first + 4).getNumericCellValue(), 1e-12);

            Row fjord = Outputs.rowWith(sheet, "Fjord Analytics").orElseThrow();
            Cell growth = fjord.getCell(first + 3);
            assertTrue(growth == null || growth.getCellType() == CellType.BLANK
                    || (growth.getCellType() == CellType.STRING && growth.getStringCellValue().isEmpty()),
                    "growth over a zero previous month must be blank, was " + growth);
            assertEquals(1200.0 / 63850.0, fjord.getCell(first + 4).getNumericCellValue(), 1e-12);

            Row hhi = Outputs.rowWith(sheet, "Revenue concentration (HHI)").orElseThrow();
            assertEquals(5276.468377, hhi.getCell(first + 2).getNumericCellValue(), 1e-6);
        }
    }

    @Test
    void pdfEmbedsItsFontsSoLocaleGlyphsShow(@TempDir Path norwegian) throws Exception {
        Path pdf = SharedEngine.get().render(new RenderRequest(SharedEngine.template("kpi-basics.rptdesign"),
                Map.of("dataFolder", SharedEngine.sampleData("startup").toString()), List.of(OutputFormat.PDF),
                norwegian, Locale.forLanguageTag("nb"), "kpi-basics")).get(0);
        // Norwegian writes a negative number with U+2212 MINUS SIGN and groups digits with a space;
        // the unembedded base-14 fonts have no minus sign and the value would read as growth
        String text = Outputs.pdfText(pdf);
        assertTrue(text.contains("\u221210,0"), text);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            for (var name : document.getPage(0).getResources().getFontNames()) {
                var font = document.getPage(0).getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
            }
        }
    }

    @Test
    void htmlShowsTheSameValues() throws Exception {
        String html = Files.readString(out.resolve("kpi-basics.html"));
        assertNotNull(html);
        assertTrue(html.contains("70.6%") && html.contains("5,276"), "HTML lacks the computed values");
    }
}
