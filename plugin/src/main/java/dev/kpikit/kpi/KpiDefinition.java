package dev.kpikit.kpi;

import java.math.BigDecimal;

/**
 * One KPI of a catalog.
 *
 * @param formula  null for a grouping KPI (a perspective) whose status rolls up from its children
 * @param format   a {@link java.text.DecimalFormat} pattern for the value, or null
 * @param grain    the periods the KPI is evaluated for
 * @param weight   weight in the parent's roll-up (1 when not given)
 * @param parentId null for a top-level KPI
 * @param deadBand relative change within which the trend is flat
 */
public record KpiDefinition(String id, Label label, KpiFormula formula, Unit unit, String format,
                            Goal goal, Grain grain, BigDecimal weight, String parentId, BigDecimal deadBand) {
}
