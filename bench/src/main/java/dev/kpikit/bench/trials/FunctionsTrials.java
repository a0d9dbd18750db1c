package dev.kpikit.bench.trials;

import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import dev.kpikit.bench.harness.Trial;
import dev.kpikit.bench.harness.TrialContext;
import dev.kpikit.birt.functions.KeyAccountFunctions;
import dev.kpikit.birt.functions.KpiFunctions;
import dev.kpikit.runner.engine.KpikitEngine;
import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.runner.engine.RenderRequest;

/**
 * N rows (an account and month each) through a report that computes the start-up scenario's KPIs (revenue growth,
 * retention, repeat customer rate, retention status, revenue trend) and the account's share, key-account score and
 * tier on every row, two ways: with kpikit's script functions ({@code KPI.*}, {@code KeyAccount.*}) and with the same
 * values written out in plain BIRT JavaScript. Both designs come from one template and differ only in the eight
 * computed bindings. The table emits no detail rows: its footer shows aggregates of every computed binding (so each
 * is evaluated on each row), rendered to a one-page PDF, and every run reads the PDF back and checks the aggregates
 * against the same figures computed in Java from the CSV, so a variant that computes less or wrongly fails.
 */
public final class FunctionsTrials {

    /** Computed bindings a row: growth, retention, repeatRate, status, trend, share, score, tier. */
    static final int EXPRESSIONS_PER_ROW = 8;
    static final int WARM_UP_ROWS = 10_000;
    static final String CSV = "rows.csv";

    private FunctionsTrials() {
    }

    /** kpikit's script functions. */
    public static final class Kpikit extends FunctionsTrial {
        public Kpikit() {
            super(Map.of(
                    "growth", "KPI.growth(row[\"revenue_current\"], row[\"revenue_previous\"])",
                    "retention", "KPI.retentionRate(row[\"customers\"], row[\"new_customers\"], row[\"customers_at_start\"])",
                    "repeatRate", "KPI.repeatCustomerRate(row[\"repeat_customers\"], row[\"customers\"])",
                    "status", "KPI.status(row[\"retention\"], 0.95, \"higher\", 0.03)",
                    "trend", "KPI.trend(row[\"revenue_current\"], row[\"revenue_previous\"], 0.02)",
                    "share", "KeyAccount.share(row[\"revenue_current\"], row[\"month_total\"])",
                    "score", "KeyAccount.score(row[\"share\"], row[\"growth\"], row[\"strategic_value\"], row[\"growth_potential\"],"
                            + " row[\"engagement\"], row[\"satisfaction\"], row[\"relationship_years\"])",
                    "tier", "KeyAccount.tier(row[\"score\"])"));
        }
    }

    /**
     * The same values in plain BIRT JavaScript, as a report author writes them without kpikit: null and zero
     * guards, and the default scoring model (fixed scales, weights 30/10/20/15/10/10/5, missing share counted as 0,
     * other missing inputs left out of the weight, score rounded to cents, tiers at 70/50/30) written out.
     */
    public static final class JavaScript extends FunctionsTrial {
        public JavaScript() {
            super(Map.of(
                    "growth", """
                            var c = row["revenue_current"], p = row["revenue_previous"];
                            (c == null || p == null || p == 0) ? null : (c - p) / Math.abs(p)""",
                    "retention", """
                            var e = row["customers"], n = row["new_customers"], s = row["customers_at_start"];
                            (e == null || n == null || s == null || s == 0) ? null : (e - n) / s""",
                    "repeatRate", """
                            var r = row["repeat_customers"], c = row["customers"];
                            (r == null || c == null || c == 0) ? null : r / c""",
                    "status", """
                            var v = row["retention"];
                            v == null ? "NO_VALUE" : (0.95 - v <= 0 ? "GREEN" : (0.95 - v <= 0.03 * 0.95 ? "AMBER" : "RED"))""",
                    "trend", """
                            var c = row["revenue_current"], p = row["revenue_previous"];
                            (c == null || p == null) ? null : (p == 0 ? (c > p ? 1 : c < p ? -1 : 0)
                                : (Math.abs((c - p) / Math.abs(p)) <= 0.02 ? 0 : (c > p ? 1 : -1)))""",
                    "share", """
                            var r = row["revenue_current"], t = row["month_total"];
                            (r == null || t == null || t == 0) ? null : r / t""",
                    "score", """
                            var points = 0, weight = 0, v, any = false;
                            v = row["share"]; if (v != null) { any = true; points += 30 * Math.min(1, Math.max(0, v / 0.4)); } weight += 30;
                            v = row["growth"]; if (v != null) { any = true; points += 10 * Math.min(1, Math.max(0, (v + 0.2) / 0.7)); weight += 10; }
                            v = row["strategic_value"]; if (v != null) { any = true; points += 20 * Math.min(1, Math.max(0, (v - 1) / 4)); weight += 20; }
                            v = row["growth_potential"]; if (v != null) { any = true; points += 15 * Math.min(1, Math.max(0, (v - 1) / 4)); weight += 15; }
                            v = row["engagement"]; if (v != null) { any = true; points += 10 * Math.min(1, Math.max(0, (v - 1) / 4)); weight += 10; }
                            v = row["satisfaction"]; if (v != null) { any = true; points += 10 * Math.min(1, Math.max(0, (v - 1) / 4)); weight += 10; }
                            v = row["relationship_years"]; if (v != null) { any = true; points += 5 * Math.min(1, Math.max(0, v / 10)); weight += 5; }
                            any ? Math.round(10000 * points / weight) / 100 : null""",
                    "tier", """
                            var s = row["score"];
                            s == null ? null : (s >= 70 ? "KEY" : s >= 50 ? "GROWTH" : s >= 30 ? "MAINTAIN" : "STANDARD")"""));
        }
    }

