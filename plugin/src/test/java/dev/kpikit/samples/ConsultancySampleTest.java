package dev.kpikit.samples;

import static dev.kpikit.samples.SampleData.assertNumber;
import static dev.kpikit.samples.SampleData.divide;
import static dev.kpikit.samples.SampleData.growth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.kpi.KpiResult;
import dev.kpikit.kpi.Status;

/**
 * sample-data/consultancy: the files are the generator's, metrics.csv adds up the detail tables, the
 * catalog gives the hand-computed values for 2026-10, and the multinational is the largest client.
 */
class ConsultancySampleTest {

    private static final Path FOLDER = SampleData.folder("consultancy");
    private static final String[] METRICS = {"revenue", "consultants", "projectsCompleted", "projectDaysTotal", "projectsOnTime",
        "surveyResponses", "satisfiedResponses", "surveyScoreSum"};

    @Test
    void theCommittedFilesAreWhatTheGeneratorWrites(@TempDir Path generated) throws Exception {
        SampleData.runGenerator(FOLDER.resolve("GenerateConsultancyData.java"), generated);
        SampleData.assertSameFiles(FOLDER, generated, "accounts.csv", "revenue.csv", "projects.csv", "surveys.csv", "metrics.csv");
    }

    @Test
    void theCatalogGivesTheValuesOfTheLatestMonthComputedFromTheCsv() throws Exception {
        Map<String, Map<String, BigDecimal>> sums = SampleData.monthlySums(FOLDER.resolve("metrics.csv"), METRICS);
        Map<String, BigDecimal> m = sums.get("2026-10");
        Map<String, BigDecimal> before = sums.get("2026-09");
        Map<String, KpiResult> kpis = SampleData.latestKpis("consultancy", Locale.ENGLISH);

        assertEquals(List.of("satisfaction", "csat", "completionDays", "onTime", "revenuePerConsultant", "revenueGrowth"),
                List.copyOf(kpis.keySet()));
        assertNumber(divide(m.get("satisfiedResponses"), m.get("surveyResponses")), kpis.get("satisfaction").value(), "satisfaction");
        assertNumber(divide(m.get("surveyScoreSum"), m.get("surveyResponses")), kpis.get("csat").value(), "csat");
        assertNumber(divide(m.get("projectDaysTotal"), m.get("projectsCompleted")), kpis.get("completionDays").value(), "completion days");
        assertNumber(divide(m.get("projectsOnTime"), m.get("projectsCompleted")), kpis.get("onTime").value(), "on time");
        assertNumber(divide(m.get("revenue"), m.get("consultants")), kpis.get("revenuePerConsultant").value(), "revenue per consultant");
        assertNumber(growth(m.get("revenue"), before.get("revenue")), kpis.get("revenueGrowth").value(), "revenue growth");
        assertNumber(divide(before.get("revenue"), before.get("consultants")), kpis.get("revenuePerConsultant").previousValue(),
                "revenue per consultant in 2026-09");

        // by hand from the rows of 2026-10: 21 of 25 responses satisfied, 8 of 10 projects on time (target 90 %,
        // red below 85 %), 101 score points over 25 responses = 4.04 against 4.2 (amber from 4.0)
        assertEquals(new BigDecimal("0.84"), kpis.get("satisfaction").value().stripTrailingZeros());
        assertEquals(Status.GREEN, kpis.get("satisfaction").status());
        assertEquals(Status.AMBER, kpis.get("csat").status());
        assertEquals(Status.RED, kpis.get("onTime").status());
        assertEquals("Revenue per consultant", kpis.get("revenuePerConsultant").label());
        assertEquals("Dur\u00e9e moyenne des projets (jours)",
                SampleData.latestKpis("consultancy", Locale.FRENCH).get("completionDays").label());
    }

