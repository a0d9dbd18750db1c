package dev.kpikit.samples;

import static dev.kpikit.samples.SampleData.assertNumber;
import static dev.kpikit.samples.SampleData.divide;
import static dev.kpikit.samples.SampleData.growth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.data.FolderScorecard;
import dev.kpikit.kpi.KpiResult;

/**
 * sample-data/startup's metrics.csv and KPI catalog: the metrics are what GenerateStartupMetrics
 * derives from the invoices in revenue.csv (counted again here), and the catalog gives the
 * hand-computed values for 2026-10.
 */
class StartupSampleMetricsTest {

    private static final Path FOLDER = SampleData.folder("startup");
    private static final String[] METRICS = {"revenue", "customers", "customersAtStart", "newCustomers", "repeatCustomers"};

    @Test
    void theCommittedMetricsAreWhatTheGeneratorDerivesFromTheInvoices(@TempDir Path generated) throws Exception {
        assumeTrue(Files.exists(FOLDER.resolve("revenue.csv")), "revenue.csv comes with the key-account scoring sample");
        Files.copy(FOLDER.resolve("revenue.csv"), generated.resolve("revenue.csv"));
        SampleData.runGenerator(FOLDER.resolve("GenerateStartupMetrics.java"), generated);
        SampleData.assertSameFiles(FOLDER, generated, "metrics.csv");
    }

    @Test
    void theMetricsCountTheInvoicesOfEachMonth() throws Exception {
        assumeTrue(Files.exists(FOLDER.resolve("revenue.csv")), "revenue.csv comes with the key-account scoring sample");
        Map<String, Map<String, Integer>> invoices = new TreeMap<>(); // month -> customer -> invoices
        Map<String, Map<String, BigDecimal>> revenue = SampleData.monthlySums(FOLDER.resolve("revenue.csv"), "amount");
        for (Map<String, String> row : SampleData.rows(FOLDER.resolve("revenue.csv"))) {
            invoices.computeIfAbsent(row.get("date").substring(0, 7), m -> new TreeMap<>()).merge(row.get("account_id"), 1, Integer::sum);
        }
        Map<String, Map<String, BigDecimal>> metrics = SampleData.monthlySums(FOLDER.resolve("metrics.csv"), METRICS);
        assertEquals(invoices.keySet(), metrics.keySet());
        Set<String> lastMonth = null;
        for (String month : invoices.keySet()) {
            Map<String, BigDecimal> m = metrics.get(month);
            Set<String> customers = new TreeSet<>(invoices.get(month).keySet());
            assertNumber(revenue.get(month).get("amount"), m.get("revenue"), month + " revenue");
            assertNumber(BigDecimal.valueOf(customers.size()), m.get("customers"), month + " customers");
            assertNumber(BigDecimal.valueOf(invoices.get(month).values().stream().filter(n -> n > 1).count()),
                    m.get("repeatCustomers"), month + " repeat customers");
            if (lastMonth == null) {
                assertNull(m.get("customersAtStart"), "no month before the first");
            } else {
                Set<String> before = lastMonth;
                assertNumber(BigDecimal.valueOf(before.size()), m.get("customersAtStart"), month + " customers at start");
                assertNumber(BigDecimal.valueOf(customers.stream().filter(c -> !before.contains(c)).count()),
                        m.get("newCustomers"), month + " new customers");
            }
            lastMonth = customers;
        }
    }

    @Test
    void theCatalogGivesTheValuesOfTheLatestMonthComputedFromTheCsv() throws Exception {
        Map<String, Map<String, BigDecimal>> sums = SampleData.monthlySums(FOLDER.resolve("metrics.csv"), METRICS);
        Map<String, BigDecimal> m = sums.get("2026-10");
        Map<String, KpiResult> kpis = SampleData.latestKpis("startup", Locale.forLanguageTag("es"));

        assertEquals(List.of("revenue", "revenueGrowth", "retention", "repeatCustomers", "revenuePerCustomer"), List.copyOf(kpis.keySet()));
        assertNumber(m.get("revenue"), kpis.get("revenue").value(), "revenue");
        assertNumber(growth(m.get("revenue"), sums.get("2026-09").get("revenue")), kpis.get("revenueGrowth").value(), "growth");
        assertNumber(divide(m.get("customers").subtract(m.get("newCustomers")), m.get("customersAtStart")),
                kpis.get("retention").value(), "retention");
        assertNumber(divide(m.get("repeatCustomers"), m.get("customers")), kpis.get("repeatCustomers").value(), "repeat customers");
        assertNumber(divide(m.get("revenue"), m.get("customers")), kpis.get("revenuePerCustomer").value(), "revenue per customer");
        assertEquals("Tasa de retenci\u00f3n de clientes", kpis.get("retention").label());

        // the first month has no month before: no retention and no growth, the other KPIs as usual
        Path folder = FOLDER;
        List<FolderScorecard.Row> rows = FolderScorecard.evaluate(folder.resolve("kpi-catalog.json"), folder.resolve("metrics.csv"),
                FolderScorecard.Options.all());
        Map<String, BigDecimal> first = new TreeMap<>();
        rows.stream().filter(r -> r.result().period().toString().equals("2024-11"))
                .forEach(r -> first.put(r.result().kpiId(), r.result().value()));
        assertNull(first.get("retention"));
        assertNull(first.get("revenueGrowth"));
        assertNumber(sums.get("2024-11").get("revenue"), first.get("revenue"), "revenue in 2024-11");
    }
}
