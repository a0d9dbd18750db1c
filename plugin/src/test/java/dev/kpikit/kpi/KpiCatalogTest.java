package dev.kpikit.kpi;

import static dev.kpikit.kpi.Expect.d;
import static dev.kpikit.kpi.Expect.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KpiCatalogTest {

    private static final String SHOP = """
            {
              "scenario": "Shop",
              "metrics": ["visits", "conversions", "adSpend", "acquisitions", "revenue"],
              "kpis": [
                { "id": "marketing", "label": { "key": "kpi.marketing", "text": "Marketing" } },
                { "id": "conversion", "parent": "marketing", "weight": 3,
                  "label": { "key": "kpi.conversion", "text": "Conversion rate" },
                  "formula": "CONVERSION_RATE(conversions, visits)", "unit": "percent", "format": "0.0%",
                  "target": 0.03, "tolerance": "10%", "direction": "higher", "deadBand": 0.05 },
                { "id": "cpa", "parent": "marketing",
                  "label": { "key": "kpi.cpa", "text": "Cost per acquisition" },
                  "formula": "adSpend / acquisitions", "unit": "CURRENCY",
                  "target": 50, "tolerance": 5, "direction": "down" },
                { "id": "revenueGrowth", "label": { "text": "Revenue growth" },
                  "formula": "GROWTH(revenue, previous_revenue)", "unit": "PERCENT" },
                { "id": "quarterConversion", "grain": "quarter", "label": { "text": "Conversion (quarter)" },
                  "formula": "DIVIDE(conversions, visits)", "unit": "PERCENT", "target": 0.03 }
              ]
            }
            """;

    private static SortedMap<Period, Map<String, BigDecimal>> metricsByPeriod(Object... periodsAndRows) {
        SortedMap<Period, Map<String, BigDecimal>> metrics = new TreeMap<>();
        for (int i = 0; i < periodsAndRows.length; i += 2) {
            String[] row = (String[]) periodsAndRows[i + 1];
            Map<String, BigDecimal> values = new HashMap<>();
            for (int j = 0; j < row.length; j += 2) {
                values.put(row[j], d(row[j + 1]));
            }
            metrics.put(Period.parse((String) periodsAndRows[i]), values);
        }
        return metrics;
    }

    private static String[] row(String... namesAndValues) {
        return namesAndValues;
    }

    @Test
    void evaluatesEveryKpiForEveryPeriodOfItsGrain() {
        KpiCatalog catalog = KpiCatalog.parse(SHOP, "shop.json");
        assertEquals(Set.of(Grain.MONTH, Grain.QUARTER), catalog.grains());
        Scorecard scorecard = catalog.evaluate(metricsByPeriod(
                "2026-01", row("visits", "10000", "conversions", "300", "adSpend", "5000", "acquisitions", "100", "revenue", "1000"),
                "2026-02", row("visits", "10000", "conversions", "280", "adSpend", "5000", "acquisitions", "0", "revenue", "1100"),
                // no row for March: April has no previous values
                "2026-04", row("visits", "5000", "conversions", "160", "adSpend", "5000", "acquisitions", "80", "revenue", "1300"),
                "2026-Q1", row("visits", "20000", "conversions", "580")));

        KpiResult february = scorecard.row(Period.parse("2026-02"), "conversion").orElseThrow();
        value("0.028", february.value());
        value("0.03", february.previousValue());
        value("-0.002", february.change());
        value("-0.06666666666666666666666666666666667", february.relativeChange());
        assertEquals(-1, february.trend());                     // -6.7 %, beyond the 5 % dead band
        assertEquals(Status.AMBER, february.status());           // within 10 % of 0.03
        value("0", february.statusScore());
        assertEquals(Unit.PERCENT, february.unit());
        assertEquals("0.0%", february.format());
        assertEquals("Conversion rate", february.label());
        assertEquals("marketing", february.parentId());

        KpiResult cpaFebruary = scorecard.row(Period.parse("2026-02"), "cpa").orElseThrow();
        assertNull(cpaFebruary.value());                          // 5000 / 0 acquisitions
        assertEquals(Status.NO_VALUE, cpaFebruary.status());      // a target of 50, but no value: not "no target"
        assertNull(cpaFebruary.statusScore());

        KpiResult marketingJanuary = scorecard.row(Period.parse("2026-01"), "marketing").orElseThrow();
        assertNull(marketingJanuary.value());
        assertEquals(Status.GREEN, marketingJanuary.status());    // conversion green, cpa 50 green
        KpiResult marketingFebruary = scorecard.row(Period.parse("2026-02"), "marketing").orElseThrow();
        value("0", marketingFebruary.statusScore());              // only conversion (amber) scores

        KpiResult april = scorecard.row(Period.parse("2026-04"), "conversion").orElseThrow();
        value("0.032", april.value());
        assertNull(april.previousValue());
        assertNull(april.trend());
        assertNull(april.change());
        assertNull(scorecard.row(Period.parse("2026-04"), "revenueGrowth").orElseThrow().value());
        value("0.1", scorecard.row(Period.parse("2026-02"), "revenueGrowth").orElseThrow().value());
        assertEquals(Status.NONE, scorecard.row(Period.parse("2026-02"), "revenueGrowth").orElseThrow().status());

        KpiResult quarter = scorecard.row(Period.parse("2026-Q1"), "quarterConversion").orElseThrow();
        value("0.029", quarter.value());
        assertEquals(Status.RED, quarter.status());               // no tolerance: short of target is red
        assertTrue(scorecard.row(Period.parse("2026-Q1"), "conversion").isEmpty());
        assertTrue(scorecard.row(Period.parse("2026-01"), "quarterConversion").isEmpty());
        assertEquals(3 * 4 + 1, scorecard.rows().size());
    }

    @Test
    void labelsAreLocalised() {
        ResourceBundle dutch = new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"kpi.conversion", "Conversiepercentage"}};
            }
        };
        Scorecard scorecard = KpiCatalog.parse(SHOP, "shop.json")
                .evaluate(metricsByPeriod("2026-01", row("visits", "1")), dutch);
        assertEquals("Conversiepercentage", scorecard.row(Period.parse("2026-01"), "conversion").orElseThrow().label());
        assertEquals("Cost per acquisition", scorecard.row(Period.parse("2026-01"), "cpa").orElseThrow().label());
    }

    @Test
    void refusesEveryProblemAtOnceNamingFileKpiAndPosition() {
        String json = """
                {
                  "metrics": ["visits", "conversions", "visits", "2bad", "previous_x"],
                  "kpis": [
                    { "id": "a", "label": { "text": "A" }, "formula": "divide(conversions, visitz)" },
                    { "id": "b", "label": { "text": "B" }, "formula": "DIVDE(conversions, visits)" },
                    { "id": "c", "label": { "text": "C" }, "formula": "conversions / (visits" },
                    { "id": "d", "label": { "text": " " }, "formula": "visits", "format": "0.0%%'",
                      "tolerance": "much", "weight": -1, "deadBand": -0.1 },
                    { "id": "e", "label": { "text": "E" }, "formula": "visits", "direction": "sideways", "parent": "zz" },
                    { "id": "f", "label": { "text": "F" } },
                    { "id": "a", "label": { "text": "A again" }, "formula": "visits" },
                    { "label": { "text": "no id" }, "formula": "visits" },
                    { "id": "g", "label": { "text": "G" }, "formula": "visits", "parent": "h" },
                    { "id": "h", "label": { "text": "H" }, "formula": "visits", "parent": "g" },
                    { "id": "q", "label": { "text": "Q" }, "formula": "visits", "grain": "QUARTER", "parent": "g" }
                  ]
                }
                """;
        KpiCatalogException e = assertThrows(KpiCatalogException.class, () -> KpiCatalog.parse(json, "shop.json"));
        assertEquals(List.of(
                "shop.json: metric 'visits' is declared twice",
                "shop.json: metric name '2bad' is not a name (letters, digits and _, not starting with a digit)",
                "shop.json: metric name 'previous_x' starts with 'previous_', which names previous values",
                "shop.json: KPI 'a' is declared twice",
                "shop.json: KPI number 8 has no id",
                "shop.json: KPI 'a': Unknown metric 'visitz' at position 21 in formula 'divide(conversions, visitz)'",
                "shop.json: KPI 'b': Undefined function 'DIVDE' at position 1 in formula 'DIVDE(conversions, visits)'",
                "shop.json: KPI 'c': Closing brace not found at position 1 in formula 'conversions / (visits'",
                "shop.json: KPI 'd': no label text",
                "shop.json: KPI 'd': format '0.0%%'' is not a number pattern: Too many percent/per mille characters in pattern \"0.0%%'\"",
                "shop.json: KPI 'd': Not a tolerance (expected a number or a percentage such as 10%): much",
                "shop.json: KPI 'd': weight -1 is negative",
                "shop.json: KPI 'd': dead band -0.1 is negative",
                "shop.json: KPI 'e': Unknown direction 'sideways': use \"higher\" (or \"up\") or \"lower\" (or \"down\")",
                "shop.json: KPI 'f': neither a formula nor children",
                "shop.json: KPI 'e': unknown parent 'zz'",
                "shop.json: KPI 'g': parent cycle g -> h -> g",
                "shop.json: KPI 'h': parent cycle h -> g -> h",
                "shop.json: KPI 'q': grain QUARTER differs from grain MONTH of its parent 'g'"), e.problems());
    }

    @Test
    void aNullCatalogIsRefused() {
        KpiCatalogException e = assertThrows(KpiCatalogException.class, () -> KpiCatalog.parse("null ", "shop.json"));
        assertEquals(List.of("shop.json: the catalog is null; expected an object with \"metrics\" and \"kpis\""), e.problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{ \"metrics\": [\"a\"], \n  \"kpis\": [ { \"id\": \"x\", } ] }|shop.json: line 2, column 26: expected a field name in double quotes, found '}' (a comma after the last field: JSON allows none)",
            "{ \"metrics\": [\"a\"],\n \"kpis\": [ {\"id\": \"x\", \"unit\": \"PRECENT\"} ] }|shop.json: line 2, column 32: \"PRECENT\" is not one of CURRENCY, PERCENT, DAYS",
            "{ \"metrics\": [\"a\"], \"kpi\": [] }|shop.json: line 1, column 32: unknown field 'kpi'; known: "})
    void malformedJsonIsReportedWithLineAndColumn(String jsonAndMessage) {
        String[] parts = jsonAndMessage.split("\\|");
        KpiCatalogException e = assertThrows(KpiCatalogException.class, () -> KpiCatalog.parse(parts[0], "shop.json"));
        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().startsWith(parts[1]), e.getMessage());
    }

    @Test
    void aHugeFormulaIsRefusedNamingCatalogKpiAndLimitWithoutQuotingItWhole() {
        String huge = "visits" + "+visits".repeat(14_285); // 100,001 characters, as pasted from a generator
        String json = "{ \"metrics\": [\"visits\"], \"kpis\": [ { \"id\": \"traffic\", \"label\": { \"text\": \"Traffic\" },"
                + " \"formula\": \"" + huge + "\" } ] }";
        KpiCatalogException e = assertThrows(KpiCatalogException.class, () -> KpiCatalog.parse(json, "shop.json"));
        assertEquals(List.of("shop.json: KPI 'traffic': The formula is 100,001 characters long; the limit is 1,000"
                + " at position 1001 in formula '" + huge.substring(0, 60) + "...'"), e.problems());
    }

    @Test
    void aDeeplyNestedFormulaIsRefusedNamingCatalogKpiAndLimit() {
        String nested = "(".repeat(5_000) + "visits" + ")".repeat(5_000);
        String json = "{ \"metrics\": [\"visits\"], \"kpis\": [ { \"id\": \"traffic\", \"label\": { \"text\": \"Traffic\" },"
                + " \"formula\": \"" + nested.substring(4_700, nested.length() - 4_700) + "\" } ] }";
        KpiCatalogException e = assertThrows(KpiCatalogException.class, () -> KpiCatalog.parse(json, "shop.json"));
        assertEquals(List.of("shop.json: KPI 'traffic': Parentheses nest deeper than the limit of 20 at position 21 in formula '"
                + "(".repeat(60) + "...'"), e.problems());
    }

    /** A literal zero divisor leaves the KPI blank in every period: refused when the catalog is read, like a typo. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "revenue / 0         | 9",
            "revenue / 0.0       | 9",
            "revenue / (0)       | 9",
            "revenue / -0        | 9",
            "(revenue + 1) / 0e3 | 15",
            "DIVIDE(revenue, 0)  | 1",
            "divide(revenue, 00) | 1"})
    void aFormulaDividingByALiteralZeroIsRefusedNamingCatalogKpiAndFormula(String formula, int position) {
        String json = "{ \"metrics\": [\"revenue\"], \"kpis\": [ { \"id\": \"perNobody\", \"label\": { \"text\": \"Per nobody\" },"
                + " \"formula\": \"" + formula + "\" } ] }";
        KpiCatalogException e = assertThrows(KpiCatalogException.class, () -> KpiCatalog.parse(json, "shop.json"));
        assertEquals(List.of("shop.json: KPI 'perNobody': Division by zero, which leaves the KPI blank in every period at position "
                + position + " in formula '" + formula + "'"), e.problems());
    }

    /** Only a divisor written as a zero is refused: one that is zero in the data, or in arithmetic, still gives a blank. */
    @ParameterizedTest
    @ValueSource(strings = {"revenue / 0.5", "revenue / previous_revenue", "revenue / (1 - 1)", "DIVIDE(0, revenue)", "0 / revenue"})
    void aDivisorThatIsNoLiteralZeroIsAccepted(String formula) {
        String json = "{ \"metrics\": [\"revenue\"], \"kpis\": [ { \"id\": \"r\", \"label\": { \"text\": \"R\" },"
                + " \"formula\": \"" + formula + "\" } ] }";
        assertEquals(1, KpiCatalog.parse(json, "shop.json").kpis().size());
    }

    @Test
    void emptyCatalog() {
        KpiCatalogException e = assertThrows(KpiCatalogException.class, () -> KpiCatalog.parse("{}", "empty.json"));
        assertEquals(List.of("empty.json: declares no metrics", "empty.json: declares no KPIs"), e.problems());
    }

    @Test
    void formulaFailingOnTheDataNamesKpiAndPeriod() {
        KpiCatalog catalog = KpiCatalog.parse("""
                { "metrics": ["margin"], "kpis": [ { "id": "root", "label": { "text": "Root" }, "formula": "SQRT(margin)" } ] }
                """, "math.json");
        KpiCatalogException e = assertThrows(KpiCatalogException.class,
                () -> catalog.evaluate(metricsByPeriod("2026-03", row("margin", "-4"))));
        assertEquals("math.json: KPI 'root', period 2026-03: Parameter must not be negative at position 1 in formula 'SQRT(margin)'",
                e.getMessage());
    }

    @Test
    void loadsFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("shop.json");
        Files.writeString(file, SHOP);
        assertEquals("Shop", KpiCatalog.load(file).scenario());
        Files.writeString(file, "{ \"metrics\": [] }");
        KpiCatalogException e = assertThrows(KpiCatalogException.class, () -> KpiCatalog.load(file));
        assertTrue(e.getMessage().startsWith(file + ": declares no metrics"));
        // saved in Windows' Latin-1 (é as one byte): Java's own words were "Input length = 1"
        Files.writeString(file, SHOP.replace("Shop", "Caf\u00e9"), StandardCharsets.ISO_8859_1);
        e = assertThrows(KpiCatalogException.class, () -> KpiCatalog.load(file));
        assertEquals(List.of(file + ": the file is not UTF-8 text; save it as UTF-8"), e.problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"consulting.json", "marketing.json", "restaurant.json"})
    void bundledScenarioCatalogsLoadAndEvaluate(String name) throws IOException {
        String json;
        try (InputStream in = KpiCatalog.class.getResourceAsStream("catalogs/" + name)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        KpiCatalog catalog = KpiCatalog.parse(json, name);
        MetricAccumulator accumulator = catalog.newAccumulator();
        for (int day = 0; day < 120; day++) {
            Map<String, BigDecimal> row = new HashMap<>();
            for (String metric : catalog.metrics()) {
                row.put(metric, BigDecimal.valueOf(10 + day % 7 + metric.length()));
            }
            accumulator.add(LocalDate.of(2026, 1, 1).plusDays(day), row);
        }
        Scorecard scorecard = catalog.evaluate(accumulator.metricsByPeriod());
        assertTrue(scorecard.rows().size() >= catalog.kpis().size());
        assertTrue(scorecard.rows().stream().anyMatch(r -> r.value() != null));
    }
}
