package dev.kpikit.runner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KPI aggregations in a real report (src/test/resources/reports/kpi-aggregations.rptdesign),
 * per channel, on figures worked out by hand:
 *   A: 1 of 10 visits (10 %), 100 of 10,000 (1 %), 9 of 90 (10 %)
 *      ratio of sums 110 / 10,100 = 1.09 %; BIRT's AVE of the daily rates (10 + 1 + 10) / 3 = 7.00 %;
 *      rates weighted by visits = the ratio of sums, 1.09 %
 *      revenue January 100, February 200 + 20: monthly growth 120 %; last day (20) over first day (100): -80 %
 *   B: 0 visits (no rate), then 10 of 200 (5 %): 5.00 % all three ways;
 *      revenue January 50, March 80: no February, so no monthly growth; first to last day +60 %
 */
class KpiAggregationsReportTest {

    @TempDir
    static Path data;
    @TempDir
    static Path out;

    @BeforeAll
    static void render() throws Exception {
        Files.writeString(data.resolve("daily.csv"), """
                day,channel,visits,conversions,revenue
                2026-01-10,A,10,1,100
                2026-02-05,A,10000,100,200
                2026-02-20,A,90,9,20
                2026-01-15,B,0,0,50
                2026-03-01,B,200,10,80
                """);
        SharedEngine.get().render(new RenderRequest(Path.of("src/test/resources/reports/kpi-aggregations.rptdesign"),
                Map.of("dataFolder", data.toString()), List.of(OutputFormat.PDF, OutputFormat.XLSX), out, Locale.ENGLISH, "aggregations"));
    }

    @Test
    void pdfShowsRatioOfSumsApartFromTheAverageOfRatios() throws Exception {
        String text = Outputs.pdfText(out.resolve("aggregations.pdf")).replaceAll(" +", " ");
        assertTrue(text.contains("A 1.09% 7.00% 1.09% 120.0% -80.0%"), text);
        assertTrue(text.contains("B 5.00% 5.00% 5.00% 60.0%"), text);
    }

    @Test
    void xlsxHoldsTheExactFractions() throws Exception {
        try (Workbook workbook = Outputs.xlsx(out.resolve("aggregations.xlsx"))) {
            Row a = Outputs.rowWith(workbook.getSheetAt(0), "A").orElseThrow();
            int first = a.getFirstCellNum();
            assertEquals(110.0 / 10100.0, a.getCell(first + 1).getNumericCellValue(), 1e-15);
            assertEquals(0.07, a.getCell(first + 2).getNumericCellValue(), 1e-15);
            assertEquals(110.0 / 10100.0, a.getCell(first + 3).getNumericCellValue(), 1e-15);
            assertEquals(1.2, a.getCell(first + 4).getNumericCellValue(), 1e-15);
            assertEquals(-0.8, a.getCell(first + 5).getNumericCellValue(), 1e-15);

            Row b = Outputs.rowWith(workbook.getSheetAt(0), "B").orElseThrow();
            Cell gap = b.getCell(first + 4);
            assertTrue(gap == null || gap.getCellType() == CellType.BLANK
                    || (gap.getCellType() == CellType.STRING && gap.getStringCellValue().isEmpty()), "growth across a gap must be blank: " + gap);
            assertEquals(0.6, b.getCell(first + 5).getNumericCellValue(), 1e-15);
        }
    }
}
