package dev.kpikit.kpi;

import java.util.List;
import java.util.Optional;

/** A catalog evaluated over periods: one result per KPI per period, ordered by period then catalog order. */
public record Scorecard(List<KpiResult> rows) {

    public Scorecard {
        rows = List.copyOf(rows);
    }

    /** The result of KPI {@code kpiId} in {@code period}, if evaluated. */
    public Optional<KpiResult> row(Period period, String kpiId) {
        return rows.stream().filter(r -> r.period().equals(period) && r.kpiId().equals(kpiId)).findFirst();
    }
}
