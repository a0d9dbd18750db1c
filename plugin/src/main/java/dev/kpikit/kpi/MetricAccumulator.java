package dev.kpikit.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Sums metric rows (a date and metric columns) into the periods of one or more grains as they
 * stream past, so a large metric table is never held in memory: only one sum per metric per
 * period. Metrics must be additive (amounts, counts); a stock such as head count must be
 * supplied once per period. A metric no row gave a value for stays missing, not zero.
 */
public final class MetricAccumulator {

    /** Declared metric name by column name, ignoring case as formulas do (JDBC drivers often upper-case). */
    private final Map<String, String> metricByColumn = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<Grain> grains;
    private final SortedMap<Period, Map<String, BigDecimal>> sums = new TreeMap<>();
    /** Column names as the rows spell them, each resolved once: per row a hash lookup, not a case-insensitive search. */
    private final Map<String, Optional<String>> resolvedColumns = new HashMap<>();
    /** The day last added and its periods' sums, one per grain: metric rows mostly come day by day. */
    private LocalDate lastDate;
    private List<Map<String, BigDecimal>> lastSums;

    public MetricAccumulator(Collection<String> metrics, Collection<Grain> grains) {
        metrics.forEach(metric -> metricByColumn.put(metric, metric));
        this.grains = List.copyOf(grains);
    }

    /** Adds one row; columns that are not metrics and null values are ignored. */
    public void add(LocalDate date, Map<String, BigDecimal> row) {
        if (date == null) {
            throw new IllegalArgumentException("A metric row has no date: " + row);
        }
        if (!date.equals(lastDate)) {
            lastSums = grains.stream()
                    .map(grain -> sums.computeIfAbsent(Period.containing(date, grain), p -> new HashMap<>())).toList();
            lastDate = date;
        }
        row.forEach((column, value) -> {
            String metric = resolvedColumns.computeIfAbsent(column, name -> Optional.ofNullable(metricByColumn.get(name)))
                    .orElse(null);
            if (metric != null && value != null) {
                for (Map<String, BigDecimal> periodSums : lastSums) {
                    periodSums.merge(metric, value, BigDecimal::add);
                }
            }
        });
    }

    /** A snapshot of the sums so far, by period and declared metric name; periods without any row are absent (gaps). */
    public SortedMap<Period, Map<String, BigDecimal>> metricsByPeriod() {
        SortedMap<Period, Map<String, BigDecimal>> snapshot = new TreeMap<>();
        sums.forEach((period, values) -> snapshot.put(period, Map.copyOf(values)));
        return Collections.unmodifiableSortedMap(snapshot);
    }
}