    @Test
    void metricsAddUpTheInvoicesProjectsAndSurveys() throws Exception {
        Map<String, Map<String, BigDecimal>> metrics = SampleData.monthlySums(FOLDER.resolve("metrics.csv"), METRICS);
        Map<String, Map<String, BigDecimal>> invoices = SampleData.monthlySums(FOLDER.resolve("revenue.csv"), "amount");
        Map<String, BigDecimal[]> projects = new TreeMap<>(); // completed, days, on time
        for (Map<String, String> p : SampleData.rows(FOLDER.resolve("projects.csv"))) {
            if (p.get("actual_end").isEmpty()) {
                continue; // still running
            }
            LocalDate start = LocalDate.parse(p.get("actual_start"));
            LocalDate end = LocalDate.parse(p.get("actual_end"));
            if (end.isBefore(LocalDate.of(2024, 11, 1))) {
                continue; // listed for its survey only
            }
            BigDecimal[] month = projects.computeIfAbsent(p.get("actual_end").substring(0, 7),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            month[0] = month[0].add(BigDecimal.ONE);
            month[1] = month[1].add(BigDecimal.valueOf(ChronoUnit.DAYS.between(start, end)));
            month[2] = month[2].add(end.isAfter(LocalDate.parse(p.get("planned_end"))) ? BigDecimal.ZERO : BigDecimal.ONE);
        }
        Map<String, BigDecimal[]> surveys = new TreeMap<>(); // responses, satisfied, score sum
        for (Map<String, String> s : SampleData.rows(FOLDER.resolve("surveys.csv"))) {
            int score = Integer.parseInt(s.get("score"));
            assertTrue(score >= 1 && score <= 5, "score " + score);
            BigDecimal[] month = surveys.computeIfAbsent(s.get("date").substring(0, 7),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            month[0] = month[0].add(BigDecimal.ONE);
            month[1] = month[1].add(score >= 4 ? BigDecimal.ONE : BigDecimal.ZERO);
            month[2] = month[2].add(BigDecimal.valueOf(score));
        }

        assertEquals(24, metrics.size());
        assertEquals(metrics.keySet(), invoices.keySet());
        metrics.forEach((month, m) -> {
            assertNumber(invoices.get(month).get("amount"), m.get("revenue"), month + " revenue");
            BigDecimal[] p = projects.getOrDefault(month, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            assertNumber(p[0], m.get("projectsCompleted"), month + " projects completed");
            assertNumber(p[1], m.get("projectDaysTotal"), month + " project days");
            assertNumber(p[2], m.get("projectsOnTime"), month + " projects on time");
            BigDecimal[] s = surveys.get(month);
            assertNumber(s[0], m.get("surveyResponses"), month + " responses");
            assertNumber(s[1], m.get("satisfiedResponses"), month + " satisfied");
            assertNumber(s[2], m.get("surveyScoreSum"), month + " score sum");
        });
    }

    @Test
    void theMultinationalIsTheLargestClientWithAboutAQuarterOfTheRevenue() throws Exception {
        List<Map<String, String>> accounts = SampleData.rows(FOLDER.resolve("accounts.csv"));
        assertEquals(SampleData.ACCOUNTS_HEADER, Files.readAllLines(FOLDER.resolve("accounts.csv")).get(0));
        assertEquals(SampleData.REVENUE_HEADER, Files.readAllLines(FOLDER.resolve("revenue.csv")).get(0));
        assertEquals(60, accounts.size());
        Map<String, BigDecimal> totals = SampleData.totalsByAccount(FOLDER.resolve("revenue.csv"));
        assertTrue(accounts.stream().map(a -> a.get("account_id")).toList().containsAll(totals.keySet()), "every invoice has a client");

        String largest = totals.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Map<String, String> client = accounts.stream().filter(a -> a.get("account_id").equals(largest)).findFirst().orElseThrow();
        assertEquals("Meridian Global Industries", client.get("name"));
        assertEquals("Multinational", client.get("segment"));
        assertEquals("5", client.get("strategic_value"));
        BigDecimal share = divide(totals.get(largest), totals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        assertTrue(share.compareTo(new BigDecimal("0.2")) > 0 && share.compareTo(new BigDecimal("0.3")) < 0, "share " + share);
        BigDecimal runnerUp = totals.values().stream().sorted(Comparator.reverseOrder()).skip(1).findFirst().orElseThrow();
        assertTrue(totals.get(largest).compareTo(runnerUp.multiply(BigDecimal.valueOf(3))) > 0, "more than three times the next client");
    }
}
