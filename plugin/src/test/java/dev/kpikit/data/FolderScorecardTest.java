package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.kpi.Grain;
import dev.kpikit.kpi.KpiCatalogException;
import dev.kpikit.kpi.KpiResult;
import dev.kpikit.kpi.Status;

/**
 * A scorecard from a folder, worked out by hand:
 *   clicks / conversions  2026-01: 400 / 12 = 3 %   2026-02: 500 / 10 = 2 %   2026-03: 200 / 9 = 4.5 %
 *   2026-Q1: 31 / 1,100 = 2.818 %   (April lies after the as-of date and is ignored)
 *   target 3 %, amber within 10 % (2.7 % to 3 %), trend flat within 1 % of the previous value
 */
class FolderScorecardTest {

    private static final String CATALOG = """
            { "metrics": ["clicks", "conversions"],
              "kpis": [
                { "id": "conversion", "label": { "key": "kpi.conversion", "text": "Conversion rate" },
                  "formula": "CONVERSION_RATE(conversions, clicks)", "unit": "PERCENT", "format": "0.0%",
                  "target": 0.03, "tolerance": "10%", "deadBand": 0.01 },
                { "id": "quarterly", "grain": "QUARTER", "label": { "key": "kpi.quarterly", "text": "Conversion rate (quarter)" },
                  "formula": "conversions / clicks", "unit": "PERCENT", "target": 0.03, "tolerance": "10%" }
              ] }
            """;

    @TempDir
    Path folder;
    Path catalog;
    Path metrics;

    @BeforeEach
    void writeFolder() throws Exception {
        catalog = Files.writeString(folder.resolve("kpi-catalog.json"), CATALOG);
        metrics = Files.writeString(folder.resolve("metrics.csv"), """
                Date,client,clicks,Conversions
                2026-01-05,A,100,2
                2026-01-20,B,300,10
                2026-02-03,A,500,10
                2026-03-10,A,200,9
                2026-04-02,A,1000,100
                """);
        Files.writeString(folder.resolve("kpi-catalog_fr.properties"), "kpi.conversion=Taux de conversion\n");
    }

    private static void assertNumber(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", was " + actual);
    }

    @Test
    void latestPeriodsWithStatusTrendAndLocalisedLabels() throws Exception {
        List<FolderScorecard.Row> rows = FolderScorecard.evaluate(catalog, metrics,
                new FolderScorecard.Options(LocalDate.of(2026, 3, 31), null, 2, Locale.FRANCE));
        assertEquals(List.of("2026-Q1 quarterly 0", "2026-02 conversion 1", "2026-03 conversion 0"),
                rows.stream().map(r -> r.result().period() + " " + r.result().kpiId() + " " + r.periodsAgo()).toList());

        KpiResult quarter = rows.get(0).result();
        assertNumber("0.02818181818181818181818181818181818", quarter.value());
        assertEquals(Status.AMBER, quarter.status());
        assertNull(quarter.trend(), "no quarter before 2026-Q1");
        assertEquals("Conversion rate (quarter)", quarter.label(), "no French label: the catalog's text");

        KpiResult february = rows.get(1).result();
        assertEquals("Taux de conversion", february.label());
        assertNumber("0.02", february.value());
        assertNumber("0.03", february.previousValue());
        assertEquals(Status.RED, february.status());
        assertEquals(-1, february.trend());

        KpiResult march = rows.get(2).result();
        assertNumber("0.045", march.value());
        assertNumber("0.025", march.change());
        assertNumber("1.25", march.relativeChange());
        assertEquals(Status.GREEN, march.status());
        assertNumber("1", march.statusScore());
        assertEquals(1, march.trend());
    }

    @Test
    void withoutOptionsEveryPeriodUpToTheLastDataIsReturnedInTheCatalogsTexts() throws Exception {
        List<FolderScorecard.Row> rows = FolderScorecard.evaluate(catalog, metrics, FolderScorecard.Options.all());
        assertEquals(List.of("2026-01 3", "2026-02 2", "2026-03 1", "2026-04 0"), rows.stream()
                .filter(r -> r.result().period().grain() == Grain.MONTH)
                .map(r -> r.result().period() + " " + r.periodsAgo()).toList());
        assertEquals("Conversion rate", rows.get(0).result().label());
        assertEquals(List.of("2026-Q1", "2026-Q2"), FolderScorecard.evaluate(catalog, metrics,
                new FolderScorecard.Options(null, Grain.QUARTER, 0, Locale.ENGLISH)).stream()
                .map(r -> r.result().period().toString()).toList());
    }

    @Test
    void aBadCatalogNamesTheFileTheKpiAndThePosition() throws Exception {
        Files.writeString(catalog, CATALOG.replace("CONVERSION_RATE(conversions, clicks)", "CONVERSION_RATE(conversions, visits)"));
        KpiCatalogException e = assertThrows(KpiCatalogException.class,
                () -> FolderScorecard.evaluate(catalog, metrics, FolderScorecard.Options.all()));
        assertTrue(e.getMessage().contains(catalog.toString()) && e.getMessage().contains("KPI 'conversion'")
                && e.getMessage().contains("Unknown metric 'visits' at position 30"), e.getMessage());
    }

    @Test
    void aMissingMetricColumnOrAMalformedValueIsNamed() throws Exception {
        Files.writeString(metrics, "date,clicks\n2026-01-05,100\n");
        DataFormatException missing = assertThrows(DataFormatException.class,
                () -> FolderScorecard.evaluate(catalog, metrics, FolderScorecard.Options.all()));
        assertTrue(missing.getMessage().contains("metrics.csv: missing column 'conversions'"), missing.getMessage());

        Files.writeString(metrics, "date,clicks,conversions\n2026-01-05,100,2\n2026-01-06,1O0,2\n");
        DataFormatException malformed = assertThrows(DataFormatException.class,
                () -> FolderScorecard.evaluate(catalog, metrics, FolderScorecard.Options.all()));
        assertTrue(malformed.getMessage().contains("metrics.csv, line 3, column 'clicks'"), malformed.getMessage());
    }

    /**
     * The CSV scanner's monthly sums give the rows the reader's row-by-row sums give: blank metric cells, a month
     * whose rows give no value, decimals of several scales, rows after the as-of date, rows out of date order.
     * (windows-1252 is read by the reader only; the file is ASCII, so both read the same text.)
     */
    @Test
    void scannedMonthlySumsGiveTheRowsOfTheReadersSums() throws Exception {
        Files.writeString(metrics, """
                Date,client,clicks,Conversions
                2026-01-05,A,100.5,2
                2026-03-10,A,200,
                2026-01-20,"B, Inc.",300.25,10.000
                2025-12-31,A,,
                2026-02-03,A,500,10
                2026-04-02,A,1000,100
                2026-02-27, A ,-0.75,1
                """);
        for (LocalDate asOf : new LocalDate[] {null, LocalDate.of(2026, 3, 31)}) {
            FolderScorecard.Options scanned = new FolderScorecard.Options(asOf, null, 0, null);
            FolderScorecard.Options read = new FolderScorecard.Options(asOf, null, 0, null, java.nio.charset.Charset.forName("windows-1252"));
            List<FolderScorecard.Row> expected = FolderScorecard.evaluate(catalog, metrics, read);
            assertEquals(expected, FolderScorecard.evaluate(catalog, metrics, scanned));
            assertTrue(expected.stream().anyMatch(row -> row.result().period().toString().equals("2025-12")), "a month without values");
        }
    }
}
