package dev.kpikit.bench.trials;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.datatools.connectivity.oda.IConnection;
import org.eclipse.datatools.connectivity.oda.IQuery;
import org.eclipse.datatools.connectivity.oda.IResultSet;
import org.eclipse.datatools.connectivity.oda.IResultSetMetaData;
import org.eclipse.datatools.connectivity.oda.OdaException;

import dev.kpikit.bench.OdaDataSetBenchmark;
import dev.kpikit.bench.harness.Trial;
import dev.kpikit.bench.harness.TrialContext;
import dev.kpikit.runner.engine.KpikitEngine;
import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.runner.engine.RenderRequest;

/**
 * The agency's KPIs by month (click-through rate, conversion rate, return on ad spend, cost per acquisition) from the
 * metrics CSV at N rows ({@link AgencyMetrics}), three ways, each a report design rendered to HTML by kpikit's engine:
 * the kpikit data source with its kpis data set, BIRT's JDBC data source over H2 reading the CSV with the sums and
 * ratios in SQL, and a scripted data set reading the CSV in JavaScript with BIRT aggregations in a grouped table.
 * Every run reads the KPIs of the first and the last month back from the HTML and checks them against the sums the
 * generator wrote, so a variant that skips work fails instead of looking fast. Items are metric rows read.
 */
public final class DataTrials {

    static final long WARM_UP_ROWS = 20_000;
    /** The values are shown with six decimals: half a unit of the last one, and a little for the doubles. */
    private static final double TOLERANCE = 0.5e-6 * 1.01;

    private DataTrials() {
    }

    /** What the three variants share: the engine started untimed, the design copied out, the HTML checked. */
    abstract static class ReportTrial implements Trial {

        private final String designName;
        private KpikitEngine engine;
        private Path design;
        private Path folder;

        ReportTrial(String designName) {
            this.designName = designName;
        }

        /** The report parameters for the generated folder. */
        abstract Map<String, String> parameters(Path folder);

        /** Checks one month in the HTML's text cells, throwing when it is missing or wrong. */
        abstract void check(List<String> cells, AgencyMetrics.Month month);

        @Override
        public void prepare(TrialContext context) throws Exception {
            folder = AgencyMetrics.folder(context.data(), context.size(), context.home());
            design = Files.createDirectories(context.scratch().resolve("designs")).resolve(designName);
            try (InputStream in = DataTrials.class.getResourceAsStream("data/" + designName)) {
                if (in == null) {
                    throw new IllegalStateException("design resource data/" + designName + " is missing");
                }
                Files.copy(in, design, StandardCopyOption.REPLACE_EXISTING);
            }
            engine = KpikitEngine.start();
            context.record("engine start s", engine.startMillis() / 1000.0);
            context.record("csv MB", Files.size(folder.resolve(AgencyMetrics.METRICS)) / 1e6);
        }

        @Override
        public void warmUp(TrialContext context) throws Exception {
            renderAndCheck(context, AgencyMetrics.folder(context.data(), WARM_UP_ROWS, context.home()), "warm-up");
        }

        @Override
        public long run(TrialContext context) throws Exception {
            Path html = renderAndCheck(context, folder, "run");
            context.record("html KB", Files.size(html) / 1e3);
            return context.size();
        }

        private Path renderAndCheck(TrialContext context, Path data, String baseName) throws Exception {
            Path html = engine.render(new RenderRequest(design, parameters(data), List.of(OutputFormat.HTML),
                    context.scratch().resolve("out"), Locale.ENGLISH, baseName)).get(0);
            List<String> cells = cells(Files.readString(html));
            List<AgencyMetrics.Month> months = AgencyMetrics.expected(data);
            check(cells, months.get(0));
            check(cells, months.get(months.size() - 1));
            return html;
        }
    }

    /** The kpikit data source and its kpis data set, one row per KPI per month (design kpikit-oda.rptdesign). */
    public static final class KpikitOda extends ReportTrial {

        public KpikitOda() {
            super("kpikit-oda.rptdesign");
        }

        @Override
        Map<String, String> parameters(Path folder) {
            return Map.of("dataFolder", folder.toString());
        }

        @Override
        void check(List<String> cells, AgencyMetrics.Month month) {
            for (Map.Entry<String, Double> kpi : month.kpis().entrySet()) {
                int at = find(cells, month.period(), kpi.getKey());
                expectNumber(cells, at + 2, kpi.getValue(), month.period() + " " + kpi.getKey());
            }
        }
    }

    /**
     * The kpis data set alone, executed and read to the last row through the ODA interfaces as BIRT reads it, no report
     * rendered: what DuckDB's variant does (the query and its rows), for a like-for-like ratio; the KPIs of the first
     * and the last month are checked against the generator's sums.
     */
    public static final class KpikitDataSet extends AgencyMetrics.FolderTrial {