    /** A variant: the design with its expressions, rendered by kpikit's engine, its PDF checked against Java. */
    abstract static class FunctionsTrial implements Trial {

        private final Map<String, String> expressions;
        private KpikitEngine engine;
        private Map<String, Double> expected;

        FunctionsTrial(Map<String, String> expressions) {
            this.expressions = expressions;
        }

        @Override
        public void prepare(TrialContext context) throws Exception {
            Path folder = context.dataFolder("functions-rows");
            generateIfMissing(folder.resolve(CSV), Math.toIntExact(context.size()));
            expected = expected(folder.resolve(CSV));
            engine = KpikitEngine.start();
            context.record("engine start s", engine.startMillis() / 1000.0);
        }

        @Override
        public void warmUp(TrialContext context) throws Exception {
            Path folder = Files.createDirectories(context.data().resolve("functions-rows-warm-up-" + WARM_UP_ROWS));
            generateIfMissing(folder.resolve(CSV), WARM_UP_ROWS);
            check(render(context, folder, "warm-up"), expected(folder.resolve(CSV)), "warm-up");
        }

        @Override
        public long run(TrialContext context) throws Exception {
            long started = System.nanoTime();
            Path pdf = render(context, context.dataFolder("functions-rows"), "run");
            double seconds = (System.nanoTime() - started) / 1e9;
            check(pdf, expected, context.variant());
            context.record("render s", seconds);
            context.record("evaluations/s", context.size() * (double) EXPRESSIONS_PER_ROW / seconds);
            return context.size();
        }

        private Path render(TrialContext context, Path dataFolder, String name) throws Exception {
            Path design = context.scratch().resolve("functions-" + name + ".rptdesign");
            Files.writeString(design, design(dataFolder, expressions));
            return engine.render(new RenderRequest(design, Map.of(), List.of(OutputFormat.PDF), context.scratch().resolve("out"),
                    Locale.ENGLISH, "functions-" + name)).get(0);
        }
    }

    // ---- the data --------------------------------------------------------------------------------------------------

    static final String HEADER = "account_id,month,revenue_current,revenue_previous,month_total,customers,customers_at_start,"
            + "new_customers,repeat_customers,strategic_value,growth_potential,engagement,satisfaction,relationship_years";
    static final String COLUMN_TYPES = "revenue_current=DECIMAL, revenue_previous=DECIMAL, month_total=DECIMAL, customers=DECIMAL,"
            + " customers_at_start=DECIMAL, new_customers=DECIMAL, repeat_customers=DECIMAL, strategic_value=DECIMAL,"
            + " growth_potential=DECIMAL, engagement=DECIMAL, satisfaction=DECIMAL, relationship_years=DECIMAL";
    static final List<String> STRING_COLUMNS = List.of("account_id", "month");

