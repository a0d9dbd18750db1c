package dev.kpikit.samples;

import static dev.kpikit.samples.SampleData.assertNumber;
import static dev.kpikit.samples.SampleData.divide;
import static dev.kpikit.samples.SampleData.growth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.kpi.KpiResult;
import dev.kpikit.kpi.Status;

/**
 * sample-data/restaurant: the files are the generator's, the catalog gives the hand-computed values
 * for 2026-10, the known guests' bills fit inside the takings, and the VIP regulars come most often.
 */
class RestaurantSampleTest {

    private static final Path FOLDER = SampleData.folder("restaurant");
    private static final String[] METRICS = {"revenue", "tables", "seatings", "covers", "ratingSum", "ratings", "services"};

    @Test
    void theCommittedFilesAreWhatTheGeneratorWrites(@TempDir Path generated) throws Exception {
        SampleData.runGenerator(FOLDER.resolve("GenerateRestaurantData.java"), generated);
        SampleData.assertSameFiles(FOLDER, generated, "accounts.csv", "revenue.csv", "metrics.csv");
    }

    @Test
    void theCatalogGivesTheValuesOfTheLatestMonthComputedFromTheCsv() throws Exception {
        Map<String, Map<String, BigDecimal>> sums = SampleData.monthlySums(FOLDER.resolve("metrics.csv"), METRICS);
        Map<String, BigDecimal> m = sums.get("2026-10");
        Map<String, BigDecimal> before = sums.get("2026-09");
        Map<String, KpiResult> kpis = SampleData.latestKpis("restaurant", Locale.ENGLISH);

        assertEquals(List.of("rating", "revenuePerTable", "tableTurnover", "spendPerCover", "coversPerService", "revenueGrowth"),
                List.copyOf(kpis.keySet()));
        assertNumber(divide(m.get("ratingSum"), m.get("ratings")), kpis.get("rating").value(), "rating");
        assertNumber(divide(m.get("revenue"), m.get("tables")), kpis.get("revenuePerTable").value(), "revenue per table");
        assertNumber(divide(m.get("seatings"), m.get("tables")), kpis.get("tableTurnover").value(), "table turnover");
        assertNumber(divide(m.get("revenue"), m.get("covers")), kpis.get("spendPerCover").value(), "spend per cover");
        assertNumber(divide(m.get("covers"), m.get("services")), kpis.get("coversPerService").value(), "covers per service");
        assertNumber(growth(m.get("revenue"), before.get("revenue")), kpis.get("revenueGrowth").value(), "revenue growth");

        // by hand from the 2026-10 rows: 50 services, 600 table-services, 706 seatings = 1.18 turns (target 1.25,
        // red below 1.1875); 615 rating points from 142 ratings = 4.33 (target 4.4, amber from 4.3)
        assertNumber(new BigDecimal("50"), m.get("services"), "services in 2026-10");
        assertNumber(new BigDecimal("706"), m.get("seatings"), "seatings in 2026-10");
        assertEquals(Status.RED, kpis.get("tableTurnover").status());
        assertEquals(Status.AMBER, kpis.get("rating").status());
        assertEquals(Status.GREEN, kpis.get("spendPerCover").status());
        assertEquals("Spesa media per coperto", SampleData.latestKpis("restaurant", Locale.ITALIAN).get("spendPerCover").label());
    }

    @Test
    void theKnownGuestsBillsAreAPartOfTheTakingsOnDaysTheRestaurantWasOpen() throws Exception {
        assertEquals(SampleData.ACCOUNTS_HEADER, Files.readAllLines(FOLDER.resolve("accounts.csv")).get(0));
        assertEquals(SampleData.REVENUE_HEADER, Files.readAllLines(FOLDER.resolve("revenue.csv")).get(0));
        Set<String> openDays = new HashSet<>();
        SampleData.rows(FOLDER.resolve("metrics.csv")).forEach(row -> openDays.add(row.get("date")));
        Set<String> guests = new HashSet<>();
        SampleData.rows(FOLDER.resolve("accounts.csv")).forEach(row -> guests.add(row.get("account_id")));
        for (Map<String, String> bill : SampleData.rows(FOLDER.resolve("revenue.csv"))) {
            assertTrue(openDays.contains(bill.get("date")), "a bill on a closed day: " + bill);
            assertTrue(guests.contains(bill.get("account_id")), "a bill of an unknown guest: " + bill);
        }

        Map<String, Map<String, BigDecimal>> takings = SampleData.monthlySums(FOLDER.resolve("metrics.csv"), "revenue");
        Map<String, Map<String, BigDecimal>> bills = SampleData.monthlySums(FOLDER.resolve("revenue.csv"), "amount");
        assertEquals(takings.keySet(), bills.keySet());
        takings.forEach((month, t) -> {
            BigDecimal share = divide(bills.get(month).get("amount"), t.get("revenue"));
            // walk-ins pay too, without a name in the guest book
            assertTrue(share.compareTo(new BigDecimal("0.25")) > 0 && share.compareTo(new BigDecimal("0.75")) < 0, month + ": " + share);
        });
    }

    @Test
    void theVipRegularsVisitMostOften() throws Exception {
        Map<String, Integer> visits = new TreeMap<>();
        SampleData.rows(FOLDER.resolve("revenue.csv")).forEach(bill -> visits.merge(bill.get("account_id"), 1, Integer::sum));
        Map<String, String> segments = new TreeMap<>();
        SampleData.rows(FOLDER.resolve("accounts.csv")).forEach(guest -> segments.put(guest.get("account_id"), guest.get("segment")));

        int fewestVipVisits = Integer.MAX_VALUE;
        int mostOtherVisits = 0;
        int vips = 0;
        for (Map.Entry<String, String> guest : segments.entrySet()) {
            int n = visits.getOrDefault(guest.getKey(), 0);
            if (guest.getValue().equals("VIP regular")) {
                vips++;
                fewestVipVisits = Math.min(fewestVipVisits, n);
            } else {
                mostOtherVisits = Math.max(mostOtherVisits, n);
            }
        }
        assertEquals(8, vips);
        assertTrue(fewestVipVisits > mostOtherVisits, "VIP regulars: at least " + fewestVipVisits + " visits, others at most " + mostOtherVisits);
        assertTrue(fewestVipVisits >= 72, "about weekly over two years: " + fewestVipVisits);
    }
}