        @Override
        void work(Path folder) throws Exception {
            IConnection connection = OdaDataSetBenchmark.open(folder);
            try {
                IQuery query = connection.newQuery("dev.kpikit.birt.oda.kpis");
                query.prepare("kpis");
                query.setProperty("catalogFile", "kpi-catalog.json");
                query.setProperty("metricsFile", AgencyMetrics.METRICS);
                IResultSet result = query.executeQuery();
                Map<String, Double> values = new HashMap<>();
                IResultSetMetaData meta = result.getMetaData();
                int period = columnIndex(meta, "period");
                int kpi = columnIndex(meta, "kpiId");
                int value = columnIndex(meta, "value");
                long rows = OdaDataSetBenchmark.readAll(result, () -> {
                    BigDecimal number = result.getBigDecimal(value);
                    values.put(result.getString(period) + " " + result.getString(kpi), number == null ? null : number.doubleValue());
                }).rows();
                result.close();
                List<AgencyMetrics.Month> months = AgencyMetrics.expected(folder);
                for (AgencyMetrics.Month month : List.of(months.get(0), months.get(months.size() - 1))) {
                    for (Map.Entry<String, Double> expected : month.kpis().entrySet()) {
                        Double actual = values.get(month.period() + " " + expected.getKey());
                        if (actual == null || Math.abs(actual - expected.getValue()) > 1e-9 * Math.max(1, Math.abs(expected.getValue()))) {
                            throw new IllegalStateException(month.period() + " " + expected.getKey() + ": the data set gives "
                                    + actual + ", expected " + expected.getValue() + " (" + rows + " rows read)");
                        }
                    }
                }
            } finally {
                connection.close();
            }
        }

        private static int columnIndex(IResultSetMetaData meta, String name) throws OdaException {
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (meta.getColumnName(i).equals(name)) {
                    return i;
                }
            }
            throw new IllegalStateException("the kpis data set has no column " + name);
        }
    }

    /** BIRT's JDBC data source over in-memory H2 reading the CSV, sums and ratios in SQL (design jdbc-h2.rptdesign). */
    public static final class JdbcH2 extends CsvFileTrial {

        public JdbcH2() {
            super("jdbc-h2.rptdesign");
        }
    }

    /** A scripted data set reading the CSV in JavaScript, BIRT aggregations by month (design scripted-js.rptdesign). */
    public static final class ScriptedJs extends CsvFileTrial {

        public ScriptedJs() {
            super("scripted-js.rptdesign");
        }
    }

    /** The ways without kpikit: the design reads the metrics CSV itself and shows a row a month. */
    abstract static class CsvFileTrial extends ReportTrial {

        CsvFileTrial(String design) {
            super(design);
        }

        @Override
        Map<String, String> parameters(Path folder) {
            return Map.of("metricsCsv", folder.resolve(AgencyMetrics.METRICS).toString());
        }

        @Override
        void check(List<String> cells, AgencyMetrics.Month month) {
            checkMonthRow(cells, month);
        }
    }

    /** A row of month, metric rows, then the four KPIs in the catalog's order. */
    static void checkMonthRow(List<String> cells, AgencyMetrics.Month month) {
        int at = find(cells, month.period());
        long rows = Long.parseLong(cells.get(at + 1).replaceAll("[^0-9]", ""));
        if (rows != month.rows()) {
            throw new IllegalStateException(month.period() + ": " + rows + " metric rows in the report, " + month.rows() + " generated");
        }
        int column = at + 2;
        for (Map.Entry<String, Double> kpi : month.kpis().entrySet()) {
            expectNumber(cells, column++, kpi.getValue(), month.period() + " " + kpi.getKey());
        }
    }

    /** The text of the HTML's elements, in order, without blank ones. */
    static List<String> cells(String html) {
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile(">([^<>]+)<").matcher(html.replaceAll("(?s)<style.*?</style>|<script.*?</script>", ""));
        while (m.find()) {
            String text = m.group(1).replace("&nbsp;", " ").strip();
            if (!text.isEmpty()) {
                cells.add(text);
            }
        }
        return cells;
    }

    /** Where the cells {@code sequence} start, one after the other. */
    static int find(List<String> cells, String... sequence) {
        for (int i = 0; i + sequence.length <= cells.size(); i++) {
            boolean found = true;
            for (int j = 0; j < sequence.length && found; j++) {
                found = cells.get(i + j).equals(sequence[j]);
            }
            if (found) {
                return i;
            }
        }
        throw new IllegalStateException("the report has no cells " + String.join(", ", sequence));
    }

    static void expectNumber(List<String> cells, int index, double expected, String what) {
        String text = index < cells.size() ? cells.get(index) : "(nothing)";
        double value;
        try {
            value = Double.parseDouble(text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(what + ": expected " + expected + ", the report shows '" + text + "'");
        }
        if (Math.abs(value - expected) > TOLERANCE) {
            throw new IllegalStateException(what + ": expected " + expected + ", the report shows " + text);
        }
    }
}
