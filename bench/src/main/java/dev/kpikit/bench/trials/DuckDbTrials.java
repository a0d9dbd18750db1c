package dev.kpikit.bench.trials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.kpikit.bench.OdaDataSetBenchmark;
import dev.kpikit.bench.harness.Trial;
import dev.kpikit.bench.harness.TrialContext;
import dev.kpikit.data.ScoringFolder;
import dev.kpikit.scoring.AccountReport;
import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.ScoringModel;

/**
 * What a data-minded user would use instead of kpikit: DuckDB (embedded, through its JDBC driver, on every core)
 * doing the same work as SQL over the same CSV files, its result rows read to the last one over JDBC. Like the other
 * variants, every run checks what it computed, so a query that computes less fails instead of looking fast.
 */
public final class DuckDbTrials {

    private DuckDbTrials() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    static String quotedPath(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    /** The agency KPIs by month from the metrics CSV: one GROUP BY with NULLIF-guarded ratios (as the H2 design). */
    public static final class Data extends AgencyMetrics.FolderTrial {

        @Override
        void work(Path folder) throws Exception {
            String sql = "SELECT strftime(\"date\", '%Y-%m') AS period, COUNT(*) AS metric_rows,"
                    + " CAST(SUM(clicks) AS DOUBLE) / NULLIF(SUM(impressions), 0) AS clickThrough,"
                    + " CAST(SUM(conversions) AS DOUBLE) / NULLIF(SUM(clicks), 0) AS conversion,"
                    + " CAST(SUM(attributedRevenue) AS DOUBLE) / NULLIF(SUM(adSpend), 0) AS roas,"
                    + " CAST(SUM(adSpend) AS DOUBLE) / NULLIF(SUM(conversions), 0) AS cpa"
                    + " FROM read_csv(" + quotedPath(folder.resolve(AgencyMetrics.METRICS)) + ", header = true, columns = {"
                    + "'date': 'DATE', 'client': 'VARCHAR', 'campaign': 'VARCHAR', 'impressions': 'BIGINT', 'clicks': 'BIGINT',"
                    + " 'conversions': 'BIGINT', 'adSpend': 'DECIMAL(18, 2)', 'attributedRevenue': 'DECIMAL(18, 2)'})"
                    + " GROUP BY 1 ORDER BY 1";
            Map<String, double[]> months = new TreeMap<>();
            Map<String, Long> rows = new TreeMap<>();
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getLong(2));
                    months.put(result.getString(1), new double[] {result.getDouble(3), result.getDouble(4), result.getDouble(5),
                            result.getDouble(6)});
                }
            }
            List<AgencyMetrics.Month> expected = AgencyMetrics.expected(folder);
            for (AgencyMetrics.Month month : List.of(expected.get(0), expected.get(expected.size() - 1))) {
                double[] kpis = months.get(month.period());
                if (kpis == null || rows.get(month.period()) != month.rows()) {
                    throw new IllegalStateException(month.period() + ": DuckDB's rows differ from the generated ones");
                }
                int i = 0;
                for (Map.Entry<String, Double> kpi : month.kpis().entrySet()) {
                    if (Math.abs(kpis[i++] - kpi.getValue()) > 1e-9 * Math.max(1, Math.abs(kpi.getValue()))) {
                        throw new IllegalStateException(month.period() + " " + kpi.getKey() + ": DuckDB " + kpis[i - 1]
                                + ", expected " + kpi.getValue());
                    }
                }
            }
        }
    }

    /** {@link Scale} with the query run once untimed on the run's own folder first, as kpikit's warm variant. */
    public static final class ScaleWarm extends Scale {

        @Override
        public void warmUp(TrialContext context) throws Exception {
            run(context);
        }
    }

    /**
     * The scored accounts as one SQL query: revenue this year to date and the same span last year per account,
     * share (of the accounts that are not net-negative), growth, the default model's FIXED_SCALE normalisation with
     * the EXCLUDE re-weighting, score to the cent, tier with the model's two rules, ABC class and rank. Checked against
     * kpikit's own portfolio of the folder (computed once, untimed, kept beside the data): the accounts of each tier,
     * the sum of the scores in cents, the accounts of each ABC class and the first-ranked account.
     */
    public static class Scale implements Trial {

        private static final String CHECK_FILE = "kpikit-scores-check.txt";
        private Path folder;
        private String expected;

        @Override
        public void prepare(TrialContext context) throws Exception {
            folder = ScaleTrial.accounts(context);
            expected = expected(folder);
        }

        @Override
        public void warmUp(TrialContext context) throws Exception {
            Path small = ScaleTrial.smallFolder(context);
            check(small, score(small), expected(small));
        }

        @Override
        public long run(TrialContext context) throws Exception {
            Summary summary = score(folder);
            check(folder, summary, expected);
            return summary.rows;
        }

        static void check(Path folder, Summary summary, String expected) {
            if (!summary.toString().equals(expected)) {
                throw new IllegalStateException(folder + ": DuckDB's scores differ from kpikit's:\n  DuckDB " + summary
                        + "\n  kpikit " + expected);
            }
        }

        /** kpikit's figures for the check, computed once per folder. */
        static String expected(Path folder) throws Exception {
            Path file = folder.resolve(CHECK_FILE);
            if (Files.exists(file)) {
                return Files.readString(file);
            }
            Portfolio portfolio = new ScoringFolder(folder).portfolio(OdaDataSetBenchmark.AS_OF, PeriodLength.YEAR,
                    ScoringModel.defaultModel());
            Summary summary = new Summary();
            for (AccountReport report : portfolio.accounts()) {
                summary.add(report.rank(), report.account().id(), report.score().score().movePointRight(2).longValueExact(),
                        report.score().tier(), report.abc() == null ? "-" : report.abc().name());
            }
            Files.writeString(file, summary.toString());
            return summary.toString();
        }

        /** Per tier and ABC class the accounts, the scores' sum in cents, the first account: what both compute. */
        static final class Summary {
            long rows;
            long scoreCents;
            String first;
            final Map<String, Long> tiers = new TreeMap<>();
            final Map<String, Long> classes = new TreeMap<>();

            void add(long rank, String id, long cents, String tier, String abc) {
                rows++;
                scoreCents += cents;
                if (rank == 1) {
                    first = id;
                }
                tiers.merge(tier, 1L, Long::sum);
                classes.merge(abc, 1L, Long::sum);
            }

            @Override
            public String toString() {
                return rows + " accounts, scores " + scoreCents + " cents, tiers " + tiers + ", ABC " + classes + ", first " + first;
            }
        }

        private static Summary score(Path folder) throws Exception {
            Summary summary = new Summary();
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(sql(folder))) {
                while (result.next()) {
                    // the score is a double rounded to the cent: 100 times it is within a rounding error of a whole number
                    summary.add(result.getLong(10), result.getString(1), Math.round(result.getDouble(7) * 100), result.getString(8),
                            result.getString(9));
                    // read the rest of the row, as the kpikit variant reads every column
                    result.getString(2);
                    result.getString(3);
                    result.getBigDecimal(4);
                    result.getDouble(5);
                    result.getDouble(6);
                }
            }
            return summary;
        }

        /** A value on its fixed scale, 0 to 1; null stays null (GREATEST and LEAST skip nulls, which would make a missing input 0). */
        private static String clamp(String value) {
            return "CASE WHEN " + value + " IS NULL THEN NULL ELSE LEAST(1, GREATEST(0, " + value + ")) END";
        }

        /** The query: columns account_id, name, segment, revenue, share, growth, score, tier, abc, rank. */
        public static String sql(Path folder) {
            String asOf = "DATE '" + OdaDataSetBenchmark.AS_OF + "'";
            PeriodLength.DateRange current = PeriodLength.YEAR.current(OdaDataSetBenchmark.AS_OF);
            PeriodLength.DateRange previous = PeriodLength.YEAR.previous(OdaDataSetBenchmark.AS_OF);
            return "WITH revenue AS (SELECT account_id,"
                    + " SUM(CASE WHEN \"date\" BETWEEN DATE '" + current.start() + "' AND DATE '" + current.end() + "' THEN amount END) AS cur,"
                    + " SUM(CASE WHEN \"date\" BETWEEN DATE '" + previous.start() + "' AND DATE '" + previous.end() + "' THEN amount END) AS prev"
                    + " FROM read_csv(" + quotedPath(folder.resolve("revenue.csv")) + ", header = true,"
                    + " columns = {'date': 'DATE', 'account_id': 'VARCHAR', 'amount': 'DECIMAL(18, 2)'})"
                    + " WHERE \"date\" <= " + asOf + " GROUP BY account_id),"
                    + " accounts AS (SELECT * FROM read_csv(" + quotedPath(folder.resolve("accounts.csv")) + ", header = true,"
                    + " columns = {'account_id': 'VARCHAR', 'name': 'VARCHAR', 'segment': 'VARCHAR', 'strategic_value': 'DOUBLE',"
                    + " 'growth_potential': 'DOUBLE', 'engagement': 'DOUBLE', 'satisfaction': 'DOUBLE', 'relationship_start': 'DATE'})),"
                    + " base AS (SELECT SUM(cur) AS positive FROM revenue WHERE cur > 0),"
                    + " inputs AS (SELECT a.*, COALESCE(r.cur, 0) AS cur,"
                    + "   CASE WHEN b.positive > 0 THEN CAST(GREATEST(COALESCE(r.cur, 0), 0) AS DOUBLE) / CAST(b.positive AS DOUBLE) END AS share,"
                    + "   CASE WHEN r.prev > 0 THEN CAST(COALESCE(r.cur, 0) - r.prev AS DOUBLE) / CAST(r.prev AS DOUBLE) END AS growth,"
                    + "   CASE WHEN a.relationship_start IS NULL THEN NULL WHEN a.relationship_start > " + asOf + " THEN 0"
                    + "     ELSE date_sub('month', a.relationship_start, " + asOf + ") / 12.0 END AS years"
                    + "   FROM accounts a LEFT JOIN revenue r ON r.account_id = a.account_id CROSS JOIN base b),"
                    + " normalised AS (SELECT *,"
                    + "   " + clamp("share / 0.4") + " AS n_share, " + clamp("(growth + 0.2) / 0.7") + " AS n_growth,"
                    + "   " + clamp("(strategic_value - 1) / 4") + " AS n_strategic, " + clamp("(growth_potential - 1) / 4") + " AS n_potential,"
                    + "   " + clamp("(engagement - 1) / 4") + " AS n_engagement, " + clamp("(satisfaction - 1) / 4") + " AS n_satisfaction,"
                    + "   " + clamp("years / 10") + " AS n_years FROM inputs),"
                    + " scored AS (SELECT *, ROUND(100 * (30 * COALESCE(n_share, 0) + 10 * COALESCE(n_growth, 0) + 20 * COALESCE(n_strategic, 0)"
                    + "     + 15 * COALESCE(n_potential, 0) + 10 * COALESCE(n_engagement, 0) + 10 * COALESCE(n_satisfaction, 0) + 5 * COALESCE(n_years, 0))"
                    + "   / (30 + CASE WHEN n_growth IS NULL THEN 0 ELSE 10 END + CASE WHEN n_strategic IS NULL THEN 0 ELSE 20 END"
                    + "     + CASE WHEN n_potential IS NULL THEN 0 ELSE 15 END + CASE WHEN n_engagement IS NULL THEN 0 ELSE 10 END"
                    + "     + CASE WHEN n_satisfaction IS NULL THEN 0 ELSE 10 END + CASE WHEN n_years IS NULL THEN 0 ELSE 5 END), 2) AS score FROM normalised),"
                    + " tiered AS (SELECT *, CASE WHEN score >= 70 THEN 0 WHEN score >= 50 THEN 1 WHEN score >= 30 THEN 2 ELSE 3 END AS by_score FROM scored),"
                    + " ruled AS (SELECT *, CASE WHEN strategic_value = 5 AND t1 > 2 THEN 2 ELSE t1 END AS tier_index FROM"
                    + "   (SELECT *, CASE WHEN share < 0.01 AND by_score < 1 THEN 1 ELSE by_score END AS t1 FROM tiered))"
                    + " SELECT account_id, name, segment, cur, share, growth, score,"
                    + "   ['KEY', 'GROWTH', 'MAINTAIN', 'STANDARD'][tier_index + 1] AS tier,"
                    + "   CASE WHEN (SELECT positive FROM base) > 0 THEN CASE"
                    + "     WHEN COALESCE(SUM(GREATEST(cur, 0)) OVER (ORDER BY cur DESC, account_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)"
                    + "       < 0.80 * (SELECT positive FROM base) THEN 'A'"
                    + "     WHEN COALESCE(SUM(GREATEST(cur, 0)) OVER (ORDER BY cur DESC, account_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)"
                    + "       < 0.95 * (SELECT positive FROM base) THEN 'B' ELSE 'C' END ELSE '-' END AS abc,"
                    + "   ROW_NUMBER() OVER (ORDER BY score DESC, account_id) AS rank"
                    + " FROM ruled ORDER BY rank";
        }
    }
}
