package dev.kpikit.kpi;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets of the KPI catalog and its formula language: any text gives a catalog (and a
 * scorecard) or a {@link KpiCatalogException}, any formula a value or a {@link FormulaException};
 * never another exception, a StackOverflowError or an OutOfMemoryError.
 */
class KpiCatalogFuzzTest {

    private static final List<String> METRICS = List.of("revenue", "customers", "cost");

    @FuzzTest(maxDuration = "10m")
    void catalog(byte[] input) {
        try {
            KpiCatalog catalog = KpiCatalog.parse(new String(input, StandardCharsets.UTF_8), "kpi-catalog.json");
            // the catalog's own metrics, with values, in two months: every KPI is evaluated once with a previous period
            TreeMap<Period, Map<String, BigDecimal>> metrics = new TreeMap<>();
            Map<String, BigDecimal> values = new TreeMap<>();
            catalog.metrics().forEach(name -> values.put(name, BigDecimal.valueOf(name.length() * 100L - 250)));
            for (Grain grain : catalog.grains()) {
                metrics.put(Period.containing(LocalDate.of(2026, 1, 15), grain), values);
                metrics.put(Period.containing(LocalDate.of(2026, 4, 15), grain), values);
            }
            catalog.evaluate(metrics);
        } catch (KpiCatalogException refused) {
            // the documented refusal: every problem, each naming the KPI
        }
    }

    @FuzzTest(maxDuration = "10m")
    void formula(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            KpiFormula formula = KpiFormula.compile(text, METRICS);
            formula.evaluate(Map.of("revenue", new BigDecimal("1200.50"), "customers", BigDecimal.ZERO, "cost", new BigDecimal("-3")),
                    Map.of("revenue", new BigDecimal("1000"), "customers", BigDecimal.TEN));
        } catch (FormulaException refused) {
            // the documented refusal: what is wrong and at which position
        }
    }
}
