import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the four scenario designs (report-templates/startup, consultancy, agency and
 * restaurant.rptdesign) from one description, {@link #SCENARIOS}, and the shared parts in
 * report-templates/tools/parts: the page head (parameters, data sets, library), the headline-KPI
 * table, the key-accounts table, the revenue chart and the KPI-trend grid with one chart per KPI.
 * A change to a part changes all four reports; the charts come from ChartXml.chart.
 *
 * The designs stay readable: one element per line, indented, so a diff shows what changed. The
 * English default text of every text with a key is the value in i18n/kpikit.properties (one
 * source); element ids are numbered in order. Designs are edited here, never by hand: a test
 * (ScenarioDesignsTest) keeps the committed designs equal to what this writes. Afterwards run
 * report-templates/tools/templates.sh for the Designer templates and pictures.
 *
 * Run from the repository root after a build: report-templates/tools/designs.sh [OUTPUT_FOLDER]
 */
public class ScenarioDesigns {

    /** A KPI-trend chart: the KPI's id in the catalog and the number pattern of its value axis. */
    record Trend(String kpi, String pattern) {
    }

    /**
     * A scenario report: its name (design, data folder and text keys), what the Designer's template
     * wizard shows, the text keys of the account and factor columns, and the KPI trends in order.
     */
    record Scenario(String name, String displayName, String description, String accountKey, String factorsKey,
            List<Trend> trends) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("startup", "kpikit start-up report: headline KPIs, key accounts, revenue and trends",
                    "The start-up scenario of the key-account article: monthly revenue growth and loyalty KPIs against"
                            + " targets, the key accounts (client A and the rest) with their scores and tiers, revenue of the"
                            + " key accounts against the others, and twelve months of each KPI. Parameters: dataFolder, asOf"
                            + " (blank: the latest data), periodLength (of the key-account scores).",
                    "common.col.account", "startup.col.factors",
                    List.of(new Trend("revenue", "#,##0"), new Trend("revenueGrowth", "0%"), new Trend("retention", "0%"),
                            new Trend("repeatCustomers", "0.0%"), new Trend("revenuePerCustomer", "#,##0"))),
            new Scenario("consultancy", "kpikit consultancy: client satisfaction, project completion time, revenue per consultant, key clients",
                    "A management consultancy with a multinational key client: headline KPIs against their targets (client"
                            + " satisfaction, project completion time, revenue per consultant), the clients scored as key accounts,"
                            + " the key clients' revenue beside the rest by month, and each KPI's last twelve months. Parameters:"
                            + " the data folder, the as-of date (blank: the latest data) and the scoring period.",
                    "consultancy.col.account", "consultancy.col.contributions",
                    List.of(new Trend("satisfaction", "0%"), new Trend("csat", "0.0"), new Trend("completionDays", "#,##0"),
                            new Trend("onTime", "0%"), new Trend("revenuePerConsultant", "#,##0"), new Trend("revenueGrowth", "0.0%"))),
            new Scenario("agency", "kpikit agency report: campaign KPIs, key clients, fees and trends",
                    "The digital-marketing agency scenario of the key-account article: click-through rate, conversion rate,"
                            + " return on ad spend and cost per acquisition against targets, the key clients (Northwind Retail, the"
                            + " high-profile client, and the rest) with their scores and tiers, fees of the key accounts against the"
                            + " others, and twelve months of each KPI. Parameters: dataFolder, asOf (blank: the latest data),"
                            + " periodLength (of the key-account scores).",
                    "common.col.account", "agency.col.factors",
                    List.of(new Trend("clickThrough", "0.00%"), new Trend("conversion", "0.0%"), new Trend("roas", "0.0"),
                            new Trend("cpa", "#,##0"))),
            new Scenario("restaurant", "kpikit restaurant: average rating, revenue per table, table turnover, VIP guests",
                    "A bistro whose \"accounts\" are its guests: headline KPIs against their targets (average rating, revenue"
                            + " per table, table turnover), the guest book scored as key accounts (the VIP guests come first), the"
                            + " key guests' spend beside the rest by month, and each KPI's last twelve months. Parameters: the data"
                            + " folder, the as-of date (blank: the latest data) and the scoring period.",
                    "restaurant.col.account", "restaurant.col.contributions",
                    List.of(new Trend("rating", "0.0"), new Trend("revenuePerTable", "#,##0"), new Trend("tableTurnover", "0.0"),
                            new Trend("spendPerCover", "#,##0"), new Trend("coversPerService", "#,##0"), new Trend("revenueGrowth", "0.0%"))));

    /** The revenue chart (key accounts stacked on the rest) and each KPI-trend chart, in inches. */
    static final double REVENUE_WIDTH = 6.5, REVENUE_HEIGHT = 2.6, TREND_WIDTH = 3, TREND_HEIGHT = 1.4;

    /** Element ids of the body start here; the head's ids (data source, data sets, parameters) are fixed in report.xml. */
    static final int FIRST_BODY_ID = 100;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)\\}");
    private static final Pattern KEYED_TEXT = Pattern.compile("(<text-property name=\"[^\"]+\" key=\"([^\"]+)\">)(</text-property>)");

    public static void main(String[] args) throws Exception {
        Path templates = Path.of("report-templates");
        Path out = args.length > 0 ? Path.of(args[0]) : templates;
        Files.createDirectories(out);
        ScenarioDesigns generator = new ScenarioDesigns(templates.resolve("tools/parts"), texts(templates.resolve("i18n/kpikit.properties")));
        for (Scenario scenario : SCENARIOS) {
            Path design = out.resolve(scenario.name() + ".rptdesign");
            Files.writeString(design, generator.design(scenario), StandardCharsets.UTF_8);
            System.out.println(design);
        }
    }

    private final Path parts;
    private final Properties texts;
    private final Map<String, String> charts = new LinkedHashMap<>();

    ScenarioDesigns(Path parts, Properties texts) {
        this.parts = parts;
        this.texts = texts;
    }

    static Properties texts(Path file) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            texts.load(in); // ISO-8859-1 with \\u escapes, as BIRT reads them
        }
        return texts;
    }

    String design(Scenario scenario) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", scenario.name());
        values.put("displayName", escape(scenario.displayName()));
        values.put("description", escape(scenario.description()));
        values.put("accountKey", scenario.accountKey());
        values.put("factorsKey", scenario.factorsKey());
        values.put("revenueChart", chart(true, "#,##0", REVENUE_WIDTH, REVENUE_HEIGHT));
        StringBuilder rows = new StringBuilder();
        List<Trend> trends = scenario.trends();
        for (int i = 0; i < trends.size(); i += 2) {
            rows.append("            <row id=\"${id}\">\n");
            rows.append("                <property name=\"pageBreakInside\">avoid</property>\n");
            for (Trend trend : trends.subList(i, Math.min(i + 2, trends.size()))) {
                Map<String, String> cell = new LinkedHashMap<>(values);
                cell.put("kpi", trend.kpi());
                cell.put("chart", chart(false, trend.pattern(), TREND_WIDTH, TREND_HEIGHT));
                rows.append(fill(part("trend-cell.xml"), cell));
            }
            if (i + 1 == trends.size()) {
                rows.append("                <cell id=\"${id}\"/>\n");
            }
            rows.append("            </row>\n");
        }
        values.put("rows", rows.toString());
        String body = fill(part("headline.xml"), values) + fill(part("key-accounts.xml"), values)
                + fill(part("revenue.xml"), values) + fill(part("trends.xml"), values);
        values.put("body", body);
        return numberIds(withEnglishTexts(fill(part("report.xml"), values), scenario));
    }

    private String part(String file) throws IOException {
        return Files.readString(parts.resolve(file), StandardCharsets.UTF_8);
    }

    private String chart(boolean stacked, String pattern, double width, double height) throws Exception {
        String key = stacked + " " + pattern + " " + width + " " + height;
        String xml = charts.get(key);
        if (xml == null) {
            xml = ChartXml.chart(stacked, pattern, width, height);
            charts.put(key, xml);
        }
        return xml;
    }

    /** Each ${name} replaced by its value; ${id} is left for {@link #numberIds}. */
    private static String fill(String part, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(part);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals("id") ? "${id}" : values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for ${" + name + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private String withEnglishTexts(String xml, Scenario scenario) {
        Matcher m = KEYED_TEXT.matcher(xml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String text = texts.getProperty(m.group(2));
            if (text == null) {
                throw new IllegalArgumentException(scenario.name() + ": no text " + m.group(2) + " in i18n/kpikit.properties");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + escape(text) + m.group(3)));
        }
        return m.appendTail(out).toString();
    }

    private static String numberIds(String xml) {
        StringBuilder out = new StringBuilder();
        int id = FIRST_BODY_ID;
        int from = 0;
        for (int at = xml.indexOf("${id}"); at >= 0; at = xml.indexOf("${id}", from)) {
            out.append(xml, from, at).append(id++);
            from = at + "${id}".length();
        }
        return out.append(xml.substring(from)).toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
