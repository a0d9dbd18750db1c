package dev.kpikit.runner.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kpikit.runner.engine.ScenarioReports.Kpi;

/** report-templates/consultancy.rptdesign on sample-data/consultancy (all practices of a month summed). */
class ConsultancyReportTest extends KpiScenarioReportTest {

    @Override
    protected String scenario() {
        return "consultancy";
    }

    @Override
    protected List<Kpi> kpis() {
        return List.of(
                new Kpi("satisfaction", "Client satisfaction rate", 0.8, 0.08, true, "0.0%", 0.02),
                new Kpi("csat", "CSAT (average score, 1-5)", 4.2, 0.2, true, "0.00", 0.01),
                new Kpi("completionDays", "Average project completion time (days)", 80, 8, false, "0.0", 0.02),
                new Kpi("onTime", "Projects finished on time", 0.9, 0.05, true, "0.0%", 0.02),
                new Kpi("revenuePerConsultant", "Revenue per consultant", 18000, 1800, true, "#,##0", 0.02),
                new Kpi("revenueGrowth", "Monthly revenue growth", 0.008, 0.02, true, "0.0%", 0.1));
    }

    @Override
    protected List<String> metricColumns() {
        return List.of("revenue", "consultants", "projectsCompleted", "projectDaysTotal", "projectsOnTime",
                "surveyResponses", "satisfiedResponses", "surveyScoreSum");
    }

    @Override
    protected double ratio(Map<String, BigDecimal> s, String kpi, MathContext mc) {
        return switch (kpi) {
            case "satisfaction" -> s.get("satisfiedResponses").divide(s.get("surveyResponses"), mc).doubleValue();
            case "csat" -> s.get("surveyScoreSum").divide(s.get("surveyResponses"), mc).doubleValue();
            case "completionDays" -> s.get("projectDaysTotal").divide(s.get("projectsCompleted"), mc).doubleValue();
            case "onTime" -> s.get("projectsOnTime").divide(s.get("projectsCompleted"), mc).doubleValue();
            case "revenuePerConsultant" -> s.get("revenue").divide(s.get("consultants"), mc).doubleValue();
            default -> throw new IllegalArgumentException(kpi);
        };
    }

    @Override
    protected List<String> latestStatusesAndTrends() {
        // every status and both trends occur in 2026-10 against 2026-09
        return List.of("GREEN down", "AMBER down", "GREEN down", "RED up", "GREEN up", "GREEN up");
    }

    @Override
    protected List<String> englishHeadlineRuns() {
        return List.of("84.0% 80.0% On target Falling", "80.0% 90.0% Off target Rising");
    }

    @Override
    protected Leaders leaders() {
        Map<String, String> followers = new LinkedHashMap<>();
        followers.put("Moorland Water", "Growth");
        return new Leaders("K001", "Meridian Global Industries", followers);
    }
}
