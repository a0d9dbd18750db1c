package dev.kpikit.kpi;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The KPIs of one scenario, read from JSON and checked as a whole when loaded: every problem is
 * reported at once, each naming the catalog and the KPI (and the position in the formula, or
 * Jackson's line and column for malformed JSON). The format:
 *
 * <pre>{@code
 * {
 *   "scenario": "Online shop",
 *   "metrics": ["visits", "conversions", "adSpend", "attributedRevenue"],
 *   "kpis": [
 *     { "id": "marketing", "label": { "key": "kpi.marketing", "text": "Marketing" } },
 *     { "id": "conversion", "parent": "marketing", "weight": 2,
 *       "label": { "key": "kpi.conversion", "text": "Conversion rate" },
 *       "formula": "CONVERSION_RATE(conversions, visits)", "unit": "PERCENT", "format": "0.0%",
 *       "target": 0.03, "tolerance": "10%", "direction": "higher", "grain": "MONTH", "deadBand": 0.01 }
 *   ]
 * }
 * }</pre>
 *
 * Only {@code id}, {@code label.text} and (except for grouping KPIs, which have children)
 * {@code formula} are required; unit defaults to NUMBER, direction to higher, grain to MONTH,
 * weight to 1. A tolerance is absolute in the KPI's unit ({@code 2.5}) or relative to the
 * target ({@code "10%"}). Formulas use the names under {@code metrics}, their values in the
 * previous period as {@code previous_<metric>}, and the functions listed in {@link KpiFormula};
 * a divisor that is zero in the data and missing metrics give a missing value (a divisor written as a
 * literal zero, {@code revenue / 0}, is refused: the KPI would be blank in every period).
 */
public final class KpiCatalog {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final int SHOWN_FORMULA = 60;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String source;
    private final String scenario;
    private final List<String> metrics;
    private final List<KpiDefinition> kpis;

    private KpiCatalog(String source, String scenario, List<String> metrics, List<KpiDefinition> kpis) {
        this.source = source;
        this.scenario = scenario;
        this.metrics = List.copyOf(metrics);
        this.kpis = List.copyOf(kpis);
    }

    /** Reads and checks the catalog in {@code file}. */
    public static KpiCatalog load(Path file) throws IOException {
        String json;
        try {
            json = Files.readString(file);
        } catch (CharacterCodingException e) { // Java says only "Input length = 1"
            throw new KpiCatalogException(List.of(file + ": the file is not UTF-8 text; save it as UTF-8"));
        }
        return parse(json, file.toString());
    }

    /**
     * Reads and checks a catalog.
     *
     * @param sourceName names the catalog in error messages, usually its file name
     * @throws KpiCatalogException listing every problem found
     */
    public static KpiCatalog parse(String json, String sourceName) {
        CatalogJson catalog;
        try {
            catalog = JSON.readValue(json, CatalogJson.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr() + ":";
            throw new KpiCatalogException(List.of(sourceName + ":" + where + " " + JsonProblems.reason(e)));
        }
        if (catalog == null) { // the file says null: found by fuzzing
            throw new KpiCatalogException(List.of(sourceName + ": the catalog is null; expected an object with \"metrics\" and \"kpis\""));
        }
        return new Checker(sourceName).check(catalog);
    }

    /** The scenario's name, or null when the catalog gives none. */
    public String scenario() {
        return scenario;
    }

    /** The declared metric names, the columns a metric table should supply. */
    public List<String> metrics() {
        return metrics;
    }

    public List<KpiDefinition> kpis() {
        return kpis;
    }

    /** The grains the KPIs are evaluated for. */
    public Set<Grain> grains() {
        Set<Grain> grains = EnumSet.noneOf(Grain.class);
        kpis.forEach(kpi -> grains.add(kpi.grain()));
        return grains;
    }

    /** An accumulator that sums metric rows into the periods this catalog needs. */
    public MetricAccumulator newAccumulator() {
        return new MetricAccumulator(metrics, grains());
    }

    /** {@link #evaluate(SortedMap, ResourceBundle)} with the default (English) labels. */
    public Scorecard evaluate(SortedMap<Period, Map<String, BigDecimal>> metricsByPeriod) {
        return evaluate(metricsByPeriod, null);
    }

    /**
     * Evaluates every KPI for every period of its grain in {@code metricsByPeriod}. The previous
     * value of a KPI is its value in the calendar period before, so it is null for the first
     * period and across gaps: supply one period more than you show if the first should have a trend.
     *
     * @param messages localised labels by message key; null for the default texts
     * @throws KpiCatalogException when a formula fails on the data (see {@link KpiFormula#evaluate})
     */
    public Scorecard evaluate(SortedMap<Period, Map<String, BigDecimal>> metricsByPeriod, ResourceBundle messages) {
        List<KpiResult> rows = new ArrayList<>();
        Map<Period, Map<String, BigDecimal>> values = new HashMap<>();
        for (Period period : metricsByPeriod.keySet()) {
            values.put(period, values(period, metricsByPeriod.get(period),
                    metricsByPeriod.getOrDefault(period.previous(), Map.of())));
        }
        for (Period period : metricsByPeriod.keySet()) {
            Map<String, BigDecimal> current = values.get(period);
            Map<String, BigDecimal> previous = values.getOrDefault(period.previous(), Map.of());
            Map<String, Kpi> inPeriod = new LinkedHashMap<>();
            for (KpiDefinition d : kpis) {
                if (d.grain() == period.grain()) {
                    inPeriod.put(d.id(), new Kpi(d.id(), d.parentId(), d.weight(),
                            current.get(d.id()), previous.get(d.id()), d.goal(), d.deadBand()));
                }
            }
            Map<String, BigDecimal> scores = RollUp.scores(inPeriod.values());
            Map<String, Status> statuses = RollUp.statuses(inPeriod.values());
            for (KpiDefinition d : kpis) {
                Kpi kpi = inPeriod.get(d.id());
                if (kpi != null) {
                    BigDecimal score = scores.get(d.id());
                    rows.add(new KpiResult(period, d.id(), d.parentId(), d.label().in(messages),
                            kpi.value(), d.unit(), d.format(), d.goal().target(),
                            statuses.get(d.id()), score, kpi.trend(), kpi.previousValue(), kpi.change(),
                            kpi.relativeChange()));
                }
            }
        }
        return new Scorecard(rows);
    }

    /** The value of each KPI with a formula of {@code period}'s grain. */
    private Map<String, BigDecimal> values(Period period, Map<String, BigDecimal> metricValues,
                                           Map<String, BigDecimal> previousMetricValues) {
        Map<String, BigDecimal> values = new HashMap<>();
        for (KpiDefinition d : kpis) {
            if (d.formula() != null && d.grain() == period.grain()) {
                try {
                    values.put(d.id(), d.formula().evaluate(metricValues, previousMetricValues));
                } catch (FormulaException e) {
                    throw new KpiCatalogException(List.of(source + ": KPI '" + d.id() + "', period " + period
                            + ": " + e.getMessage() + " in formula '" + d.formula() + "'"));
                }
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return "KpiCatalog[" + source + ", " + kpis.size() + " KPIs]";
    }

    record CatalogJson(String scenario, List<String> metrics, List<KpiJson> kpis) {
    }

    record KpiJson(String id, Label label, String formula, Unit unit, String format, BigDecimal target,
                   String tolerance, String direction, Grain grain, BigDecimal weight, String parent,
                   BigDecimal deadBand) {
    }

    /** Turns the JSON into definitions, collecting every problem rather than stopping at the first. */
    private static final class Checker {

        private final String source;
        private final List<String> problems = new ArrayList<>();

        Checker(String source) {
            this.source = source;
        }

        KpiCatalog check(CatalogJson json) {
            List<String> metrics = json.metrics() == null ? List.of() : json.metrics();
            if (metrics.isEmpty()) {
                problem("declares no metrics");
            }
            Set<String> seenMetrics = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            for (String metric : metrics) {
                if (metric == null || !NAME.matcher(metric).matches()) {
                    problem("metric name '" + metric + "' is not a name (letters, digits and _, not starting with a digit)");
                } else if (metric.toLowerCase(Locale.ROOT).startsWith(KpiFormula.PREVIOUS)) {
                    problem("metric name '" + metric + "' starts with '" + KpiFormula.PREVIOUS + "', which names previous values");
                } else if (!seenMetrics.add(metric)) {
                    problem("metric '" + metric + "' is declared twice");
                }
            }
            List<KpiJson> kpis = json.kpis() == null ? List.of() : json.kpis();
            if (kpis.isEmpty()) {
                problem("declares no KPIs");
            }
            Map<String, KpiJson> byId = new LinkedHashMap<>();
            for (int i = 0; i < kpis.size(); i++) {
                KpiJson kpi = kpis.get(i);
                if (kpi == null || kpi.id() == null || kpi.id().isBlank()) {
                    problem("KPI number " + (i + 1) + " has no id");
                } else if (byId.putIfAbsent(kpi.id(), kpi) != null) {
                    problem("KPI '" + kpi.id() + "' is declared twice");
                }
            }
            Set<String> parents = new HashSet<>();
            byId.values().forEach(kpi -> parents.add(kpi.parent()));
            List<KpiDefinition> definitions = new ArrayList<>();
            for (KpiJson kpi : byId.values()) {
                definitions.add(definition(kpi, metrics, parents.contains(kpi.id())));
            }
            checkParents(byId);
            if (!problems.isEmpty()) {
                throw new KpiCatalogException(problems);
            }
            return new KpiCatalog(source, json.scenario(), metrics, definitions);
        }

        private KpiDefinition definition(KpiJson kpi, List<String> metrics, boolean hasChildren) {
            String id = kpi.id();
            if (kpi.label() == null || kpi.label().text() == null || kpi.label().text().isBlank()) {
                problem(id, "no label text");
            }
            KpiFormula formula = null;
            if (kpi.formula() == null || kpi.formula().isBlank()) {
                if (!hasChildren) {
                    problem(id, "neither a formula nor children");
                }
            } else {
                try {
                    formula = KpiFormula.compile(kpi.formula(), metrics);
                } catch (FormulaException e) {
                    problem(id, e.reason() + " at position " + e.position() + " in formula '" + shown(kpi.formula()) + "'");
                }
            }
            if (kpi.format() != null) {
                try {
                    new DecimalFormat(kpi.format());
                } catch (IllegalArgumentException e) {
                    problem(id, "format '" + kpi.format() + "' is not a number pattern: " + e.getMessage());
                }
            }
            Direction direction = Direction.HIGHER_IS_BETTER;
            Tolerance tolerance = null;
            try {
                direction = Direction.parse(kpi.direction());
                tolerance = kpi.tolerance() == null ? null : Tolerance.parse(kpi.tolerance());
            } catch (IllegalArgumentException e) {
                problem(id, e.getMessage());
            }
            if (kpi.weight() != null && kpi.weight().signum() < 0) {
                problem(id, "weight " + kpi.weight() + " is negative");
            }
            if (kpi.deadBand() != null && kpi.deadBand().signum() < 0) {
                problem(id, "dead band " + kpi.deadBand() + " is negative");
            }
            return new KpiDefinition(id, kpi.label(), formula, kpi.unit() == null ? Unit.NUMBER : kpi.unit(),
                    kpi.format(), new Goal(kpi.target(), direction, tolerance), grain(kpi), kpi.weight(),
                    kpi.parent(), kpi.deadBand());
        }

        /** Every parent exists, has the child's grain (roll-up is per period) and is not its own ancestor. */
        private void checkParents(Map<String, KpiJson> byId) {
            for (KpiJson kpi : byId.values()) {
                if (kpi.parent() == null) {
                    continue;
                }
                KpiJson parent = byId.get(kpi.parent());
                if (parent == null) {
                    problem(kpi.id(), "unknown parent '" + kpi.parent() + "'");
                    continue;
                }
                if (grain(parent) != grain(kpi)) {
                    problem(kpi.id(), "grain " + grain(kpi) + " differs from grain " + grain(parent) + " of its parent '" + parent.id() + "'");
                }
                List<String> path = new ArrayList<>(List.of(kpi.id()));
                for (KpiJson up = parent; up != null && !path.contains(up.id()); up = byId.get(up.parent())) {
                    path.add(up.id());
                    if (kpi.id().equals(up.parent())) {
                        path.add(kpi.id());
                        problem(kpi.id(), "parent cycle " + String.join(" -> ", path));
                    }
                }
            }
        }

        /** A formula as messages quote it: the start of a long one is enough to find it. */
        private static String shown(String formula) {
            return formula.length() <= SHOWN_FORMULA ? formula : formula.substring(0, SHOWN_FORMULA) + "...";
        }

        private static Grain grain(KpiJson kpi) {
            return kpi.grain() == null ? Grain.MONTH : kpi.grain();
        }

        private void problem(String id, String text) {
            problem("KPI '" + id + "': " + text);
        }

        private void problem(String text) {
            problems.add(source + ": " + text);
        }
    }
}
