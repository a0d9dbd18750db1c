package dev.kpikit.kpi;

import java.math.BigDecimal;

/**
 * One KPI in one period, flat as a row of the {@code kpis} data set. The value of a grouping
 * KPI is null; its status and score come from its children ({@link RollUp}).
 *
 * @param previousValue the KPI's value in the calendar period before (null across a gap)
 * @param change        value - previous value
 * @param relativeChange (value - previous) / |previous|, a fraction
 * @param trend         1 rising, 0 flat, -1 falling, null without both values
 */
public record KpiResult(Period period, String kpiId, String parentId, String label,
                        BigDecimal value, Unit unit, String format, BigDecimal target,
                        Status status, BigDecimal statusScore, Integer trend,
                        BigDecimal previousValue, BigDecimal change, BigDecimal relativeChange) {
}
