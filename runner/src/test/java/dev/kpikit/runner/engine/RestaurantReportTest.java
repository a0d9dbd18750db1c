package dev.kpikit.runner.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kpikit.runner.engine.ScenarioReports.Kpi;

/**
 * report-templates/restaurant.rptdesign on sample-data/restaurant (all services of a month summed):
 * the accounts are the guests of the guest book, scored with the folder's scoring-model.json.
 */
class RestaurantReportTest extends KpiScenarioReportTest {

    @Override
    protected String scenario() {
        return "restaurant";
    }

    @Override
    protected List<Kpi> kpis() {
        return List.of(
                new Kpi("rating", "Average guest rating (1-5)", 4.4, 0.1, true, "0.00", 0.01),
                new Kpi("revenuePerTable", "Revenue per table and service", 150, 15, true, "#,##0.00", 0.02),
                new Kpi("tableTurnover", "Table turnover (seatings per table and service)", 1.25, 0.0625, true, "0.00", 0.02),
                new Kpi("spendPerCover", "Average spend per cover", 48, 2.4, true, "#,##0.00", 0.02),
                new Kpi("coversPerService", "Covers per service", 40, 4, true, "0.0", 0.02),
                new Kpi("revenueGrowth", "Monthly revenue growth", 0.005, 0.02, true, "0.0%", 0.1));
    }

    @Override
    protected List<String> metricColumns() {
        return List.of("revenue", "tables", "seatings", "covers", "ratingSum", "ratings", "services");
    }

    @Override
    protected double ratio(Map<String, BigDecimal> s, String kpi, MathContext mc) {
        return switch (kpi) {
            case "rating" -> s.get("ratingSum").divide(s.get("ratings"), mc).doubleValue();
            case "revenuePerTable" -> s.get("revenue").divide(s.get("tables"), mc).doubleValue();
            case "tableTurnover" -> s.get("seatings").divide(s.get("tables"), mc).doubleValue();
            case "spendPerCover" -> s.get("revenue").divide(s.get("covers"), mc).doubleValue();
            case "coversPerService" -> s.get("covers").divide(s.get("services"), mc).doubleValue();
            default -> throw new IllegalArgumentException(kpi);
        };
    }

    @Override
    protected List<String> latestStatusesAndTrends() {
        return List.of("AMBER down", "GREEN up", "RED flat", "GREEN flat", "AMBER up", "GREEN up");
    }

    @Override
    protected List<String> englishHeadlineRuns() {
        return List.of("4.33 4.40 Near target Falling", "1.18 1.25 Off target Flat");
    }

    @Override
    protected Leaders leaders() {
        Map<String, String> followers = new LinkedHashMap<>();
        followers.put("Sofia Lindgren", "Key");
        followers.put("Jack Young", "Growth");
        return new Leaders("G0007", "Amira Haddad", followers);
    }
}