    /**
     * Accounts with twelve months each (fixed seed): revenue this and last month (1 % of previous months zero, so no
     * growth), the month's total revenue (shares from 0.5 % to 50 %), customer counts (2 % with no customers at the
     * start, so no retention), and the account's ratings (5 % without satisfaction).
     */
    static void generateIfMissing(Path csv, int rows) throws Exception {
        if (Files.isRegularFile(csv)) {
            return;
        }
        Random random = new Random(20_241_101L);
        Path partial = csv.resolveSibling(csv.getFileName() + ".partial");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.newLine();
            int[] ratings = new int[4];
            int years = 0;
            boolean noSatisfaction = false;
            for (int i = 0; i < rows; i++) {
                int month = i % 12;
                if (month == 0) {
                    for (int r = 0; r < ratings.length; r++) {
                        ratings[r] = 1 + random.nextInt(5);
                    }
                    years = random.nextInt(16);
                    noSatisfaction = random.nextInt(100) < 5;
                }
                BigDecimal previous = random.nextInt(100) == 0 ? BigDecimal.ZERO.setScale(2)
                        : cents(1_000 + random.nextDouble() * 49_000);
                BigDecimal current = cents((previous.signum() == 0 ? 5_000 : previous.doubleValue()) * (0.7 + random.nextDouble() * 0.8));
                BigDecimal total = cents(current.doubleValue() * (2 + random.nextDouble() * 198));
                int customers = 10 + random.nextInt(491);
                int atStart = random.nextInt(50) == 0 ? 0 : 10 + random.nextInt(491);
                int newCustomers = random.nextInt(customers / 3 + 1);
                int repeat = random.nextInt(customers + 1);
                out.write(String.format(Locale.ROOT, "A%06d,2024-%02d,%s,%s,%s,%d,%d,%d,%d,%d,%d,%d,%s,%d", i / 12, month + 1,
                        current.toPlainString(), previous.toPlainString(), total.toPlainString(), customers, atStart, newCustomers,
                        repeat, ratings[0], ratings[1], ratings[2], noSatisfaction ? "" : Integer.toString(ratings[3]), years));
                out.newLine();
            }
        }
        Files.move(partial, csv);
    }

    private static BigDecimal cents(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    /** The footer's figures computed in Java with kpikit's own functions, as the kpikit variant must show them. */
    static Map<String, Double> expected(Path csv) throws Exception {
        double sumScore = 0;
        double sumShare = 0;
        double sumGrowth = 0;
        double sumRetention = 0;
        double sumRepeat = 0;
        long growths = 0;
        long retentions = 0;
        long repeats = 0;
        long trendSum = 0;
        long rows = 0;
        Map<String, Long> tiers = new LinkedHashMap<>(Map.of("KEY", 0L, "GROWTH", 0L, "MAINTAIN", 0L, "STANDARD", 0L));
        Map<String, Long> statuses = new LinkedHashMap<>(Map.of("GREEN", 0L, "AMBER", 0L, "RED", 0L, "NO_VALUE", 0L));
        try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines.skip(1)::iterator) {
                String[] f = line.split(",", -1);
                BigDecimal current = decimal(f[2]);
                BigDecimal previous = decimal(f[3]);
                BigDecimal growth = KpiFunctions.growth(current, previous);
                BigDecimal retention = KpiFunctions.retentionRate(decimal(f[5]), decimal(f[7]), decimal(f[6]));
                BigDecimal repeat = KpiFunctions.repeatCustomerRate(decimal(f[8]), decimal(f[5]));
                String status = KpiFunctions.status(retention, new BigDecimal("0.95"), "higher", new BigDecimal("0.03"));
                Integer trend = KpiFunctions.trend(current, previous, new BigDecimal("0.02"));
                BigDecimal share = KeyAccountFunctions.share(current, decimal(f[4]));
                BigDecimal score = KeyAccountFunctions.score(share, growth, decimal(f[9]), decimal(f[10]), decimal(f[11]),
                        decimal(f[12]), decimal(f[13]), null);
                String tier = KeyAccountFunctions.tier(score, null);
                rows++;
                sumScore += score.doubleValue();
                sumShare += share.doubleValue();
                if (growth != null) {
                    sumGrowth += growth.doubleValue();
                    growths++;
                }
                if (retention != null) {
                    sumRetention += retention.doubleValue();
                    retentions++;
                }
                if (repeat != null) {
                    sumRepeat += repeat.doubleValue();
                    repeats++;
                }
                trendSum += trend == null ? 0 : trend;
                tiers.merge(tier, 1L, Long::sum);
                statuses.merge(status, 1L, Long::sum);
            }
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("rows", (double) rows);
        figures.put("sumScore", sumScore);
        figures.put("sumShare", sumShare);
        figures.put("aveGrowth", sumGrowth / growths);
        figures.put("aveRetention", sumRetention / retentions);
        figures.put("aveRepeatRate", sumRepeat / repeats);
        figures.put("trendSum", (double) trendSum);
        tiers.forEach((tier, count) -> figures.put("tier" + tier, (double) count));
        statuses.forEach((status, count) -> figures.put("status" + status, (double) count));
        return figures;
    }

    private static BigDecimal decimal(String text) {
        return text.isEmpty() ? null : new BigDecimal(text);
    }

    // ---- the check ---------------------------------------------------------------------------------------------------

    private static final Pattern FIGURE = Pattern.compile("(?m)^\\s*(\\w+)\\s+(-?[0-9]+(?:\\.[0-9]+)?)\\s*$");

    /**
     * The PDF's figures against Java's. Counts may differ by a few rows in a hundred thousand and sums by a cent a
     * row: JavaScript computes in doubles, kpikit in decimals, which can fall on either side of a tier boundary or a
     * half cent.
     */
    static void check(Path pdf, Map<String, Double> expected, String variant) throws Exception {
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(document);
        }
        Map<String, Double> shown = new LinkedHashMap<>();
        Matcher matcher = FIGURE.matcher(text);
        while (matcher.find()) {
            shown.put(matcher.group(1), Double.valueOf(matcher.group(2)));
        }
        double rows = expected.get("rows");
        List<String> wrong = new ArrayList<>();
        for (var entry : expected.entrySet()) {
            String name = entry.getKey();
            Double value = shown.get(name);
            double tolerance = name.startsWith("tier") || name.startsWith("status") || name.equals("trendSum")
                    ? Math.max(2, rows / 10_000)
                    : name.equals("sumScore") ? 0.01 * Math.max(2, rows / 1_000) : 1e-6 * Math.max(1, Math.abs(entry.getValue()));
            if (value == null || Math.abs(value - entry.getValue()) > tolerance) {
                wrong.add(name + " " + value + " (expected " + entry.getValue() + ")");
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(variant + ": the PDF's figures are not the expected ones: " + wrong
                    + (shown.isEmpty() ? "; its text: " + text : ""));
        }
    }

    // ---- the design ----------------------------------------------------------------------------------------------------

    /** The one template: the data set over the CSV, the table's bindings, and a footer with one aggregate a line. */
    static String design(Path dataFolder, Map<String, String> expressions) {
        StringBuilder bindings = new StringBuilder();
        StringBuilder resultSet = new StringBuilder();
        int position = 1;
        for (String column : HEADER.split(",")) {
            String type = STRING_COLUMNS.contains(column) ? "string" : "decimal";
            resultSet.append(String.format(Locale.ROOT, """
                    <structure><property name="position">%d</property><property name="name">%s</property>\
                    <property name="nativeName">%s</property><property name="dataType">%s</property>\
                    <property name="nativeDataType">%d</property></structure>
                    """, position++, column, column, type, type.equals("string") ? 12 : 3));
            bindings.append(binding(column, type, "dataSetRow[\"" + column + "\"]"));
        }
        for (String[] computed : new String[][] {{"growth", "decimal"}, {"retention", "decimal"}, {"repeatRate", "decimal"},
                {"status", "string"}, {"trend", "integer"}, {"share", "decimal"}, {"score", "decimal"}, {"tier", "string"}}) {
            bindings.append(binding(computed[0], computed[1], expressions.get(computed[0])));
        }
        StringBuilder footer = new StringBuilder();
        int id = 1000;
        String[][] aggregates = {
                {"rows", "COUNT", null, null}, {"sumScore", "SUM", "row[\"score\"]", null},
                {"sumShare", "SUM", "row[\"share\"]", null}, {"aveGrowth", "AVE", "row[\"growth\"]", null},
                {"aveRetention", "AVE", "row[\"retention\"]", null}, {"aveRepeatRate", "AVE", "row[\"repeatRate\"]", null},
                {"trendSum", "SUM", "row[\"trend\"]", null},
                {"tierKEY", "COUNT", null, "row[\"tier\"] == \"KEY\""}, {"tierGROWTH", "COUNT", null, "row[\"tier\"] == \"GROWTH\""},
                {"tierMAINTAIN", "COUNT", null, "row[\"tier\"] == \"MAINTAIN\""},
                {"tierSTANDARD", "COUNT", null, "row[\"tier\"] == \"STANDARD\""},
                {"statusGREEN", "COUNT", null, "row[\"status\"] == \"GREEN\""}, {"statusAMBER", "COUNT", null, "row[\"status\"] == \"AMBER\""},
                {"statusRED", "COUNT", null, "row[\"status\"] == \"RED\""}, {"statusNONE", "COUNT", null, "row[\"status\"] == \"NONE\""}};
        for (String[] aggregate : aggregates) {
            bindings.append(aggregation(aggregate[0], aggregate[1], aggregate[2], aggregate[3]));
            footer.append(String.format(Locale.ROOT, """
                    <row id="%d"><cell id="%d"><label id="%d"><text-property name="text">%s</text-property></label></cell>\
                    <cell id="%d"><data id="%d"><structure name="numberFormat"><property name="category">Custom</property>\
                    <property name="pattern">%s</property></structure><property name="resultSetColumn">%s</property></data></cell></row>
                    """, id++, id++, id++, aggregate[0], id++, id++,
                    aggregate[1].equals("COUNT") || aggregate[0].equals("trendSum") ? "0" : "0.000000", aggregate[0]));
        }
        return TEMPLATE.replace("@DATA_FOLDER@", xml(dataFolder.toAbsolutePath().toString()))
                .replace("@CSV@", CSV)
                .replace("@COLUMN_TYPES@", COLUMN_TYPES)
                .replace("@RESULT_SET@", resultSet)
                .replace("@BINDINGS@", bindings)
                .replace("@FOOTER@", footer);
    }

    private static String binding(String name, String type, String expression) {
        return String.format(Locale.ROOT, """
                <structure><property name="name">%s</property><expression name="expression" type="javascript">%s</expression>\
                <property name="dataType">%s</property></structure>
                """, name, xml(expression), type);
    }

    private static String aggregation(String name, String function, String argument, String filter) {
        return String.format(Locale.ROOT, """
                <structure><property name="name">%s</property><property name="dataType">%s</property>\
                <property name="aggregateFunction">%s</property>%s%s</structure>
                """, name, function.equals("COUNT") ? "integer" : "decimal", function,
                argument == null ? "" : "<list-property name=\"arguments\"><structure><property name=\"name\">Expression</property>"
                        + "<expression name=\"value\" type=\"javascript\">" + xml(argument) + "</expression></structure></list-property>",
                filter == null ? "" : "<expression name=\"filterExpr\" type=\"javascript\">" + xml(filter) + "</expression>");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String TEMPLATE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <report xmlns="http://www.eclipse.org/birt/2005/design" version="3.2.26" id="1">
                <property name="createdBy">kpikit bench</property>
                <property name="units">in</property>
                <data-sources>
                    <oda-data-source extensionID="dev.kpikit.birt.oda" name="kpikit" id="2">
                        <property name="dataFolder">@DATA_FOLDER@</property>
                    </oda-data-source>
                </data-sources>
                <data-sets>
                    <oda-data-set extensionID="dev.kpikit.birt.oda.table" name="rows" id="3">
                        <property name="dataSource">kpikit</property>
                        <list-property name="resultSet">
            @RESULT_SET@
                        </list-property>
                        <xml-property name="queryText"><![CDATA[@CSV@]]></xml-property>
                        <property name="columnTypes">@COLUMN_TYPES@</property>
                    </oda-data-set>
                </data-sets>
                <page-setup>
                    <simple-master-page name="page" id="4"/>
                </page-setup>
                <body>
                    <table name="figures" id="5">
                        <property name="dataSet">rows</property>
                        <property name="pageBreakInterval">0</property>
                        <list-property name="boundDataColumns">
            @BINDINGS@
                        </list-property>
                        <column id="6"><property name="width">2in</property></column>
                        <column id="7"><property name="width">2in</property></column>
                        <footer>
            @FOOTER@
                        </footer>
                    </table>
                </body>
            </report>
            """;
}
