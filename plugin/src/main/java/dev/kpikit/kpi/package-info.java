/**
 * The KPI domain core: periods, formulas, accumulators, status and trend, and KPI catalogs.
 *
 * <p>A KPI is modelled as SQL Server Analysis Services does: a value, a goal (target), a status
 * and a trend. Every number is a {@link java.math.BigDecimal}; a missing input or a zero
 * denominator gives {@code null} (a blank cell), never Infinity, NaN or an exception. Rates are
 * fractions: 0.25 means 25 %.
 *
 * <p>Pure Java plus Jackson and EvalEx: nothing here may import BIRT, Eclipse, POI or JDBC, so
 * the thin BIRT adapters stay thin and this package is testable on its own.
 */
package dev.kpikit.kpi;
