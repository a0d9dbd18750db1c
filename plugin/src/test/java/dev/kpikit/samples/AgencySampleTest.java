package dev.kpikit.samples;

import static dev.kpikit.samples.SampleData.assertNumber;
import static dev.kpikit.samples.SampleData.divide;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.kpikit.kpi.KpiResult;

/**
 * sample-data/agency for scoring: every fee invoice is 15 % of the client's media spend of the month in
 * metrics.csv, and Northwind Retail is the largest client. (That the files are the generator's is
 * checked with the scorecard report in the runner's KpiScorecardReportTest.)
 */
class AgencySampleTest {

    private static final Path FOLDER = SampleData.folder("agency");

    @Test
    void feesAreFifteenPercentOfEachClientsMonthlyMediaSpend() throws Exception {
        assertEquals(SampleData.ACCOUNTS_HEADER, Files.readAllLines(FOLDER.resolve("accounts.csv")).get(0));
        assertEquals(SampleData.REVENUE_HEADER, Files.readAllLines(FOLDER.resolve("revenue.csv")).get(0));
        Map<String, String> idByName = new TreeMap<>();
        SampleData.rows(FOLDER.resolve("accounts.csv")).forEach(a -> idByName.put(a.get("name"), a.get("account_id")));
        // "2026-10 A01" -> media spend
        Map<String, BigDecimal> spend = new TreeMap<>();
        for (Map<String, String> row : SampleData.rows(FOLDER.resolve("metrics.csv"))) {
            String id = idByName.get(row.get("client"));
            assertTrue(id != null, "no account for client " + row.get("client"));
            spend.merge(row.get("date").substring(0, 7) + " " + id, new BigDecimal(row.get("adSpend")), BigDecimal::add);
        }
        Map<String, BigDecimal> fees = new TreeMap<>();
        for (Map<String, String> invoice : SampleData.rows(FOLDER.resolve("revenue.csv"))) {
            LocalDate date = LocalDate.parse(invoice.get("date"));
            assertEquals(date.lengthOfMonth(), date.getDayOfMonth(), "invoiced at the month's end");
            assertEquals(null, fees.put(invoice.get("date").substring(0, 7) + " " + invoice.get("account_id"), new BigDecimal(invoice.get("amount"))));
        }
        assertEquals(spend.keySet(), fees.keySet());
        assertEquals(30 * 24, fees.size());
        spend.forEach((key, s) -> assertEquals(s.multiply(new BigDecimal("0.15")).setScale(2, RoundingMode.HALF_UP), fees.get(key), key));
    }

    @Test
    void northwindRetailIsTheLargestClient() throws Exception {
        Map<String, BigDecimal> totals = SampleData.totalsByAccount(FOLDER.resolve("revenue.csv"));
        String largest = totals.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Map<String, String> client = SampleData.rows(FOLDER.resolve("accounts.csv")).stream()
                .filter(a -> a.get("account_id").equals(largest)).findFirst().orElseThrow();
        assertEquals("Northwind Retail", client.get("name"));
        assertEquals("5", client.get("strategic_value"));
    }

    @Test
    void theCatalogGivesTheValuesOfTheLatestMonthComputedFromTheCsv() throws Exception {
        Map<String, BigDecimal> m = SampleData.monthlySums(FOLDER.resolve("metrics.csv"),
                "impressions", "clicks", "conversions", "adSpend", "attributedRevenue").get("2026-10");
        Map<String, KpiResult> kpis = SampleData.latestKpis("agency", Locale.forLanguageTag("nl"));
        assertEquals(List.of("clickThrough", "conversion", "roas", "cpa"), List.copyOf(kpis.keySet()));
        assertNumber(divide(m.get("clicks"), m.get("impressions")), kpis.get("clickThrough").value(), "click-through");
        assertNumber(divide(m.get("conversions"), m.get("clicks")), kpis.get("conversion").value(), "conversion");
        assertNumber(divide(m.get("attributedRevenue"), m.get("adSpend")), kpis.get("roas").value(), "return on ad spend");
        assertNumber(divide(m.get("adSpend"), m.get("conversions")), kpis.get("cpa").value(), "cost per acquisition");
        assertEquals("Klikfrequentie (CTR)", kpis.get("clickThrough").label());
    }
}
