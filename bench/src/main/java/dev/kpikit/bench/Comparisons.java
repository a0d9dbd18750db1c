package dev.kpikit.bench;

import static dev.kpikit.bench.harness.Comparison.variant;

import java.util.List;

import dev.kpikit.bench.harness.Comparison;
import dev.kpikit.bench.trials.DataTrials;
import dev.kpikit.bench.trials.DuckDbTrials;
import dev.kpikit.bench.trials.ExcelTrials;
import dev.kpikit.bench.trials.FunctionsTrials;
import dev.kpikit.bench.trials.ScaleTrial;
import dev.kpikit.bench.trials.ScoreTrials;
import dev.kpikit.bench.trials.ThroughputTrials;

/** Every comparison {@code ./kpikit bench} runs, in order; kpikit's way first in each. */
final class Comparisons {

    private Comparisons() {
    }

    static List<Comparison> all() {
        return List.of(
                new Comparison("functions", "Start-up KPIs, key-account score and tier on every row, footer aggregates to PDF:"
                        + " kpikit's script functions vs the same in BIRT JavaScript", "rows",
                        List.of(variant("kpikit", FunctionsTrials.Kpikit.class, "-Xmx1g"),
                                variant("javascript", FunctionsTrials.JavaScript.class, "-Xmx1g")),
                        List.of(100_000L), List.of(50_000L), 5, 2),
                new Comparison("throughput", "The four scenario reports to PDF (12 renders each; quick: 1) by one engine on 1 and on 2 threads",
                        "renders", List.of(variant("1-thread", ThroughputTrials.OneThread.class, "-Xmx1g"),
                                variant("2-threads", ThroughputTrials.TwoThreads.class, "-Xmx1g")),
                        List.of(48L), List.of(4L), 5, 2),
                new Comparison("data", "Agency metrics CSV to the KPIs by month (HTML): kpikit's kpis data set vs BIRT's JDBC over H2 "
                        + "(CSVREAD, sums in SQL) vs a scripted data set in JavaScript with BIRT aggregations; the kpis data set alone"
                        + " (executed and read through ODA, no report) vs DuckDB's SQL (no report)",
                        "rows", List.of(variant("kpikit-oda", DataTrials.KpikitOda.class, "-Xmx2g"),
                                variant("kpikit-data-set", DataTrials.KpikitDataSet.class, "-Xmx2g"),
                                variant("jdbc-h2", DataTrials.JdbcH2.class, "-Xmx2g"),
                                variant("scripted-js", DataTrials.ScriptedJs.class, "-Xmx2g"),
                                variant("duckdb-sql", DuckDbTrials.Data.class, "-Xmx2g")),
                        List.of(1_000_000L, 10_000_000L), List.of(200_000L), 3, 2),
                new Comparison("excel", "200,000 scored accounts to XLSX: BIRT's emitter (streaming) vs the scoring workbook writer",
                        "accounts", List.of(variant("birt-emitter", ExcelTrials.BirtEmitter.class, "-Xmx1g"),
                                variant("workbook", ExcelTrials.WorkbookWriter.class, "-Xmx1g")),
                        List.of(200_000L), List.of(20_000L), 3, 1),
                new Comparison("scale", "Scored accounts data set (12 revenue rows an account), executed and read to the last row (all 41 columns, or"
                        + " the ten the DuckDB query returns), vs DuckDB scoring in one SQL query; -warm: after the same read of the"
                        + " same folder in the JVM (as in the report server), the others after one of 5,000 accounts",
                        "accounts", List.of(variant("kpikit", ScaleTrial.class, "-Xmx2g"),
                                variant("kpikit-10-columns", ScaleTrial.DuckDbColumns.class, "-Xmx2g"),
                                variant("duckdb-sql", DuckDbTrials.Scale.class, "-Xmx2g"),
                                variant("kpikit-10-columns-warm", ScaleTrial.DuckDbColumnsWarm.class, "-Xmx2g"),
                                variant("duckdb-sql-warm", DuckDbTrials.ScaleWarm.class, "-Xmx2g")),
                        List.of(10_000L, 100_000L, 300_000L, 1_000_000L), List.of(10_000L, 100_000L), 3, 1),
                new Comparison("score", "kpikit score to a CSV file (12 revenue rows an account), JVM start included, all 43 columns or"
                        + " DuckDB's ten (--fields), vs DuckDB's COPY of the same scoring query to CSV in a new JVM", "accounts",
                        List.of(variant("kpikit-cli", ScoreTrials.Kpikit.class, "-Xmx256m"),
                                variant("kpikit-cli-10-columns", ScoreTrials.KpikitDuckDbColumns.class, "-Xmx256m"),
                                variant("duckdb-copy", ScoreTrials.DuckDb.class, "-Xmx256m")),
                        List.of(300_000L, 1_000_000L), List.of(100_000L), 3, 1));
    }

    static List<String> names() {
        return all().stream().map(Comparison::name).toList();
    }
}
